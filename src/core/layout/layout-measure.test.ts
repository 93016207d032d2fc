import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardGeometry, type Design } from '../model';
import { addIntegration } from '../model/operations/integrations';
import { connectIntegration } from '../model/operations/wiring';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { countCrossings, measureLayout, type Segment } from './layout-measure';

function bruteForce(segments: Segment[]): number {
  let count = 0;
  for (let i = 0; i < segments.length; i += 1)
    for (let j = i + 1; j < segments.length; j += 1) {
      const a = segments[i] as Segment;
      const b = segments[j] as Segment;
      if ((a.fromY - b.fromY) * (a.toY - b.toY) < 0) count += 1;
    }
  return count;
}

describe('countCrossings', () => {
  it('counts the pairs whose ends come in opposite orders, as a pair-by-pair count does', () => {
    const segment = fc.record({ fromY: fc.integer({ min: 0, max: 12 }), toY: fc.integer({ min: 0, max: 12 }) });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), (segments) => {
        expect(countCrossings(segments)).toBe(bruteForce(segments));
      }),
    );
  });
});

describe('measureLayout', () => {
  it('counts the crossing of two rows wired to backends stacked the other way round', () => {
    // The pet store's GET /pets, POST /pets and GET /pets/{petId} all use one function; POST also an authorizer.
    const design = build(
      restPetStore(),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web') }),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('web')),
    );
    const x = 1000;
    const place = (order: string[]): Design['layout'] => {
      const layout: Record<string, { x: number; y: number }> = {
        [ids.root]: { x: 0, y: 0 },
        [ids.res('pets')]: { x: 24, y: 100 },
        [ids.res('pet')]: { x: 48, y: 300 },
      };
      for (const [index, id] of order.entries()) layout[id] = { x, y: index * 100 };
      return layout as Design['layout'];
    };
    // pets: GET (row 0) → fn, POST (row 1) → fn + users; pet: GET → web. Stacked fn, users, web: no crossing.
    const tidy = measureLayout(design, place([ids.int('fn'), ids.auth('users'), ids.int('web')]));
    expect(tidy).toMatchObject({ edges: 4, crossings: 0 });
    // web on top: its edge from the lowest row crosses all three edges from /pets.
    expect(measureLayout(design, place([ids.int('web'), ids.int('fn'), ids.auth('users')])).crossings).toBe(3);
    // Lengths: horizontal run from each card's right edge to the column, plus the vertical run.
    expect(tidy.totalLength).toBeGreaterThan(4 * (x - 48 - cardGeometry.apiWidth));
  });

  it('leaves out cards without a position', () => {
    expect(measureLayout(restPetStore(), {} as Design['layout'])).toEqual({ edges: 0, crossings: 0, totalLength: 0 });
  });
});
