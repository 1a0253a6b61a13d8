/** `cape steer`: hands its arguments to the steering CLI, which parses them itself, after joining negative values (`--strength -4`). */
import { joinNegativeValues, type Args } from './args.ts';

export async function run(args: Args): Promise<number> {
  const { steerMain } = await import('../../steer/cli/main.ts');
  // Every steer option that is followed by a negative number takes a value; a switch given one is then rejected by steer's own strict parse.
  return steerMain(joinNegativeValues(args.positionals, () => true));
}
