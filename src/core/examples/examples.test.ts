import { describe, expect, it } from 'vitest';
import { checkDesign, designCards, parseDesign, serializeDesign } from '../model';
import { coveredCards } from '../model/testing/card-overlaps';
import { examples, firstStartDesign, restPetStore } from './index';

describe('examples', () => {
  it('have unique ids', () => {
    expect(new Set(examples.map((example) => example.id)).size).toBe(examples.length);
  });

  it.each(examples.map((example) => [example.id, example] as const))('%s is consistent and survives a save and load', (_id, example) => {
    const design = example.build();
    expect(checkDesign(design)).toEqual([]);
    const parsed = parseDesign(serializeDesign(design));
    expect(parsed.ok && parsed.design).toEqual(design);
    // Same design every time: stable ids and layout.
    expect(example.build()).toEqual(design);
    // Every card is placed on the canvas, and no card covers another.
    for (const card of designCards(design).cards) expect(design.layout[card.id], card.id).toBeDefined();
    expect(coveredCards(design)).toEqual([]);
  });

  it('the first-start design is the REST pet store', () => {
    const design = firstStartDesign();
    expect(design).toEqual(restPetStore());
    expect(design.api.type).toBe('REST');
    expect(Object.values(design.resources).map((r) => r.pathPart)).toEqual(expect.arrayContaining(['pets', '{petId}', 'health']));
    expect(Object.values(design.integrations).map((t) => t.kind)).toEqual(expect.arrayContaining(['LAMBDA', 'MOCK']));
    expect(Object.values(design.authorizers).map((a) => a.kind)).toContain('COGNITO_USER_POOLS');
    const prod = Object.values(design.stages).find((stage) => stage.name === 'prod');
    expect(prod?.cacheClusterEnabled).toBe(true);
    expect(Object.values(prod?.methodOverrides ?? {}).some((o) => o.cachingEnabled)).toBe(true);
    expect(Object.values(design.usagePlans)[0]?.apiKeyIds).toHaveLength(1);
    expect(Object.values(design.methods).filter((m) => m.apiKeyRequired).length).toBeGreaterThan(0);
    expect(Object.values(design.methods).filter((m) => !m.apiKeyRequired).length).toBeGreaterThan(0);
  });
});
