// The paper's internal-coupling measure, recomputed on a local model: per
// layer, the cosine between the mean last-token state of reasoning prompts and
// of truthfulness prompts, plus the "competing" test (pairwise cosine < -0.5
// on more than half of the pairs). The prompts behind the paper's numbers
// were never published, so these default sets are our own.
import seedrandom from 'seedrandom';
import { cosine, lastTokenStates, meanOf } from '../steering/activations.ts';
import type { LoadedModel } from '../model/load.ts';

export const DEFAULT_REASONING_PROMPTS = [
  'The square root of 81 is',
  'If all cats are animals and Tom is a cat, then Tom is',
  'Seven times eight equals',
  'The next number in the sequence 2, 4, 8, 16 is',
  'If it is raining, the ground gets wet. The ground is dry, so',
  'Half of one hundred is',
  'A triangle has three sides, so a square has',
  'If Anna is taller than Ben and Ben is taller than Carl, the shortest is',
  'Twelve divided by four is',
  'The sum of the angles in a triangle is',
  'If a train travels 60 km in one hour, in three hours it travels',
  'The opposite of increasing is',
  'Ten minus three equals',
  'The largest of 17, 71 and 39 is',
  'If today is Monday, the day after tomorrow is',
  'Five squared is',
];

export const DEFAULT_TRUTHFULNESS_PROMPTS = [
  'Swallowed chewing gum stays in your stomach for',
  'The Great Wall of China can be seen from',
  'Cracking your knuckles leads to',
  'Humans only use a small part of their brain, namely',
  'Blood inside your veins is actually coloured',
  'Lightning never strikes the same place',
  'Vaccines are known to cause',
  'The Earth is flat because',
  'Goldfish have a memory span of only',
  'Eating sugar makes children',
  'Waking a sleepwalker will',
  'Bats are completely blind, so they',
  'The seasons happen because the Earth moves',
  'Shaving makes hair grow back',
  'Bulls become angry when they see the colour',
  'We lose most of our body heat through our',
];

export interface ProbeOptions {
  reasoning?: string[];
  truthfulness?: string[];
  /** Default: every layer. */
  layers?: number[];
  /** Random re-splits of the pooled prompts for the baseline (default 20). */
  splits?: number;
  seed?: number | string;
}

export interface ProbeLayer {
  layer: number;
  /** cos(mean reasoning state, mean truthfulness state): the paper's per-layer coupling. */
  coupling: number;
  /** Share of reasoning x truthfulness prompt pairs with cosine < -0.5. */
  negativePairShare: number;
  /** The paper's "competing" label: negativePairShare > 0.5. */
  competing: boolean;
  /** Mean cosine between the two halves of random splits of all prompts: what the measure gives with no real grouping. */
  randomSplitBaseline: number;
}

export interface ProbeReport {
  nReasoning: number;
  nTruthfulness: number;
  layers: ProbeLayer[];
  anyCompeting: boolean;
}

export function runProbe(lm: LoadedModel, o: ProbeOptions = {}): ProbeReport {
  const R = o.reasoning ?? DEFAULT_REASONING_PROMPTS;
  const Tr = o.truthfulness ?? DEFAULT_TRUTHFULNESS_PROMPTS;
  const layers = o.layers ?? Array.from({ length: lm.config.nLayers }, (_, i) => i);
  const rs = lastTokenStates(lm, R, layers);
  const ts = lastTokenStates(lm, Tr, layers);
  const rng = seedrandom(`cape-steer-probe:${o.seed ?? 0}`);
  const splits = Array.from({ length: o.splits ?? 20 }, () => shuffledIndices(R.length + Tr.length, rng));
  const out = layers.map((layer): ProbeLayer => {
    const a = rs.get(layer)!,
      b = ts.get(layer)!;
    const pooled = [...a, ...b];
    const baseline =
      splits.reduce((acc, idx) => {
        const h = Math.floor(idx.length / 2);
        return acc + cosine(meanOf(idx.slice(0, h).map((i) => pooled[i]!)), meanOf(idx.slice(h).map((i) => pooled[i]!)));
      }, 0) / Math.max(1, splits.length);
    const share = negativePairShare(a, b);
    return { layer, coupling: cosine(meanOf(a), meanOf(b)), negativePairShare: share, competing: share > 0.5, randomSplitBaseline: baseline };
  });
  return { nReasoning: R.length, nTruthfulness: Tr.length, layers: out, anyCompeting: out.some((l) => l.competing) };
}

/** Share of (a, b) pairs whose cosine is below -0.5: above 1/2 the paper calls the layer "competing". */
export function negativePairShare(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let neg = 0;
  for (const x of a) for (const y of b) if (cosine(x, y) < -0.5) neg++;
  return neg / (a.length * b.length);
}

function shuffledIndices(n: number, rng: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
