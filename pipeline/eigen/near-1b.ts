import type { PanelCoupling } from '../coupling.ts';
import { intervalAt } from './olmo-sources.ts';

/** g12 of the intervals that start and end at a model (Paper A §6's "γ12 at ~1B" does not say which). */
export interface ModelGamma {
  panel: string;
  model: string;
  startsAt: { to: string; g12: number | null } | null;
  endsAt: { from: string; g12: number | null } | null;
}

export function modelGammas(pcs: readonly PanelCoupling[], models: readonly string[]): ModelGamma[] {
  return pcs.flatMap((pc) =>
    models.map((model) => {
      const s = intervalAt(pc, model, 'from');
      const e = intervalAt(pc, model, 'to');
      return { panel: pc.panel, model, startsAt: s ? { to: s.to, g12: s.g12 } : null, endsAt: e ? { from: e.from, g12: e.g12 } : null };
    }),
  );
}
