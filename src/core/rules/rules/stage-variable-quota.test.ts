import { describe, expect, it } from 'vitest';
import { addStage, emptyDesign, updateStage } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { stageVariableQuota as rule } from './stage-variable-quota';

const variables = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`v${index}`, 'x']));
const withVariables = (count: number) =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { variables: variables(count) }),
  );

describe('stage-variable-quota', () => {
  it('names a stage with 101 variables (updateStage does not count them)', () => {
    expect(lintWith(rule, withVariables(101))).toMatchObject([
      { severity: 'error', message: 'Stage prod has 101 stage variables; a stage holds at most 100.' },
    ]);
  });

  it('is quiet at 100 variables', () => {
    expect(lintWith(rule, withVariables(100))).toEqual([]);
  });
});
