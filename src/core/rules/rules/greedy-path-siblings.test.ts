import { describe, expect, it } from 'vitest';
import { addResource, emptyDesign } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { greedyPathSiblings as rule } from './greedy-path-siblings';

describe('greedy-path-siblings', () => {
  it('advises that /pets takes requests away from /{proxy+}', () => {
    const design = build(restPetStore(), (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'info',
        message: '/{proxy+} does not catch requests under /pets: that sibling takes them.',
        target: { id: ids.res('proxy') },
      },
    ]);
  });

  it('is quiet on a {proxy+} without siblings', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}' })),
      ),
    ).toEqual([]);
  });
});
