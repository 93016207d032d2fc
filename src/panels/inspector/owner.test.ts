import { describe, expect, it } from 'vitest';
import { updateRoute } from '../../core/model';
import { build, httpPets, ids, restPetStore } from '../../core/model/testing/design-builder';
import { freeName, fromTextRecord, ownersUsing, renameKey, textRecord } from './owner';

describe('owner helpers', () => {
  it('keeps intrinsic values whose text was not edited', () => {
    const original = { a: { 'Fn::Sub': 'x' }, b: 'plain' };
    const texts = textRecord(original);
    expect(texts).toEqual({ a: '!Sub x', b: 'plain' });
    expect(fromTextRecord({ ...texts, b: 'changed' }, original)).toEqual({ a: { 'Fn::Sub': 'x' }, b: 'changed' });
  });
  it('renames keys in place and refuses duplicates', () => {
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x', 'content type'))).toEqual(['a', 'x', 'c']);
    expect(() => renameKey({ a: 1, b: 2 }, 'b', 'a', 'content type')).toThrow('already listed');
    expect(() => renameKey({ a: 1 }, 'a', ' ', 'content type')).toThrow('cannot be empty');
  });
  it('finds a free name', () => {
    expect(freeName('param', ['param', 'param2'])).toBe('param3');
    expect(freeName('x', [])).toBe('x');
  });
});

describe('what uses an integration or an authorizer', () => {
  it('lists the methods that call a backend and those an authorizer protects, in path order', () => {
    const design = restPetStore();
    expect(ownersUsing(design, ids.int('fn'), 'integration').map((owner) => owner.label)).toEqual([
      'GET /pets',
      'POST /pets',
      'GET /pets/{petId}',
    ]);
    expect(ownersUsing(design, ids.auth('users'), 'authorizer')).toEqual([{ id: ids.mth('create'), label: 'POST /pets' }]);
    expect(ownersUsing(design, 'int_nothing', 'integration')).toEqual([]);
  });

  it('names routes by their route key, with their operation names', () => {
    const design = build(httpPets(), (d) => updateRoute(d, ids.rte('create'), { operationName: 'createPet' }));
    expect(ownersUsing(design, ids.int('fn'), 'integration')).toEqual([
      { id: ids.rte('list'), label: 'GET /pets' },
      { id: ids.rte('create'), label: 'POST /pets', operationName: 'createPet' },
    ]);
    expect(ownersUsing(design, ids.auth('jwt'), 'authorizer').map((owner) => owner.label)).toEqual(['POST /pets']);
  });
});
