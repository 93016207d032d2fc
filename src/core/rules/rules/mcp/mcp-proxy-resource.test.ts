import { describe, expect, it } from 'vitest';
import { addMethod, addResource } from '../../../model';
import { build, ids, restPetStore } from '../../../model/testing/design-builder';
import { lintWith } from '../../testing/rule-tester';
import { mcpProxyResource as rule } from './mcp-proxy-resource';

describe('mcp-proxy-resource', () => {
  it('names a method under a {proxy+} resource', () => {
    const design = build(
      restPetStore(),
      (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{proxy+}', id: ids.res('proxy') }),
      (d) => addMethod(d, { resourceId: ids.res('proxy'), httpMethod: 'GET', id: ids.mth('proxy') }),
    );
    expect(lintWith(rule, design)).toMatchObject([
      {
        message: 'GET /pets/{proxy+} is under a proxy resource, which AgentCore Gateway leaves out of its tools.',
        target: { kind: 'method', id: ids.mth('proxy') },
      },
    ]);
  });

  it('is quiet on methods of resources with a path parameter that is not greedy', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });
});
