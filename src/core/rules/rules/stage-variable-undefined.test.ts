import { describe, expect, it } from 'vitest';
import { addStage, updateBinding, updateIntegration, updateStage } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { stageVariableUndefined as rule } from './stage-variable-undefined';

// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax.
const aliasArn = 'arn:aws:lambda:us-east-1:123456789012:function:pets:${stageVariables.alias}';

const twoStages = () =>
  build(
    restPetStore(),
    (d) => updateIntegration(d, ids.int('fn'), { functionArn: aliasArn }),
    (d) => updateStage(d, ids.stg('prod'), { variables: { alias: 'live' } }),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
  );

describe('stage-variable-undefined', () => {
  it('names a stage that lacks a variable an integration uses', () => {
    expect(lintWith(rule, twoStages())).toMatchObject([
      {
        severity: 'warning',
        message: 'Stage dev does not define the stage variable alias, which integration Lambda function uses.',
        target: { kind: 'stage', id: ids.stg('dev') },
        fix: { label: 'Copy alias from stage prod' },
      },
    ]);
  });

  it('finds references in mapping templates and parameter mappings', () => {
    const design = build(
      restPetStore(),
      (d) => updateBinding(d, ids.mth('list'), { requestTemplates: { 'application/json': '{"table": "$stageVariables.table"}' } }),
      (d) => updateBinding(d, ids.mth('get'), { requestParameters: { 'integration.request.header.x-env': 'stageVariables.env' } }),
    );
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      'Stage prod does not define the stage variable table, which GET /pets uses.',
      'Stage prod does not define the stage variable env, which GET /pets/{petId} uses.',
    ]);
  });

  it('is quiet when every stage defines what is used', () => {
    expect(
      lintWith(
        rule,
        build(twoStages(), (d) => updateStage(d, ids.stg('dev'), { variables: { alias: 'dev' } })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix copies the value from a stage that has it', () => {
    const design = twoStages();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
