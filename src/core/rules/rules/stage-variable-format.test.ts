import { describe, expect, it } from 'vitest';
import { addStage, type Design, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { stageVariableFormat as rule } from './stage-variable-format';

const withVariables = (variables: Record<string, string>): Design =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { variables }),
  );

describe('stage-variable-format', () => {
  it('names values updateStage accepts but API Gateway refuses', () => {
    expect(lintWith(rule, withVariables({ greeting: 'hello world', empty: '' })).map((finding) => finding.message)).toEqual([
      'Stage prod has a stage variable "greeting" that API Gateway would refuse: its value holds characters other than letters, digits and - . _ ~ : / ? # & = ,.',
      'Stage prod has a stage variable "empty" that API Gateway would refuse: it has no value.',
    ]);
  });

  it('names a malformed name (built directly: updateStage refuses it)', () => {
    const design = withVariables({});
    const stage = design.stages[ids.stg('prod')]!;
    const bad: Design = { ...design, stages: { ...design.stages, [stage.id]: { ...stage, variables: { 'my-var': 'x' } } } };
    expect(lintWith(rule, bad)).toMatchObject([{ severity: 'error', target: { kind: 'stage', id: ids.stg('prod') } }]);
  });

  it('is quiet on URL-safe values', () => {
    expect(lintWith(rule, withVariables({ url: 'https://example.com/a?b=c#d', lambdaAlias: 'prod_v2', vpcLinkId: 'abc123' }))).toEqual([]);
  });
});
