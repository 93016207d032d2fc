import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { integrationKinds } from '../integration';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addIntegration, deleteIntegrations, updateIntegration } from './integrations';

describe('addIntegration', () => {
  for (const type of ['REST', 'HTTP', 'WEBSOCKET'] as const)
    for (const kind of integrationKinds) {
      const ok = !(type === 'HTTP' && kind === 'MOCK');
      it(`${ok ? 'adds' : 'refuses'} a ${kind} integration on ${type}`, () => {
        if (ok) {
          const design = build(emptyDesign(type), (d) => addIntegration(d, { kind, id: ids.int('x'), position: { x: 905, y: 5 } }));
          expect(design.integrations[ids.int('x')]?.kind).toBe(kind);
          expect(design.layout[ids.int('x')]).toEqual({ x: 905, y: 5 });
        } else {
          const error = refusalOf(emptyDesign(type), (d) => addIntegration(d, { kind }));
          expect(error.code).toBe('wrong-api-type');
          expect(error.message).toContain('HTTP APIs have no mock integration');
        }
      });
    }

  it('uses the given name and a first-class SQS integration on HTTP APIs', () => {
    const design = build(emptyDesign('HTTP'), (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('q'), name: 'Orders queue' }));
    expect(design.integrations[ids.int('q')]).toMatchObject({ name: 'Orders queue', integrationSubtype: 'SQS-SendMessage' });
  });

  it('refuses a full target with an empty name or a mock on HTTP, and a taken id', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'MOCK', target: { kind: 'MOCK', name: ' ' } })).message).toBe(
      'An integration needs a name.',
    );
    expect(refusalOf(emptyDesign('HTTP'), (d) => addIntegration(d, { kind: 'LAMBDA', target: { kind: 'MOCK', name: 'm' } })).code).toBe(
      'wrong-api-type',
    );
    expect(refusalOf(restPetStore(), (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('fn') })).code).toBe('duplicate');
  });
});

describe('updateIntegration', () => {
  it('changes fields; an unchanged patch returns the same design', () => {
    const design = restPetStore();
    const next = build(design, (d) =>
      updateIntegration(d, ids.int('fn'), { name: 'Pets function', functionArn: 'arn:aws:lambda:eu-west-1:1:function:p' }),
    );
    expect(next.integrations[ids.int('fn')]).toMatchObject({ name: 'Pets function', functionArn: 'arn:aws:lambda:eu-west-1:1:function:p' });
    expect(updateIntegration(design, ids.int('fn'), { name: 'Lambda function' })).toBe(design);
  });

  it('refuses changing the id or kind, an empty name and a missing integration', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => updateIntegration(d, ids.int('fn'), { id: ids.int('other') })).message).toBe(
      'An integration keeps its id.',
    );
    expect(refusalOf(design, (d) => updateIntegration(d, ids.int('fn'), { kind: 'MOCK' })).message).toContain('keeps its kind');
    expect(refusalOf(design, (d) => updateIntegration(d, ids.int('fn'), { name: '' })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateIntegration(d, ids.int('gone'), {})).code).toBe('not-found');
  });
});

describe('deleteIntegrations', () => {
  it('unbinds every method and route that used it and drops its position', () => {
    const rest = build(restPetStore(), (d) => deleteIntegrations(d, [ids.int('fn')]));
    for (const method of Object.values(rest.methods)) expect(method.integration).toBeUndefined();
    expect(rest.layout[ids.int('fn')]).toBeUndefined();
    expect(checkDesign(rest)).toEqual([]);
    const http = build(httpPets(), (d) => deleteIntegrations(d, [ids.int('fn')]));
    for (const route of Object.values(http.routes)) expect(route.integration).toBeUndefined();
  });

  it('refuses a missing integration; an empty list changes nothing', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => deleteIntegrations(d, [ids.int('gone')])).code).toBe('not-found');
    expect(deleteIntegrations(design, [])).toBe(design);
  });
});
