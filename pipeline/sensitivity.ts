import type { Ledger } from './claims.ts';
import type { Results } from './run.ts';
import { makeTable } from './table.ts';
import type { Table } from './types.ts';

const HEADLINE = /^(A\.abs|A\.absv2|A\.tab1|B\.abs|B\.absv2)\./;

/** How each headline number moves between the described/coded method and the audited panel. */
export function headlineSensitivity(ledger: Ledger): Table {
  const rows = ledger.rows
    .filter((r) => HEADLINE.test(r.claim.id))
    .map((r) => {
      const v = (variant: string) => r.results.find((x) => x.variant === variant)?.value ?? null;
      const described = v('as described');
      const audited = v('audited');
      return {
        id: r.claim.id,
        unit: r.claim.unit,
        published: r.claim.value,
        as_described: described,
        as_coded: v('as coded'),
        audited,
        shift: described !== null && audited !== null ? audited - described : null,
        status: r.status,
      };
    });
  return makeTable(
    'sensitivity-headline',
    'Headline claims (abstract and Table 1): as described, as coded and on the audited panel',
    [
      ['id', 'claim id'],
      ['unit', 'unit'],
      ['published', 'published'],
      ['as_described', 'as described'],
      ['as_coded', 'as coded'],
      ['audited', 'audited panel'],
      ['shift', 'audited − as described'],
      ['status', 'ledger status'],
    ],
    rows,
    [
      'The audited panel drops the duplicated Llama-3 rows, moves GPT-J-6B and GPT-NeoX-20B out of Pythia, and takes every score the Open LLM Leaderboard v1 table has from there.',
    ],
    ['id'],
  );
}

/** Per-family numbers on both panels, so a data change (or a contributed family) shows where it moves results. */
export function familySensitivity(results: Results): Table {
  const pick = (panel: 'published' | 'audited') => new Map(results.coupling[panel].families.map((f) => [f.family, f]));
  const pub = pick('published');
  const aud = pick('audited');
  const families = [...new Set([...pub.keys(), ...aud.keys()])].sort();
  const r = (f: ReturnType<typeof pub.get>) => f?.correlations[0]?.r ?? null;
  const nc = (panel: 'as published' | 'audited', family: string) => {
    const f = results.criticalScale.perFamily.find((x) => x.panel === panel && x.family === family);
    return { value: f?.ncB ?? null, status: f?.status ?? 'absent' };
  };
  return makeTable(
    'sensitivity-families',
    'Per-family sensitivity: model count, r(HellaSwag 10-shot, TruthfulQA MC2 0-shot) and N_c on both panels',
    [
      ['family', 'family'],
      ['origin', 'origin'],
      ['n_published', 'models, as published'],
      ['n_audited', 'models, audited'],
      ['r_published', 'r(HS, TQA), as published'],
      ['r_audited', 'r(HS, TQA), audited'],
      ['nc_published', 'N_c (B params), as published'],
      ['nc_audited', 'N_c (B params), audited'],
      ['nc_status', 'N_c status, as published / audited'],
    ],
    families.map((f) => ({
      family: f,
      origin: (pub.get(f) ?? aud.get(f))!.models[0]!.origin,
      n_published: pub.get(f)?.models.length ?? 0,
      n_audited: aud.get(f)?.models.length ?? 0,
      r_published: r(pub.get(f)),
      r_audited: r(aud.get(f)),
      nc_published: nc('as published', f).value,
      nc_audited: nc('audited', f).value,
      nc_status: `${nc('as published', f).status} / ${nc('audited', f).status}`,
    })),
    [],
    ['family'],
  );
}
