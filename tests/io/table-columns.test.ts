import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withOverrides } from '../../pipeline/cli/reproduce.ts';
import { config } from '../../pipeline/config.ts';
import { allTables } from '../../pipeline/emit.ts';
import { tablesSchema, tableToCsv } from '../../pipeline/io/serialize.ts';
import { parseCsv } from '../../pipeline/io/csv.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { ROOT } from '../helpers/fixtures.ts';

describe('tables for programs', () => {
  const { results } = runPipeline({ dataDir: join(ROOT, 'data'), config: withOverrides(config, undefined, 20) });
  const tables = allTables(results);

  it('give every CSV a header of snake_case keys that pandas reads as clean column names', () => {
    for (const t of tables) {
      const header = parseCsv(tableToCsv(t, 6), t.id).header;
      const bad = header.filter((h) => !/^[a-z][a-z0-9_]*$/.test(h));
      expect(bad, t.id).toEqual([]);
      expect(new Set(header).size, t.id).toBe(header.length);
    }
  });

  it('keep each column’s label, unit and benchmark variant in the schema beside them', () => {
    const schema = JSON.parse(tablesSchema(tables)) as Record<string, { columns: { key: string; label: string }[] }>;
    expect(Object.keys(schema).sort()).toEqual(tables.map((t) => t.id).sort());
    const tab1 = schema['A-s2-coupling-intervals']!.columns.find((c) => c.key === 'd_hs')!;
    expect(tab1.label).toContain('HellaSwag (acc_norm, 10-shot)');
  });
});
