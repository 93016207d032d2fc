import { describe, expect, it } from 'vitest';
import { addStage, type Design, emptyDesign } from '../../model';
import { build } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { stageQuota as rule } from './stage-quota';

function withStages(count: number): Design {
  let design = emptyDesign('HTTP');
  for (let index = 0; index < count; index += 1) design = build(design, (d) => addStage(d, { name: `s${index}` }));
  return design;
}

describe('stage-quota', () => {
  it('warns at 11 stages', () => {
    expect(lintWith(rule, withStages(11))).toMatchObject([{ severity: 'warning', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet at 10 stages', () => {
    expect(lintWith(rule, withStages(10))).toEqual([]);
  });
});
