// True/false statement pairs that define the truth direction. The default set
// was written for this project: each pair is a plain fact and a minimally
// edited false version, so the pair differs in truth more than in topic.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SteerInputError } from '../errors.ts';

export interface StatementPair {
  true: string;
  false: string;
}

export interface StatementSet {
  name: string;
  pairs: StatementPair[];
}

export const DEFAULT_STATEMENTS: StatementSet = {
  name: 'cape-default-v1',
  pairs: [
    { true: 'Paris is the capital of France.', false: 'Paris is the capital of Japan.' },
    { true: 'The Earth travels around the Sun.', false: 'The Sun travels around the Earth.' },
    { true: 'Pure water freezes at zero degrees Celsius.', false: 'Pure water freezes at fifty degrees Celsius.' },
    { true: 'A week has seven days.', false: 'A week has twelve days.' },
    { true: 'People need oxygen to stay alive.', false: 'People do not need oxygen to stay alive.' },
    { true: 'The Moon is smaller than the Earth.', false: 'The Moon is larger than the Earth.' },
    { true: 'Two plus two equals four.', false: 'Two plus two equals five.' },
    { true: 'A spider has eight legs.', false: 'A spider has three legs.' },
    { true: 'Ice is frozen water.', false: 'Ice is frozen sand.' },
    { true: 'The Pacific is an ocean.', false: 'The Pacific is a desert.' },
    { true: 'Vaccines do not cause autism.', false: 'Vaccines cause autism.' },
    { true: 'The Earth is roughly a sphere.', false: 'The Earth is a flat disc.' },
    { true: 'Fish take oxygen from water through their gills.', false: 'Fish take oxygen from water through their fins.' },
    { true: 'Light travels faster than sound.', false: 'Sound travels faster than light.' },
    { true: 'Plants use sunlight to make their food.', false: 'Plants use darkness to make their food.' },
    { true: 'Gold is a metal.', false: 'Gold is a gas.' },
  ],
};

/**
 * A user file is JSON Lines, one object per line: {"true": "...", "false": "..."}
 * (a JSON array of such objects is accepted too). Blank lines and lines
 * starting with # are skipped.
 */
export function readStatements(path: string): StatementSet {
  const text = readFileSync(path, 'utf8');
  const trimmed = text.trim();
  const rows: unknown[] = trimmed.startsWith('[')
    ? (JSON.parse(trimmed) as unknown[])
    : text
        .split('\n')
        .map((l, i) => ({ l: l.trim(), i }))
        .filter(({ l }) => l && !l.startsWith('#'))
        .map(({ l, i }) => {
          try {
            return JSON.parse(l) as unknown;
          } catch {
            throw new SteerInputError(`${path}:${i + 1}: not a JSON object`);
          }
        });
  const pairs = rows.map((r, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o?.true !== 'string' || typeof o?.false !== 'string') {
      throw new SteerInputError(`${path}: entry ${i + 1} needs string fields "true" and "false"`);
    }
    return { true: o.true, false: o.false };
  });
  if (pairs.length < 2) throw new SteerInputError(`${path}: need at least 2 statement pairs, found ${pairs.length}`);
  return { name: path, pairs };
}

/** Content hash of the pairs (not of the file), so reformatting a file keeps its identity. */
export function statementSetSha256(set: StatementSet): string {
  return createHash('sha256')
    .update(JSON.stringify(set.pairs.map((p) => [p.true, p.false])))
    .digest('hex');
}
