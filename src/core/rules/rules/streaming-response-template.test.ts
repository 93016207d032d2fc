import { describe, expect, it } from 'vitest';
import { setResponseTransferMode, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { streamingResponseTemplate as rule } from './streaming-response-template';

const withTemplate = (mode: 'STREAM' | undefined) =>
  build(
    restPetStore(),
    (d) =>
      updateBinding(d, ids.mth('list'), {
        responses: [
          {
            selectionPattern: 'default',
            statusCode: '200',
            responseParameters: {},
            responseTemplates: { 'application/json': "$input.json('$')" },
          },
        ],
      }),
    (d) => setResponseTransferMode(d, ids.mth('list'), mode),
  );

describe('streaming-response-template', () => {
  it('names a streaming method whose integration response has a mapping template, and the fix removes it', () => {
    const design = withTemplate('STREAM');
    const findings = lintWith(rule, design);
    expect(findings.map(summary)).toEqual([
      {
        ruleId: 'streaming-response-template',
        severity: 'warning',
        message: 'GET /pets streams its response, so the response mapping template of its integration response default is not applied.',
        target: { kind: 'method', id: ids.mth('list') },
        fix: 'Remove the response mapping templates',
      },
    ]);
    const fixed = applyFix(rule, design, findings[0]!);
    expect(fixed).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (fixed.ok)
      expect(fixed.design.methods[ids.mth('list')]?.integration?.responses).toMatchObject([{ statusCode: '200', responseTemplates: {} }]);
  });

  it('is quiet when the method buffers, or streams without templates', () => {
    expect(lintWith(rule, withTemplate(undefined))).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM')),
      ),
    ).toEqual([]);
  });
});
