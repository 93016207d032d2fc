// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a CloudFormation placeholder is the data under test.
import { describe, expect, it } from 'vitest';
import { updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { integrationResponsesMissing as rule } from './integration-responses-missing';

/** A Lambda integration made custom (updateBinding allows it) keeps no integration responses. */
const custom = () => build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { proxy: false }));

describe('integration-responses-missing', () => {
  it('names a custom integration without integration responses', () => {
    expect(lintWith(rule, custom())).toMatchObject([
      {
        severity: 'warning',
        message: 'GET /pets uses a custom integration with no integration response, so every call fails.',
        target: { id: ids.mth('list') },
      },
    ]);
  });

  it('is quiet when the integration responses were kept as written (they hold CloudFormation expressions)', () => {
    const kept = build(custom(), (d) =>
      updateBinding(d, ids.mth('list'), {
        extensions: {
          responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.X': { 'Fn::Sub': "'${Origin}'" } } } },
        },
      }),
    );
    expect(lintWith(rule, kept)).toEqual([]);
  });

  it('is quiet on proxy integrations', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix adds a default 200 response (and the method response it needs)', () => {
    const design = custom();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.methods[ids.mth('list')]?.responses.map((response) => response.statusCode)).toEqual(['200']);
  });
});
