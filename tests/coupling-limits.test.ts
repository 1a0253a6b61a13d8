import { describe, expect, it } from 'vitest';
import { config } from '../pipeline/config.ts';
import { familyCoupling } from '../pipeline/coupling.ts';
import { createRng } from '../pipeline/stats/rng.ts';
import { model } from './helpers/fixtures.ts';

describe('the permutation test never stalls', () => {
  it('enumerates exactly up to the configured size and draws Monte Carlo orderings above it', () => {
    const fam = (n: number) => Array.from({ length: n }, (_, i) => model(`M${i}`, 'F', 0.1 * 2 ** i, 30 + 4 * i, 45 - 1.5 * i + (i % 3)));
    const cfg = structuredClone(config);
    cfg.coupling.monteCarloPermutations = 2000;
    const small = familyCoupling('F', fam(cfg.coupling.exactPermutationMaxN), cfg, createRng('p')).permutation!;
    const large = familyCoupling('F', fam(cfg.coupling.exactPermutationMaxN + 4), cfg, createRng('p')).permutation!;
    expect(small.method).toBe('exact');
    expect(large.method).toBe('monte-carlo');
    expect(large.permutations).toBe(2000);
  });
});
