/**
 * The condition language of data/frontier/predictions.csv (grammar in
 * data/frontier/README.md): comparisons joined by "&" (binds tighter) and "|",
 * no parentheses. Kept separate so ingest can reject a bad rule before any
 * stage runs, and the evaluator cannot drift from what ingest accepted.
 */

export type Op = '<' | '<=' | '>' | '>=';

export interface Comparison {
  variable: string;
  op: Op;
  value: number;
}

/** OR of ANDs; an empty list is the empty condition, which is false. */
export type Condition = Comparison[][];

const COMPARISON = /^([a-z_][a-z0-9_]*)\s*(<=|>=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)$/;

export function parseCondition(text: string): { condition: Condition } | { error: string } {
  if (text.trim() === '') return { condition: [] };
  const condition: Condition = [];
  for (const alternative of text.split('|')) {
    const conj: Comparison[] = [];
    for (const part of alternative.split('&')) {
      const m = COMPARISON.exec(part.trim());
      if (!m) return { error: `cannot read ${JSON.stringify(part.trim())} as VAR OP NUMBER (OP one of <, <=, >, >=; no parentheses)` };
      conj.push({ variable: m[1]!, op: m[2] as Op, value: Number(m[3]) });
    }
    condition.push(conj);
  }
  return { condition };
}

export function conditionVariables(c: Condition): string[] {
  return [...new Set(c.flat().map((x) => x.variable))];
}

function compare(x: number, op: Op, y: number): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

/** A comparison on an undefined variable is false, so a rule never fires on missing data. */
export function holds(c: Condition, vars: ReadonlyMap<string, number | undefined>): boolean {
  return c.some((conj) =>
    conj.every((cmp) => {
      const x = vars.get(cmp.variable);
      return x !== undefined && Number.isFinite(x) && compare(x, cmp.op, cmp.value);
    }),
  );
}

export function formatCondition(c: Condition): string {
  return c.map((conj) => conj.map((x) => `${x.variable} ${x.op} ${x.value}`).join(' & ')).join(' | ');
}
