import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../design';
import { type CacheClusterSize, cacheClusterSizes, defaultMethodSettings } from '../stage';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addStage, deleteStage, moveStage, setMethodOverride, setRouteOverride, updateStage } from './stages';

const threeStages = () =>
  build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    (d) => addStage(d, { name: 'test', id: ids.stg('test') }),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
  );

describe('addStage', () => {
  it('adds a stage with defaults at the end of the order', () => {
    const design = threeStages();
    expect(design.stageOrder).toEqual([ids.stg('dev'), ids.stg('test'), ids.stg('prod')]);
    expect(design.stages[ids.stg('dev')]).toMatchObject({ name: 'dev', cacheClusterSize: '0.5', methodSettings: defaultMethodSettings() });
  });

  it('accepts a 128-character name and refuses 129', () => {
    expect(build(emptyDesign('REST'), (d) => addStage(d, { name: 'a'.repeat(128) })).stageOrder).toHaveLength(1);
    expect(refusalOf(emptyDesign('REST'), (d) => addStage(d, { name: 'a'.repeat(129) })).message).toBe(
      'A stage name has at most 128 characters.',
    );
  });

  it.each([
    ['', 'A stage needs a name.'],
    ['my stage', 'A stage name may hold only letters, digits, "_" and "-" (no spaces).'],
    ['prod!', 'A stage name may hold only letters, digits, "_" and "-" (no spaces).'],
  ])('refuses the name %j', (name, message) => {
    const error = refusalOf(emptyDesign('REST'), (d) => addStage(d, { name }));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toBe(message);
  });

  it('allows the $default stage on HTTP APIs only', () => {
    expect(build(emptyDesign('HTTP'), (d) => addStage(d, { name: '$default' })).stageOrder).toHaveLength(1);
    expect(refusalOf(emptyDesign('REST'), (d) => addStage(d, { name: '$default' })).code).toBe('invalid-value');
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => addStage(d, { name: '$default' })).code).toBe('invalid-value');
  });

  it('refuses a duplicate name and a taken id', () => {
    expect(refusalOf(threeStages(), (d) => addStage(d, { name: ' prod ' })).message).toBe('A stage named "prod" already exists.');
    expect(refusalOf(threeStages(), (d) => addStage(d, { name: 'x', id: ids.stg('dev') })).code).toBe('duplicate');
  });
});

describe('updateStage', () => {
  it('renames, sets variables and a cache size from the list', () => {
    const design = build(threeStages(), (d) =>
      updateStage(d, ids.stg('dev'), {
        name: 'development',
        variables: { fn: 'pets-dev' },
        cacheClusterEnabled: true,
        cacheClusterSize: '237',
      }),
    );
    expect(design.stages[ids.stg('dev')]).toMatchObject({ name: 'development', variables: { fn: 'pets-dev' }, cacheClusterSize: '237' });
  });

  it('returns the same design for an unchanged patch, even with equal new objects', () => {
    const design = threeStages();
    expect(updateStage(design, ids.stg('dev'), { name: 'dev' })).toBe(design);
    expect(updateStage(design, ids.stg('dev'), { methodSettings: defaultMethodSettings(), variables: {} })).toBe(design);
  });

  it('accepts every listed cache size and refuses others', () => {
    for (const size of cacheClusterSizes)
      expect(build(threeStages(), (d) => updateStage(d, ids.stg('dev'), { cacheClusterSize: size }))).toBeDefined();
    const error = refusalOf(threeStages(), (d) => updateStage(d, ids.stg('dev'), { cacheClusterSize: '2' as CacheClusterSize }));
    expect(error.message).toBe(`The cache cluster size is one of ${cacheClusterSizes.join(', ')} GB.`);
  });

  it('accepts a cache TTL of 0 and 3600 seconds', () => {
    for (const cacheTtlSeconds of [0, 3600]) {
      const design = build(threeStages(), (d) =>
        updateStage(d, ids.stg('dev'), { methodSettings: { ...defaultMethodSettings(), cacheTtlSeconds } }),
      );
      expect(design.stages[ids.stg('dev')]?.methodSettings.cacheTtlSeconds).toBe(cacheTtlSeconds);
    }
  });

  it.each([
    [{ cacheTtlSeconds: -1 }, 'The cache TTL (seconds) must be a whole number from 0 to 3600.'],
    [{ cacheTtlSeconds: 3601 }, 'The cache TTL (seconds) must be a whole number from 0 to 3600.'],
    [{ cacheTtlSeconds: 2.5 }, 'The cache TTL (seconds) must be a whole number from 0 to 3600.'],
    [{ throttlingRateLimit: -1 }, 'The throttling rate (requests per second) must be a number from 0 to 1000000.'],
    [{ throttlingRateLimit: Number.NaN }, 'The throttling rate (requests per second) must be a number from 0 to 1000000.'],
    [{ throttlingBurstLimit: -5 }, 'The throttling burst must be a whole number from 0 to 1000000.'],
    [{ loggingLevel: 'DEBUG' as 'OFF' }, 'The logging level is OFF, ERROR or INFO.'],
  ])('refuses the method settings %j', (settings, message) => {
    const error = refusalOf(threeStages(), (d) =>
      updateStage(d, ids.stg('dev'), { methodSettings: { ...defaultMethodSettings(), ...settings } }),
    );
    expect(error.code).toBe('invalid-value');
    expect(error.message).toBe(message);
  });

  it('refuses bad names, canary percentages and stage variables', () => {
    const design = threeStages();
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('dev'), { name: 'prod' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('dev'), { name: 'a b' })).code).toBe('invalid-value');
    expect(
      refusalOf(design, (d) =>
        updateStage(d, ids.stg('dev'), { canary: { percentTraffic: 101, stageVariableOverrides: {}, useStageCache: false } }),
      ).message,
    ).toBe('The canary traffic percentage must be a number from 0 to 100.');
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('dev'), { variables: { 'a-b': 'x' } })).message).toContain('"a-b" is not');
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('dev'), { variables: { ['v'.repeat(65)]: 'x' } })).message).toContain(
      'at most 64',
    );
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('dev'), { variables: { v: 'x'.repeat(513) } })).message).toContain(
      'at most 512',
    );
    expect(refusalOf(design, (d) => updateStage(d, ids.stg('gone'), {})).code).toBe('not-found');
  });

  it('refuses a cache cluster or canary outside REST APIs', () => {
    expect(refusalOf(httpPets(), (d) => updateStage(d, ids.stg('dev'), { cacheClusterEnabled: true })).message).toBe(
      'Cache clusters exist only in REST APIs; this is an HTTP API.',
    );
    expect(
      refusalOf(httpPets(), (d) =>
        updateStage(d, ids.stg('dev'), { canary: { percentTraffic: 5, stageVariableOverrides: {}, useStageCache: false } }),
      ).message,
    ).toBe('Canary releases exist only in REST APIs; this is an HTTP API.');
  });
});

describe('setMethodOverride', () => {
  it('sets, replaces and removes a per-method override', () => {
    const design = restPetStore();
    expect(design.stages[ids.stg('prod')]?.methodOverrides[ids.mth('list')]).toEqual({ cachingEnabled: true, cacheTtlSeconds: 60 });
    const removed = build(design, (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), undefined));
    expect(removed.stages[ids.stg('prod')]?.methodOverrides).toEqual({});
    expect(setMethodOverride(removed, ids.stg('prod'), ids.mth('list'), undefined)).toBe(removed);
  });

  it('returns the same design when the override is unchanged', () => {
    const design = restPetStore();
    expect(setMethodOverride(design, ids.stg('prod'), ids.mth('list'), { cachingEnabled: true, cacheTtlSeconds: 60 })).toBe(design);
  });

  it('refuses invalid settings, missing elements and non-REST APIs', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), { cacheTtlSeconds: 4000 })).code).toBe(
      'invalid-value',
    );
    expect(refusalOf(design, (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('gone'), {})).code).toBe('not-found');
    expect(refusalOf(design, (d) => setMethodOverride(d, ids.stg('gone'), ids.mth('list'), {})).code).toBe('not-found');
    expect(refusalOf(httpPets(), (d) => setMethodOverride(d, ids.stg('dev'), ids.mth('list'), {})).code).toBe('wrong-api-type');
  });
});

describe('setRouteOverride', () => {
  it('sets and removes per-route throttling', () => {
    const design = httpPets();
    expect(design.stages[ids.stg('dev')]?.routeOverrides[ids.rte('list')]).toEqual({ throttlingRateLimit: 5, throttlingBurstLimit: 10 });
    expect(setRouteOverride(design, ids.stg('dev'), ids.rte('list'), { throttlingRateLimit: 5, throttlingBurstLimit: 10 })).toBe(design);
    const removed = build(design, (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('list'), undefined));
    expect(removed.stages[ids.stg('dev')]?.routeOverrides).toEqual({});
    expect(setRouteOverride(removed, ids.stg('dev'), ids.rte('list'), undefined)).toBe(removed);
  });

  it('refuses negative rates, fractional bursts, missing routes and REST APIs', () => {
    const design = httpPets();
    expect(refusalOf(design, (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('list'), { throttlingRateLimit: -1 })).message).toBe(
      'The throttling rate must be a number from 0 to 1000000.',
    );
    expect(refusalOf(design, (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('list'), { throttlingBurstLimit: 1.5 })).code).toBe(
      'invalid-value',
    );
    expect(refusalOf(design, (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('gone'), {})).code).toBe('not-found');
    expect(refusalOf(restPetStore(), (d) => setRouteOverride(d, ids.stg('prod'), ids.rte('x'), {})).code).toBe('wrong-api-type');
  });
});

describe('moveStage', () => {
  it('moves a stage, clamping the index; the same place changes nothing', () => {
    const design = threeStages();
    expect(build(design, (d) => moveStage(d, ids.stg('prod'), 0)).stageOrder).toEqual([ids.stg('prod'), ids.stg('dev'), ids.stg('test')]);
    expect(build(design, (d) => moveStage(d, ids.stg('dev'), 99)).stageOrder).toEqual([ids.stg('test'), ids.stg('prod'), ids.stg('dev')]);
    expect(moveStage(design, ids.stg('dev'), -3)).toBe(design);
    expect(refusalOf(design, (d) => moveStage(d, ids.stg('gone'), 0)).code).toBe('not-found');
  });
});

describe('deleteStage', () => {
  it('removes the stage from the order and from usage plans', () => {
    const design = build(restPetStore(), (d) => deleteStage(d, ids.stg('prod')));
    expect(design.stages).toEqual({});
    expect(design.stageOrder).toEqual([]);
    expect(design.usagePlans[ids.plan('basic')]?.stages).toEqual([]);
    expect(refusalOf(design, (d) => deleteStage(d, ids.stg('prod'))).code).toBe('not-found');
  });
});
