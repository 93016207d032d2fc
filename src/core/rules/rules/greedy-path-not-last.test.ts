import { describe, expect, it } from 'vitest';
import { addResource, checkDesign, type Design } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { greedyPathNotLast as rule } from './greedy-path-not-last';

const withProxy = () => build(restPetStore(), (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }));

describe('greedy-path-not-last', () => {
  it('names a resource below {proxy+} (built directly: addResource and checkDesign refuse it)', () => {
    const base = withProxy();
    const child = { id: ids.res('child'), parentId: ids.res('proxy'), pathPart: 'child' };
    const design: Design = { ...base, resources: { ...base.resources, [child.id]: child } };
    expect(checkDesign(design).length).toBeGreaterThan(0);
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'error',
        message: '/{proxy+}/child is below the greedy {proxy+}, which cannot have children.',
        target: { id: ids.res('child') },
      },
    ]);
  });

  it('is quiet when {proxy+} is the last part', () => {
    expect(lintWith(rule, withProxy())).toEqual([]);
  });
});
