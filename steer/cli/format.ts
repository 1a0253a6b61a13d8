// Human-readable renderings of the reports (the CLI's default output).
import type { EvalReport, EvalSummary } from '../eval/eval.ts';
import type { GenerationRow } from '../steering/compare.ts';
import type { ProbeReport } from '../eval/probe.ts';
import { formatProportion as fp } from '../eval/stats.ts';
import { describeStrength } from '../steering/strength.ts';
import type { SweepRow } from '../eval/sweep.ts';
import type { VectorFile } from '../io/vector-file.ts';

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));

export function formatDirection(v: VectorFile, path: string): string {
  return [
    `truth direction written to ${path}`,
    `  model        ${v.model.source} (${v.model.modelType}, ${v.model.nLayers} blocks, config sha256 ${v.model.configSha256.slice(0, 12)}…)`,
    `  hook site    output of block ${v.layer} (blocks numbered from 0), operation add`,
    `  method       ${v.method}, sign: ${v.signConvention}, unit norm`,
    `  statements   ${v.statementSet ? `${v.statementSet.name}: ${v.statementSet.nPairs} pairs (sha256 ${v.statementSet.sha256.slice(0, 12)}…)` : 'unknown'}`,
    `  residual RMS ${v.residualRms === null ? 'unknown' : `${f3(v.residualRms)} (typical residual norm ${f3(v.residualRms * Math.sqrt(v.dModel))})`}`,
  ].join('\n');
}

export function formatGenerations(rows: GenerationRow[], decoding: string): string {
  const out = [`decoding: ${decoding}`];
  for (const r of rows) {
    out.push('', `prompt:    ${JSON.stringify(r.prompt)}`);
    out.push(`strength:  ${r.label}, alpha ${f3(r.alpha)}${r.cos === null ? '' : `, cos(prompt, direction) ${f3(r.cos)}`}`);
    out.push(`unsteered: ${JSON.stringify(r.unsteered)}`, `steered:   ${JSON.stringify(r.steered)}`, `changed:   ${r.changed ? 'yes' : 'no'}`);
  }
  const changed = rows.filter((r) => r.changed).length;
  out.push('', `text changed on ${changed}/${rows.length} prompts (a change is not a correction: use 'eval' to judge truthfulness)`);
  return out.join('\n');
}

function summaryLines(s: EvalSummary): string[] {
  return [
    `  judged more truthful (true-answer margin rose):`,
    `    steered          ${fp(s.moreTruthful.steered)}`,
    `    random control   ${fp(s.moreTruthful.control)}`,
    `  text changed (generation differs from unsteered):`,
    ...(s.textChanged ? [`    steered          ${fp(s.textChanged.steered)}`, `    random control   ${fp(s.textChanged.control)}`] : ['    (not generated)']),
    `  prefers the true answer: unsteered ${fp(s.accuracy.base)}; steered ${fp(s.accuracy.steered)}; control ${fp(s.accuracy.control)}`,
    `  corrected (wrong -> right): steered ${fp(s.corrected.steered)}; control ${fp(s.corrected.control)}`,
    `  broken (right -> wrong):    steered ${fp(s.broken.steered)}; control ${fp(s.broken.control)}`,
    `  steering beat the random control on ${fp(s.beatsControl)}`,
    s.finding
      ? '  FINDING: no evidence that the truth direction beats a random direction of the same norm (95% CI includes 50%).'
      : '  The truth direction beat the random control (95% CI above 50%).',
  ];
}

export function formatEval(r: EvalReport): string {
  const st = r.settings;
  const head = [
    `eval: ${r.summary.n} items, layer ${r.vector.layer} (block output), ${r.vector.method} direction from ${r.vector.source}`,
    `  strength ${describeStrength(st.strength)}; added at ${st.positions === 'last' ? 'the last position of every pass (authors)' : 'every position'}`,
    `  control: ${st.controls} random direction(s), same norm, same layer, same strength, seed ${st.controlSeed}`,
    `  judge: summed log-probability of each answer after "Q: …\\nA:"`,
  ];
  return [...head, ...summaryLines(r.summary)].join('\n');
}

export function formatSweep(rows: SweepRow[], relative: boolean): string {
  const head = `layer  strength${relative ? ' (rel)' : ''}  alpha     more truthful  control more truthful  beats control  steered acc`;
  const lines = rows.map((r) => {
    const s = r.summary;
    const c = (p: { k: number; n: number }): string => `${p.k}/${p.n}`;
    return [
      String(r.layer).padEnd(6),
      String(r.strength).padEnd(relative ? 16 : 10),
      f3(r.alpha).padEnd(10),
      c(s.moreTruthful.steered).padEnd(15),
      c(s.moreTruthful.control).padEnd(23),
      `${c(s.beatsControl)}${s.finding ? '' : ' *'}`.padEnd(15),
      c(s.accuracy.steered),
    ].join('');
  });
  return [head, ...lines, '* = beats the random control (95% Clopper–Pearson CI above 50%)'].join('\n');
}

export function formatProbe(p: ProbeReport): string {
  const lines = p.layers.map((l) => {
    const share = `${(100 * l.negativePairShare).toFixed(0).padStart(4)}%`;
    return `${String(l.layer).padEnd(6)}${f3(l.coupling).padEnd(10)}${f3(l.randomSplitBaseline).padEnd(17)}${share}   ${l.competing ? 'COMPETING' : ''}`;
  });
  return [
    `internal coupling: ${p.nReasoning} reasoning vs ${p.nTruthfulness} truthfulness prompts, last-token block outputs`,
    'layer coupling  random-split  pairs<-0.5',
    ...lines,
    "coupling = cos(mean reasoning state, mean truthfulness state), the paper's measure;",
    'random-split = the same cosine between random halves of all prompts: coupling near it means the measure does not separate the two sets.',
    p.anyCompeting ? 'FINDING: at least one layer is "competing" (pairwise cosine < -0.5 on more than half the pairs).' : 'No layer is "competing".',
  ].join('\n');
}
