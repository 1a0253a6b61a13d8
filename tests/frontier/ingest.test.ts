import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyData, editFile, ingestErrors } from '../helpers/fixtures.ts';

const replace = (file: string, from: string, to: string) => (d: string) =>
  editFile(join(d, file), (t) => {
    if (!t.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
    return t.replace(from, to);
  });

describe('ingest rejects malformed frontier data with file, line and column', () => {
  const cases: [string, (d: string) => void, RegExp][] = [
    [
      'a score that is not a number',
      replace('frontier/models.csv', 'Claude 3.5 Sonnet,Anthropic,49.0,', 'Claude 3.5 Sonnet,Anthropic,forty-nine,'),
      /^data\/frontier\/models\.csv:2: swe_verified: expected a number in \[0, 100\], got "forty-nine"/,
    ],
    [
      'a score above 100',
      replace('frontier/models.csv', 'Claude 3.7 Sonnet,Anthropic,62.3,68.0', 'Claude 3.7 Sonnet,Anthropic,62.3,168.0'),
      /^data\/frontier\/models\.csv:3: gpqa_diamond: expected a number in \[0, 100\], got 168\.0/,
    ],
    [
      'a fit row without a GPQA score',
      replace('frontier/models.csv', 'Claude 3.7 Sonnet,Anthropic,62.3,68.0', 'Claude 3.7 Sonnet,Anthropic,62.3,'),
      /^data\/frontier\/models\.csv:3: gpqa_diamond: a core model needs a score/,
    ],
    [
      'a malformed release date',
      replace('frontier/models.csv', ',2024-06,frozen-2026-03', ',2024-13,frozen-2026-03'),
      /^data\/frontier\/models\.csv:2: release_date: expected yyyy, yyyy-mm or yyyy-mm-dd, got "2024-13"/,
    ],
    [
      'an unknown subset',
      replace('frontier/models.csv', '49.0,59.4,,,core,', '49.0,59.4,,,verified,'),
      /^data\/frontier\/models\.csv:2: subset: expected one of "core", "extended", "post-cutoff", got "verified"/,
    ],
    [
      'a boolean that is not true or false',
      replace('frontier/models.csv', '49.0,59.4,,,core,,false,,true,', '49.0,59.4,,,core,,no,,true,'),
      /^data\/frontier\/models\.csv:2: compute_tier_variant: expected true or false, got "no"/,
    ],
    [
      'a repeated model name',
      replace('frontier/models.csv', 'Claude 3.7 Sonnet,Anthropic', 'Claude 3.5 Sonnet,Anthropic'),
      /^data\/frontier\/models\.csv:3: model: duplicate model name "Claude 3\.5 Sonnet" \(first on line 2\)/,
    ],
    [
      'a pass rule that does not parse',
      replace('frontier/predictions.csv', 'swe_spread<2 & gpqa_spread>5', 'swe_spread<<2 & gpqa_spread>5'),
      /^data\/frontier\/predictions\.csv:2: pass_if: cannot read "swe_spread<<2" as VAR OP NUMBER/,
    ],
    [
      'a rule naming an undefined variable',
      replace('frontier/predictions.csv', ',swe_spread>5,', ',sw_spread>5,'),
      /^data\/frontier\/predictions\.csv:2: fail_if: variable "sw_spread" is not defined for prediction 1/,
    ],
    [
      'a malformed deadline',
      replace('frontier/predictions.csv', '1,SWE saturation,2026-12-31,', '1,SWE saturation,Dec 2026,'),
      /^data\/frontier\/predictions\.csv:2: deadline: expected an ISO date yyyy-mm-dd/,
    ],
    [
      'an unknown population',
      replace(
        'frontier/prediction_quantities.csv',
        '1,swe_spread,spread_topk,swe_verified,,,5,swe_verified,,,,all,',
        '1,swe_spread,spread_topk,swe_verified,,,5,swe_verified,,,,recent,',
      ),
      /^data\/frontier\/prediction_quantities\.csv:2: population: expected all, frozen or released_after:YYYY-MM, got "recent"/,
    ],
    [
      'a metric missing a field it needs',
      replace('frontier/prediction_quantities.csv', '1,swe_spread,spread_topk,swe_verified,,,5,', '1,swe_spread,spread_topk,swe_verified,,,,'),
      /^data\/frontier\/prediction_quantities\.csv:2: k: metric spread_topk needs a value here/,
    ],
    [
      'an unknown benchmark column',
      replace('frontier/prediction_quantities.csv', '2,r,pearson_r,,gpqa_diamond,ifeval,', '2,r,pearson_r,,gpqa_diamond,mmlu,'),
      /^data\/frontier\/prediction_quantities\.csv:4: y: expected one of "swe_verified", "gpqa_diamond", "hle", "ifeval", got "mmlu"/,
    ],
    [
      'a variable for a prediction that does not exist',
      replace('frontier/prediction_quantities.csv', '7,n,pair_count', '8,n,pair_count'),
      /^data\/frontier\/prediction_quantities\.csv:15: prediction_id: no prediction with id 8/,
    ],
    [
      'an unknown evidence kind',
      replace(
        'frontier/cascade.csv',
        ',~3.5B,HellaSwag-TruthfulQA coupling changes sign (tax to bonus) within base-model families,computed,',
        ',~3.5B,HellaSwag-TruthfulQA coupling changes sign (tax to bonus) within base-model families,proven,',
      ),
      /^data\/frontier\/cascade\.csv:2: evidence_kind: expected one of "computed"/,
    ],
    [
      'a script row naming a model not in the panel',
      replace('frontier/nc3_script_scores.csv', 'Opus 4.6,Claude Opus 4.6,', 'Opus 4.6,Claude Opus 9,'),
      /^data\/frontier\/nc3_script_scores\.csv:2: panel_model: "Claude Opus 9" is not a model in data\/frontier\/models\.csv/,
    ],
  ];

  for (const [what, corrupt, expected] of cases) {
    it(`reports ${what}`, () => {
      const d = copyData();
      corrupt(d);
      const errors = ingestErrors(d);
      expect(
        errors.some((e) => expected.test(e)),
        errors.join('\n'),
      ).toBe(true);
    });
  }

  it('accepts the project data as it is', () => {
    expect(ingestErrors(copyData())).toEqual([]);
  });
});
