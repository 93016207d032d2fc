import { describe, expect, it } from 'vitest';
import { type Design, setResponseTransferMode, updateApi, updateBinding } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { integrationTimeoutRange as rule } from './integration-timeout-range';

const slowEdge = () => build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 45_000 }));

/** An HTTP route that waits 60 s, built directly: updateBinding refuses it and changeApiType lowers it to 30 s (saying so). */
function slowHttp(): Design {
  const design = httpPets();
  const route = design.routes[ids.rte('list')]!;
  return {
    ...design,
    routes: { ...design.routes, [route.id]: { ...route, integration: { ...route.integration!, timeoutInMillis: 60_000 } } },
  };
}

describe('integration-timeout-range', () => {
  it('names a method of an edge-optimized REST API that waits more than 29 s', () => {
    expect(lintWith(rule, slowEdge())).toMatchObject([
      { severity: 'error', message: 'GET /pets waits 45,000 ms for its integration; an edge-optimized REST API waits at most 29,000 ms.' },
    ]);
  });

  it('names an HTTP route that waits more than 30 s', () => {
    expect(lintWith(rule, slowHttp())).toMatchObject([
      { message: 'GET /pets waits 60,000 ms for its integration; an HTTP API waits at most 30,000 ms.' },
    ]);
  });

  it('names a timeout below 50 ms (built directly: updateBinding refuses it)', () => {
    const design = restPetStore();
    const method = design.methods[ids.mth('get')]!;
    const short: Design = {
      ...design,
      methods: { ...design.methods, [method.id]: { ...method, integration: { ...method.integration!, timeoutInMillis: 10 } } },
    };
    expect(lintWith(rule, short)).toMatchObject([
      { message: 'GET /pets/{petId} waits 10 ms for its integration; the shortest timeout is 50 ms.' },
    ]);
  });

  it('is quiet on a Regional REST API above 29 s (a quota matter) and on ordinary timeouts', () => {
    expect(
      lintWith(
        rule,
        build(slowEdge(), (d) => updateApi(d, { endpointType: 'REGIONAL' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 29_000 })),
      ),
    ).toEqual([]);
  });

  it('lets a streamed response wait up to 15 minutes, edge-optimized APIs included, and names one that waits longer', () => {
    const streamed = build(slowEdge(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'));
    expect(
      lintWith(
        rule,
        build(streamed, (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 900_000 })),
      ),
    ).toEqual([]);
    const tooLong = build(
      streamed,
      (d) => updateApi(d, { endpointType: 'REGIONAL' }),
      (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 1_200_000 }),
    );
    expect(lintWith(rule, tooLong)).toMatchObject([
      { severity: 'error', message: 'GET /pets waits 1,200,000 ms for its integration; a streamed response waits at most 900,000 ms.' },
    ]);
    expect(applyFix(rule, tooLong, lintWith(rule, tooLong)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });

  it('quick fix sets the longest allowed timeout', () => {
    for (const design of [slowEdge(), slowHttp()])
      expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
