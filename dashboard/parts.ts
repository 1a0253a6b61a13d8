/**
 * Values derived from a whole result folder at build time, by name. A tab
 * lists the parts it reads (dashboard/tabs/registry.ts) and gets only those,
 * in its data file, when it first opens.
 */
import type { PhasePoint } from '../figures/A-fig1a-phase-diagram.ts';
import type { PanelName } from '../pipeline/types.ts';
import { tableOf } from './derive.ts';
import type { Payload } from './payload.ts';

const PANELS: PanelName[] = ['as published', 'audited'];

/** Every scored model of a panel with the phase of the interval ending at it (as Fig. 1a assigns it). */
function phasePoints(p: Payload, panel: PanelName): PhasePoint[] {
  const ending = new Map(
    tableOf(p.tables, 'A-s2-coupling-intervals')
      .rows.filter((r) => r.panel === panel)
      .map((r) => [`${r.family}\u0000${r.to}`, r]),
  );
  return p.panels[panel]
    .filter((m) => m.scores.hellaswag !== null && m.scores.truthfulqa_mc2 !== null)
    .map((m) => {
      const iv = ending.get(`${m.family}\u0000${m.model}`);
      return {
        model: m.model,
        family: m.family,
        params_b: m.paramsB,
        hellaswag: m.scores.hellaswag,
        truthfulqa: m.scores.truthfulqa_mc2,
        phase: (iv?.phase as string) || 'none',
        g12: typeof iv?.g12 === 'number' ? iv.g12 : null,
        source: m.source,
      };
    });
}

export const PARTS = {
  config: (p: Payload) => p.config,
  panels: (p: Payload) => p.panels,
  reference: (p: Payload) => p.reference,
  interventions: (p: Payload) => p.interventions,
  /** The run's noise model, so a diagnosis in the browser carries the same standard errors as the CLI's. */
  noise: (p: Payload) => p.noise,
  frontierLine: (p: Payload) => p.frontierLine,
  example: (p: Payload) => p.example,
  claims: (p: Payload) => p.claims,
  statuses: (p: Payload) => p.statuses,
  claimLinks: (p: Payload) => p.claimLinks,
  /** The abstracts' claims, for the Overview's headline cards. */
  headlines: (p: Payload) => p.claims.filter((r) => /^[AB]\.absv?2?\./.test(String(r.id))),
  /** Phase-diagram points of both panels. */
  phasePoints: (p: Payload) => Object.fromEntries(PANELS.map((panel) => [panel, phasePoints(p, panel)])) as Record<PanelName, PhasePoint[]>,
};

export type PartName = keyof typeof PARTS;
export type Parts = { [K in PartName]: ReturnType<(typeof PARTS)[K]> };
