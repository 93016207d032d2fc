import { describe, expect, it } from 'vitest';
import { emptyDesign } from './design';
import { commit, createHistory, historyLimit, redo, replaceKeepingUndo, undo } from './history';
import { updateApi } from './operations/api-settings';

const named = (name: string) => updateApi(emptyDesign('REST'), { name });

describe('history', () => {
  it('commits, undoes and redoes with labels', () => {
    const a = emptyDesign('REST');
    const b = named('B');
    const c = named('C');
    let history = commit(commit(createHistory(a), b, 'Rename to B', { now: 0 }), c, 'Rename to C', { now: 5000 });
    expect(history.past.map((entry) => entry.label)).toEqual(['Rename to B', 'Rename to C']);
    history = undo(history);
    expect(history.present).toBe(b);
    expect(history.future.map((entry) => entry.label)).toEqual(['Rename to C']);
    history = undo(history);
    expect(history.present).toBe(a);
    history = redo(history);
    expect(history.present).toBe(b);
    expect(history.past.map((entry) => entry.label)).toEqual(['Rename to B']);
    history = redo(history);
    expect(history.present).toBe(c);
  });

  it('ignores an unchanged commit and undo/redo with nothing to do', () => {
    const history = createHistory(emptyDesign('REST'));
    expect(commit(history, history.present, 'Nothing')).toBe(history);
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
  });

  it('clears the redo list on a new commit', () => {
    const history = commit(undo(commit(createHistory(emptyDesign('REST')), named('B'), 'B', { now: 0 })), named('C'), 'C', { now: 10 });
    expect(history.future).toEqual([]);
    expect(history.past.map((entry) => entry.label)).toEqual(['C']);
  });

  it('coalesces commits with the same key within one second into one step', () => {
    let history = createHistory(emptyDesign('REST'));
    history = commit(history, named('A'), 'Rename API', { coalesceKey: 'api.name', now: 1000 });
    history = commit(history, named('Ab'), 'Rename API', { coalesceKey: 'api.name', now: 1500 });
    history = commit(history, named('Abc'), 'Rename API', { coalesceKey: 'api.name', now: 2400 });
    expect(history.past).toHaveLength(1);
    expect(history.present.api.name).toBe('Abc');
    expect(undo(history).present.api.name).toBe('Untitled API');
  });

  it('does not coalesce after a pause, with another key, without a key, or after an undo', () => {
    const start = commit(createHistory(emptyDesign('REST')), named('A'), 'Rename', { coalesceKey: 'k', now: 0 });
    expect(commit(start, named('B'), 'Rename', { coalesceKey: 'k', now: 1000 }).past).toHaveLength(2);
    expect(commit(start, named('B'), 'Rename', { coalesceKey: 'other', now: 10 }).past).toHaveLength(2);
    expect(commit(start, named('B'), 'Rename', { now: 10 }).past).toHaveLength(2);
    const undone = undo(commit(start, named('B'), 'Other', { now: 5000 }));
    expect(commit(undone, named('C'), 'Rename', { coalesceKey: 'k', now: 5001 }).past).toHaveLength(2);
  });

  it(`keeps at most ${historyLimit} steps, dropping the oldest`, () => {
    let history = createHistory(emptyDesign('REST'));
    for (let index = 0; index < historyLimit + 25; index += 1)
      history = commit(history, named(`n${index}`), `Step ${index}`, { now: index * 2000 });
    expect(history.past).toHaveLength(historyLimit);
    expect(history.past[0]?.label).toBe('Step 25');
    let back = history;
    for (let index = 0; index < historyLimit + 5; index += 1) back = undo(back);
    expect(back.present.api.name).toBe('n24');
  });

  it('replaces the design keeping the old one one undo step away, never coalescing', () => {
    const start = commit(createHistory(emptyDesign('REST')), named('A'), 'Rename', { coalesceKey: 'k', now: Date.now() });
    const replaced = replaceKeepingUndo(start, emptyDesign('HTTP'), 'Open example');
    expect(replaced.past.map((entry) => entry.label)).toEqual(['Rename', 'Open example']);
    expect(undo(replaced).present.api.name).toBe('A');
  });
});
