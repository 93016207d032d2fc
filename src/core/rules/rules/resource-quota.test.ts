import { describe, expect, it } from 'vitest';
import { addResource, addRoute, type Design, emptyDesign } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { resourceQuota as rule } from './resource-quota';

function restWith(resources: number): Design {
  let design = emptyDesign('REST');
  for (let index = 1; index < resources; index += 1)
    design = build(design, (d) => addResource(d, { parentId: ids.root, pathPart: `r${index}` }));
  return design;
}

describe('resource-quota', () => {
  it('warns at 301 resources (the root counts)', () => {
    expect(lintWith(rule, restWith(301))).toMatchObject([
      {
        severity: 'warning',
        message: 'The API has 301 resources; API Gateway allows 300 per API unless you ask for more.',
        target: { kind: 'api' },
      },
    ]);
  });

  it('is quiet at 300 resources', () => {
    expect(lintWith(rule, restWith(300))).toEqual([]);
  });

  it('counts routes on HTTP APIs', () => {
    let design = emptyDesign('HTTP');
    for (let index = 0; index < 301; index += 1) design = build(design, (d) => addRoute(d, { routeKey: `GET /r${index}` }));
    expect(lintWith(rule, design)).toMatchObject([
      { message: 'The API has 301 routes; API Gateway allows 300 per API unless you ask for more.' },
    ]);
  });
});
