import { describe, expect, it } from 'vitest';
import { addApiMapping } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { domainBasePath as rule } from './domain-base-path';

describe('domain-base-path', () => {
  it('names a base path mapped twice and a multi-level one on an edge-optimized domain', () => {
    const design = withDomain(restWithDomain(), {
      endpointType: 'EDGE',
      mappings: [
        { basePath: 'orders', stageId: ids.stg('prod') },
        { basePath: 'orders', stageId: ids.stg('beta') },
        { basePath: 'v1/users', stageId: ids.stg('prod') },
      ],
    });
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      'api.example.com maps the base path orders more than once.',
      'api.example.com maps the base path v1/users, of several levels, which needs a Regional domain.',
    ]);
  });

  it('is quiet on distinct base paths, several levels on a Regional domain', () => {
    const design = build(
      restWithDomain(),
      (d) => addApiMapping(d, dom, { basePath: 'orders', stageId: ids.stg('prod') }),
      (d) => addApiMapping(d, dom, { basePath: 'v1/users', stageId: ids.stg('beta') }),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
