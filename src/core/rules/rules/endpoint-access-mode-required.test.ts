import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { endpointAccessModeRequired as rule } from './endpoint-access-mode-required';

const regional = (patch: Parameters<typeof updateApi>[1]) =>
  build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL', ...patch }));

describe('endpoint-access-mode-required', () => {
  it('names an enhanced security policy without an endpoint access mode', () => {
    expect(lintWith(rule, regional({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }))).toMatchObject([
      {
        severity: 'error',
        message: 'The enhanced security policy SecurityPolicy_TLS13_1_3_2025_09 needs an endpoint access mode (STRICT or BASIC).',
        target: { kind: 'api', id: 'api' },
      },
    ]);
  });

  it('names an access mode API Gateway does not have (an import keeps the text)', () => {
    const design = regional({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' });
    expect(lintWith(rule, { ...design, api: { ...design.api, endpointAccessMode: 'strict' } })).toMatchObject([
      { message: 'The endpoint access mode "strict" is not one API Gateway has: it is STRICT or BASIC.' },
    ]);
  });

  it('is quiet with an access mode, with a legacy policy, with none, and with a mode kept as a CloudFormation expression', () => {
    expect(lintWith(rule, regional({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'BASIC' }))).toEqual([]);
    expect(lintWith(rule, regional({ securityPolicy: 'TLS_1_2' }))).toEqual([]);
    expect(lintWith(rule, regional({}))).toEqual([]);
    const kept = regional({
      securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      extensions: { 'x-amazon-apigateway-endpoint-access-mode': { Ref: 'AccessMode' } },
    });
    expect(lintWith(rule, kept)).toEqual([]);
  });

  it('quick fix sets STRICT', () => {
    const design = regional({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' });
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.api.endpointAccessMode).toBe('STRICT');
  });
});
