// biome-ignore-all lint/suspicious/noExplicitAny: the tests damage saved JSON at arbitrary paths, which has no useful static type.
import { describe, expect, it } from 'vitest';
import { autoLayout } from './card-layout';
import { type Design, emptyDesign, schemaVersion } from './design';
import { parseDesign, serializeDesign } from './parse-design';
import { toPlainJson } from './plain-json';
import { coveredCards } from './testing/card-overlaps';
import { httpPets, ids, restPetStore, webSocketChat } from './testing/design-builder';

function failure(input: unknown) {
  const result = parseDesign(input);
  if (result.ok) throw new Error('Expected parseDesign to refuse the input.');
  return result;
}

/** The pet store as plain JSON, with one change applied. */
function damaged(change: (json: Record<string, any>) => void): string {
  const json = JSON.parse(serializeDesign(restPetStore()));
  change(json);
  return JSON.stringify(json);
}

describe('parseDesign', () => {
  it('reads back what serializeDesign wrote', () => {
    for (const design of [restPetStore(), httpPets(), webSocketChat(), emptyDesign('REST')]) {
      const result = parseDesign(serializeDesign(design));
      expect(result).toEqual({ ok: true, design });
    }
  });

  it('accepts an already parsed object', () => {
    expect(parseDesign(JSON.parse(serializeDesign(restPetStore())))).toEqual({ ok: true, design: restPetStore() });
  });

  it('refuses text that is not JSON', () => {
    const result = failure('{"api": ');
    expect(result.code).toBe('not-json');
    expect(result.message).toMatch(/^This is not a Portico design file: /);
  });

  it.each([['null'], ['[]'], ['"text"'], ['42'], ['{}'], ['{"api": []}'], ['{"openapi": "3.0.0"}']])(
    'refuses %s as not a design',
    (text) => {
      const result = failure(text);
      expect(result.code).toBe('not-a-design');
      expect(result.message).toContain('use Import');
    },
  );

  it('refuses a design from a newer Portico', () => {
    const result = failure(
      damaged((json) => {
        json.schemaVersion = schemaVersion + 1;
      }),
    );
    expect(result.code).toBe('newer-version');
    expect(result.message).toContain('saved by a newer Portico');
  });

  it.each([[-1], [1.5], ['1']])('refuses the schema version %j', (version) => {
    const result = failure(
      damaged((json) => {
        json.schemaVersion = version;
      }),
    );
    expect(result.code).toBe('invalid');
    expect(result.path).toBe('/schemaVersion');
  });

  it('migrates a version 0 design (no schemaVersion) and says so', () => {
    const result = parseDesign(
      damaged((json) => {
        delete json.schemaVersion;
      }),
    );
    // Version 1 positions belonged to one box per element: the design is laid out anew as cards.
    expect(result).toEqual({ ok: true, design: autoLayout(restPetStore()), migratedFrom: 0 });
  });

  it('lays a version 1 design out anew as cards (methods had positions of their own)', () => {
    const v1 = JSON.parse(serializeDesign(restPetStore()));
    v1.schemaVersion = 1;
    v1.layout = { [ids.mth('list')]: { x: 840, y: 0 }, [ids.res('pets')]: { x: 280, y: 0 }, [ids.int('fn')]: { x: 1200, y: 0 } };
    const result = parseDesign(JSON.stringify(v1));
    expect(result.ok && result.migratedFrom).toBe(1);
    if (!result.ok) return;
    expect(result.design.layout).toEqual(autoLayout(restPetStore()).layout);
    expect(coveredCards(result.design)).toEqual([]);
  });

  it('fills collections added after a design was first saved', () => {
    const result = parseDesign(JSON.stringify({ schemaVersion, api: emptyDesign('HTTP').api }));
    expect(result).toEqual({ ok: true, design: emptyDesign('HTTP') });
  });

  it.each([
    [
      (json: any) => {
        json.api.name = 7;
      },
      '/api/name',
      'should be text',
    ],
    [
      (json: any) => {
        json.api.type = 'GRPC';
      },
      '/api/type',
      'should be one of REST, HTTP, WEBSOCKET',
    ],
    [
      (json: any) => {
        json.methods.mth_list.apiKeyRequired = 'yes';
      },
      '/methods/mth_list/apiKeyRequired',
      'should be true or false',
    ],
    [
      (json: any) => {
        json.methods.mth_list.tags = [1];
      },
      '/methods/mth_list/tags/0',
      'should be text',
    ],
    [
      (json: any) => {
        json.stages.stg_prod.methodSettings.cacheTtlSeconds = '60';
      },
      '/stages/stg_prod/methodSettings/cacheTtlSeconds',
      'should be a number',
    ],
    [
      (json: any) => {
        json.layout.res_pets = { x: 'left', y: 0 };
      },
      '/layout/res_pets/x',
      'should be a number',
    ],
    [
      (json: any) => {
        json.resources = [];
      },
      '/resources',
      'should be an object',
    ],
    [
      (json: any) => {
        json.usagePlans.plan_basic.quota = { limit: 1, period: 'YEAR', offset: 0 };
      },
      '/usagePlans/plan_basic/quota/period',
      'should be one of DAY, WEEK, MONTH',
    ],
    [
      (json: any) => {
        json.stages.stg_prod.variables['a/b'] = 1;
      },
      '/stages/stg_prod/variables/a~1b',
      'should be text',
    ],
  ])('refuses a wrong field type with its JSON pointer (%#)', (change, path, message) => {
    const result = failure(damaged(change));
    expect(result.code).toBe('invalid');
    expect(result.path).toBe(path);
    expect(result.message).toBe(`The design is damaged: ${path} ${message}.`);
  });

  it('refuses dangling references', () => {
    const result = failure(
      damaged((json) => {
        json.methods.mth_get.authorizerId = 'auth_gone';
      }),
    );
    expect(result.code).toBe('invalid');
    expect(result.message).toMatch(/^The design is inconsistent: Method mth_get uses a missing authorizer\./);
    const several = failure(
      damaged((json) => {
        json.methods.mth_get.authorizerId = 'constructor';
        json.methods.mth_list.resourceId = '__defineGetter__';
      }),
    );
    expect(several.message).toContain('(and 1 more problem)');
  });

  it('refuses a __proto__ key and leaves Object.prototype alone', () => {
    const text = serializeDesign(restPetStore()).replace('"api": {', '"api": { "__proto__": { "polluted": true },');
    const result = failure(text);
    expect(result.code).toBe('invalid');
    expect(result.path).toBe('/api/__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a depth bomb quickly without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"api": {}, "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const started = performance.now();
    const result = failure(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.message).toContain('nested more than 200 levels');
  });

  it('refuses a self-referencing object and non-JSON values', () => {
    const cyclic: Record<string, unknown> = { api: {} };
    cyclic.self = cyclic;
    expect(failure(cyclic).message).toContain('refers to itself');
    expect(failure({ api: {}, when: new Date() }).message).toBe('The document holds a value that is not plain JSON data.');
    expect(failure({ api: {}, n: Number.NaN }).message).toContain('not finite');
    expect(failure({ api: {}, f: () => 1 }).message).toBe('The document holds a function, which is not JSON data.');
  });

  it('drops canvas positions of elements that do not exist', () => {
    const result = parseDesign(
      damaged((json) => {
        json.layout.mth_gone = { x: 1, y: 1 };
        json.layout.whatever = { x: 2, y: 2 };
      }),
    );
    expect(result).toEqual({ ok: true, design: restPetStore() });
  });

  it('refuses an integration target without the fields of its kind', () => {
    const result = failure(
      damaged((json) => {
        delete json.integrations.int_fn.functionArn;
      }),
    );
    expect(result.path).toBe('/integrations/int_fn/functionArn');
  });

  it('refuses a design whose elements break the rules of its API type', () => {
    const json = JSON.parse(serializeDesign(httpPets()));
    json.authorizers.auth_jwt.kind = 'COGNITO_USER_POOLS';
    expect(failure(JSON.stringify(json)).message).toContain('HTTP APIs have no Cognito user pool authorizer');
  });

  it("reads a REST JWT authorizer's issuers and algorithms back, and refuses a malformed issuer", () => {
    const json = JSON.parse(serializeDesign(restPetStore()));
    json.authorizers.auth_users = {
      id: 'auth_users',
      name: 'Jwt',
      kind: 'JWT',
      identitySource: 'method.request.header.Authorization',
      providerArns: [],
      jwtAudience: [],
      jwtIssuers: [
        {
          issuer: 'https://login.example.com/',
          audiences: ['api://orders'],
          additionalClaims: [{ claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme'] }],
        },
      ],
      jwtAlgorithms: ['RS256', 'ES256'],
    };
    const result = parseDesign(JSON.stringify(json));
    expect(result.ok && result.design.authorizers[ids.auth('users')]).toEqual(json.authorizers.auth_users);
    json.authorizers.auth_users.jwtIssuers[0].additionalClaims[0].expectedValues = 'acme';
    expect(failure(JSON.stringify(json)).path).toBe('/authorizers/auth_users/jwtIssuers/0/additionalClaims/0/expectedValues');
  });

  it('returns a design that shares nothing with the input', () => {
    const input = JSON.parse(serializeDesign(restPetStore()));
    const result = parseDesign(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      input.api.name = 'changed';
      expect((result.design as Design).api.name).toBe('Pet store');
    }
  });
});

describe('toPlainJson', () => {
  it('copies plain JSON and null-prototype objects', () => {
    const bare = Object.assign(Object.create(null), { a: [1, 'x', true, null] });
    expect(toPlainJson(bare)).toEqual({ ok: true, value: { a: [1, 'x', true, null] } });
  });

  it('enforces the node budget', () => {
    const result = toPlainJson(new Array(50).fill(0), { maxDepth: 10, maxNodes: 20 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('The document has more than 20 values.');
  });

  it('names the path of a refused value with JSON pointer escaping', () => {
    const result = toPlainJson({ 'a/b': { 'c~d': [0, undefined] } });
    expect(result).toEqual({ ok: false, message: 'The document holds an undefined value, which is not JSON data.', path: '/a~1b/c~0d/1' });
  });
});

void ids;
