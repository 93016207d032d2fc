import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { ids, restPetStore } from '../model/testing/design-builder';
import { importOpenApi } from '../openapi';
import { compareDesigns } from './compare-designs';

function imported(yaml: string): Design {
  const result = importOpenApi(yaml, { apiType: 'REST' });
  if (!result.ok) throw new Error('fixture did not import');
  return result.design;
}

const petsYaml = `
openapi: 3.0.1
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations'}
  /pets/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations'}
`;

function edited(design: Design, edit: (design: Design) => void): Design {
  const copy = structuredClone(design);
  edit(copy);
  return copy;
}

describe('compareDesigns', () => {
  it('finds nothing between two designs of one API whose ids name other elements', () => {
    const a = imported(petsYaml);
    const b = edited(a, (d) => {
      const [first, second] = Object.values(d.methods);
      if (!first || !second) throw new Error('fixture has two methods');
      d.methods = { [first.id]: { ...second, id: first.id }, [second.id]: { ...first, id: second.id } } as Design['methods'];
    });
    // The same id now names the other method: matching by id would report both as changed.
    const firstId = Object.keys(a.methods)[0] as keyof Design['methods'];
    expect(b.methods[firstId]?.resourceId).not.toBe(a.methods[firstId]?.resourceId);
    expect(compareDesigns(a, b).changes).toEqual([]);
  });

  it('reports added, removed and changed elements with the id the canvas highlights', () => {
    const base = imported(petsYaml);
    const revision = imported(
      petsYaml
        .replace(
          'parameters: [{name: id, in: path, required: true, schema: {type: string}}]',
          'parameters: [{name: id, in: path, required: true, schema: {type: integer}}]',
        )
        .replace('  /pets:\n    get:', "  /pets:\n    post:\n      responses: {'201': {description: made}}\n    get:"),
    );
    const { changes, added, removed, changed } = compareDesigns(base, revision);
    expect({ added, removed, changed }).toEqual({ added: 1, removed: 0, changed: 1 });
    const post = changes.find((change) => change.change === 'added');
    expect(post).toMatchObject({ kind: 'method', label: 'POST /pets' });
    expect(revision.methods[post?.id as keyof Design['methods']]?.httpMethod).toBe('POST');
    const get = changes.find((change) => change.change === 'changed');
    expect(get).toMatchObject({ kind: 'method', label: 'GET /pets/{id}' });
    expect(get?.properties).toEqual([{ path: 'parameters[path id].schema.type', before: 'string', after: 'integer' }]);
  });

  it('matches a method across a renamed path parameter and reports the rename as a change', () => {
    const base = imported(petsYaml);
    const revision = imported(petsYaml.replace('/pets/{id}', '/pets/{petId}').replace('name: id,', 'name: petId,'));
    const { changes } = compareDesigns(base, revision);
    expect(changes.map((change) => [change.kind, change.change, change.label])).toEqual([
      ['resource', 'changed', '/pets/{petId}'],
      ['method', 'changed', 'GET /pets/{petId}'],
    ]);
    expect(changes[0]?.properties).toContainEqual({ path: 'pathPart', before: '{id}', after: '{petId}' });
  });

  it('matches integrations by what they call and authorizers by name, whatever their ids', () => {
    const base = restPetStore();
    const revision = edited(base, (d) => {
      const target = d.integrations[ids.int('fn')]!;
      delete d.integrations[ids.int('fn')];
      d.integrations[ids.int('other')] = { ...target, id: ids.int('other'), name: 'Pets function' };
      for (const method of Object.values(d.methods)) if (method.integration) method.integration.integrationId = ids.int('other');
      const authorizer = d.authorizers[ids.auth('users')]!;
      delete d.authorizers[ids.auth('users')];
      d.authorizers[ids.auth('x')] = { ...authorizer, id: ids.auth('x') };
      d.methods[ids.mth('create')]!.authorizerId = ids.auth('x');
    });
    const { changes } = compareDesigns(base, revision);
    const integration = changes.find((change) => change.kind === 'integration');
    expect(integration).toMatchObject({ change: 'changed', baseId: ids.int('fn'), revisionId: ids.int('other') });
    expect(integration?.properties.map((property) => property.path)).toEqual(['name']);
    // Methods name their integration by its name, so the rename shows on them too; the authorizer did not change.
    expect(changes.filter((change) => change.kind === 'authorizer')).toEqual([]);
  });

  it('uses ids only for versions of one design: a renamed resource is changed, not removed and added', () => {
    const base = restPetStore();
    const revision = edited(base, (d) => {
      d.resources[ids.res('pets')]!.pathPart = 'animals';
    });
    const { changes, added, removed } = compareDesigns(base, revision);
    expect({ added, removed }).toEqual({ added: 0, removed: 0 });
    expect(changes.find((change) => change.id === ids.res('pets'))).toMatchObject({
      kind: 'resource',
      change: 'changed',
      label: '/animals',
    });
    expect(changes.filter((change) => change.kind === 'method').map((change) => change.label)).toEqual([
      'GET /animals',
      'POST /animals',
      'GET /animals/{petId}',
    ]);
  });

  it('does not pair unrelated elements of two different designs by id', () => {
    const a = imported(petsYaml);
    const b = imported(petsYaml.replace(/\/pets/g, '/owners'));
    const { added, removed, changed } = compareDesigns(a, b);
    expect({ added, removed }).toEqual({ added: 4, removed: 4 });
    expect(changed).toBe(0);
  });

  it('names stages, usage plans and method settings by meaning in property changes', () => {
    const base = restPetStore();
    const revision = edited(base, (d) => {
      d.stages[ids.stg('prod')]!.methodOverrides[ids.mth('list')]!.cacheTtlSeconds = 120;
      d.usagePlans[ids.plan('basic')]!.throttle = { rateLimit: 50, burstLimit: 100 };
    });
    const { changes } = compareDesigns(base, revision);
    expect(changes.find((change) => change.kind === 'stage')?.properties).toEqual([
      { path: 'methodOverrides.GET /pets.cacheTtlSeconds', before: 60, after: 120 },
    ]);
    expect(changes.find((change) => change.kind === 'usagePlan')?.properties).toEqual([
      { path: 'throttle', after: { rateLimit: 50, burstLimit: 100 } },
    ]);
  });
});

describe('compareDesigns on pathological values', () => {
  it('reports a difference nested thousands of levels deep without exhausting the stack', () => {
    const base = restPetStore();
    let deep: Record<string, unknown> = { leaf: 1 };
    let other: Record<string, unknown> = { leaf: 2 };
    for (let level = 0; level < 5000; level += 1) {
      deep = { x: deep };
      other = { x: other };
    }
    const a = edited(base, (d) => {
      d.api.extensions['x-deep'] = deep as never;
    });
    const b = edited(base, (d) => {
      d.api.extensions['x-deep'] = other as never;
    });
    const api = compareDesigns(a, b).changes.find((change) => change.kind === 'api');
    expect(api?.change).toBe('changed');
    expect(api?.properties).toHaveLength(1);
    expect(api?.properties[0]?.path.startsWith('extensions.x-deep.x.x')).toBe(true);
  });
});
