// How much of the direction to add: a fixed multiple (absolute, or relative
// to the residual stream's typical norm), or the authors' cosine-band gate.
import { SteerInputError } from '../errors.ts';
import { cosine } from './activations.ts';
import type { VectorFile } from '../io/vector-file.ts';

export type StrengthSpec = { kind: 'fixed'; value: number; relative: boolean } | { kind: 'authors-gate' };

/**
 * The authors' rule (cape_steer.py): strength from the cosine between the
 * prompt's last-token state at the probe layer and the unit truth direction.
 * Reproduced as published; the thresholds are theirs, not calibrated here.
 */
export const AUTHORS_BANDS = [
  { below: -0.1, label: 'SEVERE_TAX', strength: 3.0 },
  { below: 0.1, label: 'MILD_TAX', strength: 1.5 },
  { below: 0.3, label: 'BALANCED', strength: 0.5 },
  { below: Infinity, label: 'BONUS', strength: 0 },
] as const;

export function authorsBand(cos: number): { label: string; strength: number } {
  const band = AUTHORS_BANDS.find((b) => cos < b.below)!;
  return { label: band.label, strength: band.strength };
}

export interface ResolvedStrength {
  /** Multiplier of the saved (unit) vector. */
  alpha: number;
  /** 'fixed', 'fixed (relative)' or the authors' band label. */
  label: string;
  /** Prompt cosine to the direction: computed for the gate, else null. */
  cos: number | null;
}

/**
 * Relative strength r adds r times the typical residual L2 norm at that layer
 * (residualRms * sqrt(dModel)), since the saved vector has unit norm.
 */
export function resolveStrength(spec: StrengthSpec, vf: VectorFile, promptState?: Float32Array): ResolvedStrength {
  if (spec.kind === 'fixed') {
    if (spec.relative && vf.residualRms === null) {
      throw new SteerInputError(
        `vector ${vf.model.source} records no residual RMS (imported), so --relative has nothing to scale by: give an absolute --strength`,
      );
    }
    const typicalNorm = (vf.residualRms ?? 0) * Math.sqrt(vf.dModel);
    return spec.relative
      ? { alpha: (spec.value * typicalNorm) / vf.norm, label: 'fixed (relative)', cos: null }
      : { alpha: spec.value, label: 'fixed', cos: null };
  }
  if (!promptState) throw new Error("the authors' gate needs the prompt's hidden state");
  const cos = cosine(promptState, vf.vector);
  const band = authorsBand(cos);
  return { alpha: band.strength, label: `${band.label} (authors' gate)`, cos };
}

export function describeStrength(spec: StrengthSpec): string {
  if (spec.kind === 'authors-gate') return "authors' cosine gate (cos<-0.1: 3.0, <0.1: 1.5, <0.3: 0.5, else 0)";
  return spec.relative ? `${spec.value} x typical residual norm` : `${spec.value} (absolute, unit vector)`;
}
