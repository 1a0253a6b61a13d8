/** vitest global setup: builds dist/ once before the tests that run `bin/cape.mjs`, so they never rebuild it concurrently. */
import { buildDist, distIsStale } from '../../scripts/build-dist.mjs';

export default async function setup(): Promise<void> {
  if (distIsStale()) await buildDist();
}
