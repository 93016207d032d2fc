import { describe, expect, it } from 'vitest';
import { compareDesigns, findBreakingChanges } from '../../core/diff';
import { type Design, deleteMethods, deleteResources, renameResource, updateMethod } from '../../core/model';
import { build, ids, restPetStore } from '../../core/model/testing/design-builder';
import { cardNamingRemoved, changeMarks, locateFindings, markLevel } from './change-marks';

/** The pet store with an optional `limit` on GET /pets: the base the API's clients know. */
function base(): Design {
  return build(restPetStore(), (d) =>
    updateMethod(d, ids.mth('list'), { parameters: [{ in: 'query', name: 'limit', required: false, schema: { type: 'integer' } }] }),
  );
}

function marksOf(before: Design, after: Design) {
  const located = locateFindings(before, after, findBreakingChanges(before, after));
  return { located, marks: changeMarks(before, after, compareDesigns(before, after), located) };
}

describe('what the canvas marks in a comparison', () => {
  it('marks a changed operation breaking on its row and a removed one on the card it was drawn in', () => {
    const after = build(
      base(),
      (d) => deleteMethods(d, [ids.mth('create')]),
      (d) =>
        updateMethod(d, ids.mth('list'), { parameters: [{ in: 'query', name: 'limit', required: true, schema: { type: 'integer' } }] }),
    );
    const { located, marks } = marksOf(base(), after);
    expect(marks[ids.mth('list')]).toMatchObject({ change: 'changed', level: 'breaking' });
    expect(marks[ids.res('pets')]?.removed).toEqual([{ label: 'POST /pets', baseId: ids.mth('create'), level: 'breaking' }]);
    expect(markLevel(marks[ids.res('pets')])).toBe('breaking');
    expect(cardNamingRemoved(marks, ids.mth('create'))).toBe(ids.res('pets'));
    // Untouched elements carry no mark at all.
    expect(marks[ids.mth('get')]).toBeUndefined();
    expect(marks[ids.int('fn')]).toBeUndefined();
    // Each finding points at its operation: in the revision when it is still there, else in the base.
    const removed = located.find((entry) => entry.finding.id === 'api-removed-without-deprecation');
    expect(removed).toMatchObject({ baseId: ids.mth('create') });
    expect(removed?.revisionId).toBeUndefined();
    expect(located.find((entry) => entry.finding.id === 'request-parameter-became-required')).toMatchObject({
      revisionId: ids.mth('list'),
    });
  });

  it('finds an operation by its shape when a path parameter was renamed, and marks nothing breaking for it', () => {
    const after = build(base(), (d) => renameResource(d, ids.res('pet'), '{id}'));
    const { located, marks } = marksOf(base(), after);
    expect(located.filter((entry) => entry.finding.level === 'breaking')).toEqual([]);
    expect(marks[ids.res('pet')]?.change).toBe('changed');
    expect(markLevel(marks[ids.res('pet')])).toBeUndefined();
  });

  it('names a resource removed with its methods on the nearest card left, and an added one as added', () => {
    const after = build(base(), (d) => deleteResources(d, [ids.res('pet')]));
    const { marks } = marksOf(base(), after);
    const removed = marks[ids.res('pets')]?.removed ?? [];
    expect(removed.map((entry) => entry.label).sort()).toEqual(['/pets/{petId}', 'GET /pets/{petId}']);
    expect(removed.find((entry) => entry.label === 'GET /pets/{petId}')?.level).toBe('breaking');
    const { marks: back } = marksOf(after, base());
    expect(back[ids.res('pet')]?.change).toBe('added');
    expect(back[ids.mth('get')]).toMatchObject({ change: 'added', level: 'info' });
  });
});
