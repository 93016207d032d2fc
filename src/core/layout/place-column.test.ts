import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnItem, placeColumn } from './place-column';

const gap = 16;

/** The sum of vertical distances from each card's middle to its edges' other ends. */
function cost(items: readonly ColumnItem[], tops: readonly number[]): number {
  return items.reduce((sum, item, index) => {
    const middle = (tops[index] as number) + item.height / 2;
    return sum + item.wishes.reduce((total, wish) => total + Math.abs(wish - middle), 0);
  }, 0);
}

/** The instant layout's rule: each card at its median wish, pushed down below the card before it. */
function pushedDown(items: readonly ColumnItem[]): number[] {
  let nextFree = Number.NEGATIVE_INFINITY;
  return items.map((item) => {
    const sorted = [...item.wishes].sort((a, b) => a - b);
    const top = Math.max((sorted[Math.floor(sorted.length / 2)] as number) - item.height / 2, nextFree);
    nextFree = top + item.height + gap;
    return top;
  });
}

const items = fc.array(
  fc.record({
    height: fc.integer({ min: 20, max: 200 }),
    wishes: fc.array(fc.integer({ min: -500, max: 3000 }), { minLength: 1, maxLength: 6 }),
  }),
  { maxLength: 25 },
);

describe('placeColumn', () => {
  it('puts a lone card with its middle on the median of its edges', () => {
    expect(placeColumn([{ height: 60, wishes: [100, 400, 130] }], gap)).toEqual([100]);
  });

  it('moves two cards that want the same place apart as one block, around that place', () => {
    const tops = placeColumn(
      [
        { height: 60, wishes: [300] },
        { height: 60, wishes: [300] },
      ],
      gap,
    );
    expect(tops[1] as number).toBe((tops[0] as number) + 60 + gap);
    // Either card's middle may sit on the wish (both are equally short); neither may be pushed further.
    expect(
      cost(
        [
          { height: 60, wishes: [300] },
          { height: 60, wishes: [300] },
        ],
        tops,
      ),
    ).toBe(60 + gap);
  });

  it('keeps the order, never lets cards come closer than the gap, and never makes edges longer than pushing down', () => {
    fc.assert(
      fc.property(items, (column) => {
        const tops = placeColumn(column, gap);
        expect(tops).toHaveLength(column.length);
        for (let index = 1; index < column.length; index += 1)
          expect(tops[index] as number).toBeGreaterThanOrEqual(
            (tops[index - 1] as number) + (column[index - 1] as ColumnItem).height + gap - 1e-9,
          );
        expect(cost(column, tops)).toBeLessThanOrEqual(cost(column, pushedDown(column)) + 1e-6);
      }),
    );
  });

  it('cannot be improved by moving a single card or the whole column a little', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 40 }), (column, step) => {
        const tops = placeColumn(column, gap);
        const best = cost(column, tops);
        const valid = (candidate: number[]) =>
          candidate.every(
            (top, index) => index === 0 || top >= (candidate[index - 1] as number) + (column[index - 1] as ColumnItem).height + gap,
          );
        for (const delta of [-step, step]) {
          expect(
            cost(
              column,
              tops.map((top) => top + delta),
            ),
          ).toBeGreaterThanOrEqual(best - 1e-6);
          tops.forEach((_top, index) => {
            const moved = tops.map((top, at) => (at === index ? top + delta : top));
            if (valid(moved)) expect(cost(column, moved)).toBeGreaterThanOrEqual(best - 1e-6);
          });
        }
      }),
    );
  });
});
