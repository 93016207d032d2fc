import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../../model';
import { build, httpPets } from '../../../model/testing/design-builder';
import { lintWith } from '../../testing/rule-tester';
import { mcpEndpointPrivate as rule } from './mcp-endpoint-private';

describe('mcp-endpoint-private', () => {
  it('names a private REST API', () => {
    const design = build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE' }));
    expect(lintWith(rule, design)).toMatchObject([
      { ruleId: 'mcp-endpoint-private', severity: 'info', target: { kind: 'api', id: 'api' } },
    ]);
  });

  it('is quiet on Regional and edge-optimized REST APIs, and on HTTP APIs (which the section answers on its own)', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, emptyDesign('REST'))).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });
});
