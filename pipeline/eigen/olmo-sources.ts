import type { PanelCoupling } from '../coupling.ts';
import type { Benchmarks26Row } from '../internals/ingest.ts';
import type { Interval } from '../intervals.ts';
import type { Panel } from '../types.ts';

/** OLMo 1B → 7B as each source gives it (Paper A §2.2, Fig. 1c). */
export interface OlmoSource {
  source: string;
  small: string;
  large: string;
  hsSmall: number | null;
  hsLarge: number | null;
  tqaSmall: number | null;
  tqaLarge: number | null;
  note: string;
}

export const olmoDelta = (s: OlmoSource) => ({
  dHs: s.hsSmall !== null && s.hsLarge !== null ? s.hsLarge - s.hsSmall : null,
  dTqa: s.tqaSmall !== null && s.tqaLarge !== null ? s.tqaLarge - s.tqaSmall : null,
});

export const olmoGamma = (s: OlmoSource) => {
  const d = olmoDelta(s);
  return d.dHs !== null && d.dTqa !== null && d.dHs !== 0 ? d.dTqa / d.dHs : null;
};

function fromPanel(panel: Panel, note: string): OlmoSource | null {
  const olmo = panel.models.filter((m) => m.family === 'OLMo').sort((a, b) => a.paramsB - b.paramsB);
  const [a, b] = [olmo[0], olmo[olmo.length - 1]];
  if (!a || !b || a === b) return null;
  return {
    source: `${panel.name} panel`,
    small: a.model,
    large: b.model,
    hsSmall: a.scores.hellaswag,
    hsLarge: b.scores.hellaswag,
    tqaSmall: a.scores.truthfulqa_mc2,
    tqaLarge: b.scores.truthfulqa_mc2,
    note,
  };
}

export function olmoSources(published: Panel, audited: Panel, rows26: readonly Benchmarks26Row[]): OlmoSource[] {
  const out: OlmoSource[] = [];
  const pub = fromPanel(published, 'data/models.csv (authors’ base_models_consolidated.json)');
  const aud = fromPanel(audited, 'Open LLM Leaderboard v1 rows for the same Hugging Face ids (data/leaderboard-v1.csv)');
  if (pub) out.push(pub);
  if (aud) out.push(aud);
  const o26 = rows26.filter((r) => r.family === 'OLMo').sort((a, b) => a.paramsB - b.paramsB);
  if (o26.length >= 2) {
    const [a, b] = [o26[0]!, o26[o26.length - 1]!];
    out.push({
      source: 'authors’ 26-model file',
      small: a.model,
      large: b.model,
      hsSmall: a.scores[0],
      hsLarge: b.scores[0],
      tqaSmall: a.scores[1],
      tqaLarge: b.scores[1],
      note: 'data/internals/benchmarks_26models.csv (cape_26models_9families.json)',
    });
  }
  out.push({
    source: 'Fig. 1c hard-coded values',
    small: 'OLMo-1B',
    large: 'OLMo-7B',
    hsSmall: null,
    hsLarge: null,
    tqaSmall: null,
    tqaLarge: null,
    note: 'not recomputable here: scripts/generate_all_figures.py is not part of the released data copy, so its typed-in OLMo values are not in data/ (claims.csv notes quote them)',
  });
  return out;
}

/** Interval of a family that starts at (or ends at) a model, in the coupling stage's intervals. */
export function intervalAt(pc: PanelCoupling, model: string, side: 'from' | 'to'): Interval | undefined {
  for (const f of pc.families) {
    const iv = f.intervals.find((i) => i[side] === model);
    if (iv) return iv;
  }
  return undefined;
}
