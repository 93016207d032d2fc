import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign, updateApi } from '../../model';
import { build, httpPets } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { endpointTypeRestOnly as rule } from './endpoint-type-rest-only';

/** Built directly: updateApi refuses EDGE and PRIVATE on HTTP and WebSocket APIs, and changeApiType makes them Regional. */
function privateHttp(): Design {
  const design = httpPets();
  return { ...design, api: { ...design.api, endpointType: 'PRIVATE' } };
}

describe('endpoint-type-rest-only', () => {
  it('names a private HTTP API', () => {
    expect(lintWith(rule, privateHttp())).toMatchObject([
      { severity: 'error', message: 'The API is private, but HTTP APIs are always Regional.', target: { kind: 'api', id: 'api' } },
    ]);
  });

  it('is quiet on REST APIs of any endpoint type and on Regional HTTP APIs', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });

  it('quick fix makes the endpoint Regional', () => {
    const design = privateHttp();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
