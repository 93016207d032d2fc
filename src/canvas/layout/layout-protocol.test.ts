import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutWithElk } from '../../core/layout';
import { restPetStore } from '../../core/model/testing/design-builder';
import { answerRequest, readAnswer } from './layout-protocol';

describe('the layout worker protocol', () => {
  it('answers a request with the positions of every card, under the same seq', async () => {
    const elk = new ELK();
    const design = restPetStore();
    const answer = await answerRequest({ seq: 7, design }, (d) => layoutWithElk(d, elk));
    expect(answer).toMatchObject({ seq: 7, ok: true });
    if (!answer.ok) return;
    expect(Object.keys(answer.layout).sort()).toEqual(Object.keys(await layoutWithElk(design, elk)).sort());
    // The answer survives the structured clone to the main thread and reads back as itself.
    expect(readAnswer(structuredClone(answer), 7)).toEqual(answer);
  });

  it('turns a failure of the layout into an answer with its first line', async () => {
    const answer = await answerRequest({ seq: 2, design: restPetStore() }, () => Promise.reject(new Error('cycle found\n  at Layered')));
    expect(answer).toEqual({ seq: 2, ok: false, message: 'cycle found' });
    expect(readAnswer(answer, 2)).toEqual(answer);
  });

  it('ignores answers to older requests and anything that is not an answer', () => {
    const good = { seq: 3, ok: true, layout: { res_root: { x: 0, y: 0 } }, ms: 5 };
    expect(readAnswer(good, 3)).toEqual(good);
    expect(readAnswer(good, 4)).toBeUndefined();
    expect(readAnswer(null, 3)).toBeUndefined();
    expect(readAnswer('done', 3)).toBeUndefined();
    expect(readAnswer({ seq: 3, ok: true }, 3)).toBeUndefined();
    expect(readAnswer({ ...good, layout: { res_root: { x: Number.NaN, y: 0 } } }, 3)).toBeUndefined();
    expect(readAnswer({ ...good, layout: { res_root: { x: '1', y: 0 } } }, 3)).toBeUndefined();
    expect(readAnswer({ seq: 3, ok: false }, 3)).toEqual({ seq: 3, ok: false, message: 'unknown error' });
  });
});
