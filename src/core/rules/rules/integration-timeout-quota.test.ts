import { describe, expect, it } from 'vitest';
import { setResponseTransferMode, updateApi, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { integrationTimeoutQuota as rule } from './integration-timeout-quota';

const slowRegional = () =>
  build(
    restPetStore(),
    (d) => updateApi(d, { endpointType: 'REGIONAL' }),
    (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 90_000 }),
  );

describe('integration-timeout-quota', () => {
  it('warns about a Regional REST method that waits more than 29 s', () => {
    expect(lintWith(rule, slowRegional())).toMatchObject([
      {
        severity: 'warning',
        message:
          'GET /pets waits 90,000 ms for its integration, more than the default 29,000 ms quota. Ask Service Quotas for the increase, and expect a lower account-level throttle quota.',
      },
    ]);
  });

  it('says when a private API asks for more than a quota increase is reported to reach, and what to do instead', () => {
    const design = build(
      slowRegional(),
      (d) => updateApi(d, { endpointType: 'PRIVATE' }),
      (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 600_000 }),
    );
    expect(lintWith(rule, design)[0]?.message).toBe(
      'GET /pets waits 600,000 ms for its integration, more than the default 29,000 ms quota. It is also beyond the 300,000 ms a quota increase is reported to reach: consider streaming the response (up to 15 minutes) or answering asynchronously.',
    );
  });

  it('is quiet on a streamed response, which needs no quota increase', () => {
    expect(
      lintWith(
        rule,
        build(slowRegional(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM')),
      ),
    ).toEqual([]);
  });

  it('is quiet on edge-optimized APIs (an error there) and at 29 s', () => {
    expect(
      lintWith(
        rule,
        build(slowRegional(), (d) => updateApi(d, { endpointType: 'EDGE' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(slowRegional(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 29_000 })),
      ),
    ).toEqual([]);
  });

  it('quick fix returns to 29 s', () => {
    const design = slowRegional();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
