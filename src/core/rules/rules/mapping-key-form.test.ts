import { describe, expect, it } from 'vitest';
import { addIntegration, connectIntegration, updateBinding } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { mappingKeyForm as rule } from './mapping-key-form';

/** An HTTP route with REST-style mappings, as an import or a hand-edited file may bring it (changeApiType rewrites them). */
const converted = () =>
  build(httpPets(), (d) =>
    updateBinding(d, ids.rte('list'), {
      requestParameters: {
        'integration.request.header.x-user': 'method.request.header.X-User',
        'integration.request.querystring.kind': "'dog'",
        'integration.request.path.id': 'method.request.path.petId',
      },
    }),
  );

describe('mapping-key-form', () => {
  it('names REST-style mappings on an HTTP route, and HTTP-style ones on a REST method', () => {
    expect(lintWith(rule, converted())).toMatchObject([
      {
        severity: 'error',
        message:
          'GET /pets maps integration.request.header.x-user, integration.request.querystring.kind and integration.request.path.id, which an HTTP API does not accept as mappings.',
        target: { kind: 'route', id: ids.rte('list') },
      },
    ]);
    const rest = build(restPetStore(), (d) =>
      updateBinding(d, ids.mth('get'), { requestParameters: { 'overwrite:header.x': '$request.header.y' } }),
    );
    expect(lintWith(rule, rest).map((finding) => finding.message)).toEqual([
      'GET /pets/{petId} maps overwrite:header.x, which a REST API does not accept as a mapping.',
    ]);
  });

  it('is quiet on mappings in the right form and on an HTTP API first-class integration', () => {
    const http = build(httpPets(), (d) =>
      updateBinding(d, ids.rte('list'), {
        requestParameters: { 'overwrite:header.x': '$request.header.y', 'overwrite:path': '$request.path' },
      }),
    );
    expect(lintWith(rule, http)).toEqual([]);
    const queue = build(
      httpPets(),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue') }),
      (d) => connectIntegration(d, ids.rte('create'), ids.int('queue')),
      (d) => updateBinding(d, ids.rte('create'), { requestParameters: { QueueUrl: 'https://sqs.example', MessageBody: '$request.body' } }),
    );
    expect(lintWith(rule, queue)).toEqual([]);
    const rest = build(restPetStore(), (d) =>
      updateBinding(d, ids.mth('get'), { requestParameters: { 'integration.request.path.id': 'method.request.path.petId' } }),
    );
    expect(lintWith(rule, rest)).toEqual([]);
  });

  it('is fixed by rewriting the mappings in the API type’s form, removing those without one', () => {
    const design = converted();
    const [finding] = lintWith(rule, design);
    const outcome = finding && applyFix(rule, design, finding);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome?.ok)
      expect(outcome.design.routes[ids.rte('list')]?.integration?.requestParameters).toEqual({
        'overwrite:header.x-user': '$request.header.X-User',
        'overwrite:querystring.kind': 'dog',
      });
    const rest = build(restPetStore(), (d) =>
      updateBinding(d, ids.mth('get'), { requestParameters: { 'overwrite:header.x': '$request.header.y', 'append:querystring.v': '2' } }),
    );
    const [restFinding] = lintWith(rule, rest);
    const restOutcome = restFinding && applyFix(rule, rest, restFinding);
    if (!restOutcome?.ok) throw new Error('the fix failed');
    expect(restOutcome.design.methods[ids.mth('get')]?.integration?.requestParameters).toEqual({
      'integration.request.header.x': 'method.request.header.y',
      'integration.request.querystring.v': "'2'",
    });
  });
});
