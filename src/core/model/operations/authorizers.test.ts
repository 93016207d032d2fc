import { describe, expect, it } from 'vitest';
import type { ApiType } from '../api';
import type { AuthorizerKind } from '../authorizer';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addAuthorizer, authorizerKindProblem, deleteAuthorizers, updateAuthorizer } from './authorizers';

const allowed: Record<ApiType, AuthorizerKind[]> = {
  REST: ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST'],
  HTTP: ['IAM', 'LAMBDA_REQUEST', 'JWT'],
  WEBSOCKET: ['IAM', 'LAMBDA_REQUEST'],
};
const kinds: AuthorizerKind[] = ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'JWT'];

describe('authorizer kinds per API type', () => {
  for (const type of ['REST', 'HTTP', 'WEBSOCKET'] as const)
    for (const kind of kinds) {
      const ok = allowed[type].includes(kind);
      it(`${ok ? 'allows' : 'refuses'} ${kind} on ${type}`, () => {
        expect(authorizerKindProblem(kind, type) === undefined).toBe(ok);
        if (ok) expect(Object.values(build(emptyDesign(type), (d) => addAuthorizer(d, { kind })).authorizers)[0]?.kind).toBe(kind);
        else expect(refusalOf(emptyDesign(type), (d) => addAuthorizer(d, { kind })).code).toBe('wrong-api-type');
      });
    }

  it('explains the refusals with the alternative', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'JWT' })).message).toContain(
      'JWT authorizers exist only on HTTP APIs',
    );
    expect(refusalOf(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS' })).message).toContain(
      'use a JWT authorizer',
    );
    expect(refusalOf(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN' })).message).toContain(
      'on an HTTP API use a Lambda REQUEST',
    );
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => addAuthorizer(d, { kind: 'JWT' })).message).toBe(
      'WebSocket APIs accept only IAM and Lambda REQUEST authorizers.',
    );
  });
});

describe('addAuthorizer', () => {
  it('fills kind-specific defaults and the identity source of the API type', () => {
    const rest = build(emptyDesign('REST'), (d) =>
      addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('t'), position: { x: 901, y: 1 } }),
    );
    expect(rest.authorizers[ids.auth('t')]).toMatchObject({
      name: 'TokenAuthorizer',
      identitySource: 'method.request.header.Authorization',
      resultTtlSeconds: 300,
    });
    expect(rest.layout[ids.auth('t')]).toEqual({ x: 901, y: 1 });
    const http = build(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('r') }));
    expect(http.authorizers[ids.auth('r')]).toMatchObject({ identitySource: '$request.header.Authorization', payloadFormatVersion: '2.0' });
  });

  it('numbers default names that are taken', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addAuthorizer(d, { kind: 'IAM' }),
      (d) => addAuthorizer(d, { kind: 'IAM' }),
      (d) => addAuthorizer(d, { kind: 'IAM', name: 'sigv4' }),
    );
    expect(Object.values(design.authorizers).map((a) => a.name)).toEqual(['sigv4', 'sigv42', 'sigv43']);
  });

  it('refuses a full authorizer whose name is taken or empty, and a taken id', () => {
    const design = restPetStore();
    const taken = design.authorizers[ids.auth('users')]!;
    const { id: _id, ...copy } = taken;
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', authorizer: copy })).message).toBe(
      `An authorizer named "${taken.name}" already exists.`,
    );
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', authorizer: { ...copy, name: '  ' } })).message).toBe(
      'An authorizer needs a name.',
    );
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('users') })).code).toBe('duplicate');
  });

  it('refuses the name __proto__, which would be a security scheme key that no import reads back', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', name: '__proto__' })).message).toBe(
      'An authorizer cannot be named "__proto__": choose another name.',
    );
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('users'), { name: '__proto__' })).code).toBe('invalid-value');
  });
});

describe('updateAuthorizer', () => {
  it('renames and changes the TTL at both ends of 0–3600; unchanged returns the same design', () => {
    const design = restPetStore();
    const next = build(design, (d) => updateAuthorizer(d, ids.auth('users'), { name: ' Users ', resultTtlSeconds: 0 }));
    expect(next.authorizers[ids.auth('users')]).toMatchObject({ name: 'Users', resultTtlSeconds: 0 });
    expect(
      build(design, (d) => updateAuthorizer(d, ids.auth('users'), { resultTtlSeconds: 3600 })).authorizers[ids.auth('users')]
        ?.resultTtlSeconds,
    ).toBe(3600);
    expect(updateAuthorizer(design, ids.auth('users'), { name: 'CognitoAuthorizer' })).toBe(design);
  });

  it.each([-1, 3601, 1.5, Number.NaN])('refuses the TTL %d', (resultTtlSeconds) => {
    const error = refusalOf(restPetStore(), (d) => updateAuthorizer(d, ids.auth('users'), { resultTtlSeconds }));
    expect(error.message).toBe('The authorizer result TTL is a whole number of seconds from 0 to 3600.');
  });

  it('refuses a taken or empty name, a kind the API cannot have, and a missing authorizer', () => {
    const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }));
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('iam'), { name: 'CognitoAuthorizer' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('iam'), { name: '' })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('iam'), { kind: 'JWT' })).code).toBe('wrong-api-type');
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('gone'), {})).code).toBe('not-found');
  });
});

describe('deleteAuthorizers', () => {
  it('opens the methods and routes it protected and drops its position', () => {
    const rest = build(restPetStore(), (d) => deleteAuthorizers(d, [ids.auth('users')]));
    expect(rest.methods[ids.mth('create')]?.authorizerId).toBeUndefined();
    expect(rest.methods[ids.mth('create')]?.authorizationScopes).toEqual([]);
    expect(rest.layout[ids.auth('users')]).toBeUndefined();
    expect(checkDesign(rest)).toEqual([]);
    const http = build(httpPets(), (d) => deleteAuthorizers(d, [ids.auth('jwt')]));
    expect(http.routes[ids.rte('create')]?.authorizerId).toBeUndefined();
  });

  it('refuses a missing authorizer; an empty list changes nothing', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => deleteAuthorizers(d, [ids.auth('gone')])).code).toBe('not-found');
    expect(deleteAuthorizers(design, [])).toBe(design);
  });
});
