import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import { autoLayout, type CardId, cardBoxes, cardGeometry, type Design, designCards, isApiCard, isBackendCard, overlaps } from '../model';
import { importOpenApi } from '../openapi';
import { layoutInputOf } from './layout-input';
import { measureLayout } from './layout-measure';
import { type ElkLayoutSettings, layoutWithElk } from './layout-with-elk';

const elk = new ELK();

/** What every layout must keep, as a list of broken rules (empty when the layout is right). */
function brokenRules(design: Design, layout: Design['layout']): string[] {
  const broken: string[] = [];
  const laidOut = { ...design, layout };
  const { cards } = designCards(design);
  const ids = new Set<string>(cards.map((card) => card.id));
  for (const card of cards) if (!layout[card.id]) broken.push(`${card.id} has no position`);
  for (const id of Object.keys(layout)) if (!ids.has(id)) broken.push(`${id} is not a card`);
  const boxes = new Map(cardBoxes(laidOut).map((box) => [box.id as string, box]));
  // (a) the API cards top to bottom in outline order, indented by depth from one column, a gap apart.
  const api = cards.filter(isApiCard);
  const columnX = api[0] ? (layout[api[0].id]?.x ?? 0) - api[0].depth * cardGeometry.indent : 0;
  api.forEach((card, index) => {
    const box = boxes.get(card.id);
    if (!box) return;
    if (box.x !== columnX + card.depth * cardGeometry.indent) broken.push(`${card.id} is not indented by its depth`);
    const above = index > 0 ? boxes.get((api[index - 1] as (typeof api)[number]).id) : undefined;
    if (above && box.y < above.y + above.height + cardGeometry.gap) broken.push(`${card.id} is not a gap below ${above.id}`);
  });
  // (b) every backend in one column, a channel right of the API cards.
  const apiRight = Math.max(columnX, ...api.map((card) => (boxes.get(card.id)?.x ?? 0) + (boxes.get(card.id)?.width ?? 0)));
  const backendXs = new Set(cards.filter(isBackendCard).map((card) => layout[card.id]?.x));
  if (backendXs.size > 1) broken.push(`backends in ${backendXs.size} columns`);
  for (const x of backendXs) if (x !== undefined && x < apiRight + cardGeometry.channel) broken.push('backends inside the channel');
  // (c) no card covers another (sorted by y, so a big design is not n² pairs).
  const sorted = [...boxes.values()].sort((a, b) => a.y - b.y);
  sorted.forEach((box, index) => {
    for (let next = index + 1; next < sorted.length && (sorted[next]?.y ?? 0) < box.y + box.height; next += 1)
      if (overlaps(box, sorted[next] as typeof box)) broken.push(`${box.id} covers ${sorted[next]?.id}`);
  });
  for (const at of Object.values(layout) as { x: number; y: number }[])
    if (!Number.isInteger(at.x) || !Number.isInteger(at.y)) broken.push('a position is not whole flow units');
  return broken;
}

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const corpusNames = [
  'lambda-token-authorizer-validators-gateway-responses-rest.yaml',
  'rest-authorizers-cognito-token-request-apikey-sam-output.json',
  'http-api-jwt-oauth2-openidconnect-default-route-sam.yaml',
  'petstore-http-mock-rest.json',
  'awsdocs-simple-calc-lambda-api-swagger-definition-0.json',
];
const corpus = corpusNames.map((name): [string, Design] => {
  const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
  if (!result.ok) throw new Error(`${name} did not import: ${result.error.message}`);
  return [name, result.design];
});
const gallery = examples.map((example): [string, Design] => [example.id, example.build()]);

describe('layoutWithElk', () => {
  it('is checked by a rule list that catches a broken layout', () => {
    const design = autoLayout(examples[0]?.build() as Design);
    expect(brokenRules(design, design.layout)).toEqual([]);
    const [first, second] = designCards(design).cards.filter(isApiCard);
    const swapped = {
      ...design.layout,
      [first?.id as CardId]: design.layout[second?.id as CardId],
      [second?.id as CardId]: design.layout[first?.id as CardId],
    };
    expect(brokenRules(design, swapped).length).toBeGreaterThan(0);
    const backend = designCards(design).cards.find(isBackendCard)?.id as CardId;
    expect(brokenRules(design, { ...design.layout, [backend]: { x: 10, y: 10 } })).toEqual(
      expect.arrayContaining(['backends in 2 columns', 'backends inside the channel']),
    );
  });

  it.each([...gallery, ...corpus])(
    '%s: keeps the canvas rules, crosses no more edges than the instant layout, the same every time',
    async (_name, design) => {
      const layout = await layoutWithElk(design, elk);
      expect(brokenRules(design, layout)).toEqual([]);
      const instant = autoLayout(design);
      expect(measureLayout(design, layout).crossings).toBeLessThanOrEqual(measureLayout(instant).crossings);
      expect(await layoutWithElk(design, new ELK())).toEqual(layout);
    },
  );

  it.each([100, 1000])(
    'a synthetic API of %i operations: the rules hold and crossings are no more than the instant layout',
    async (operations) => {
      const design = syntheticDesign({ operations, seed: 1 });
      const layout = await layoutWithElk(design, elk);
      expect(brokenRules(design, layout)).toEqual([]);
      const ours = measureLayout(design, layout);
      const instant = measureLayout(autoLayout(design));
      expect(ours.edges).toBe(instant.edges);
      expect(ours.crossings).toBeLessThanOrEqual(instant.crossings);
      // ELK's order wins here (fewer crossings than the median order), with edges about as long.
      expect(ours.crossings).toBeLessThan(instant.crossings);
      expect(ours.totalLength).toBeLessThan(instant.totalLength * 1.05);
    },
  );

  it('lays out the same from the part of the design the worker is sent, which copies many times faster', async () => {
    for (const [, design] of [...gallery, ...corpus])
      expect(await layoutWithElk(layoutInputOf(design), elk)).toEqual(await layoutWithElk(design, elk));
    const big = syntheticDesign({ operations: 1000, seed: 1 });
    const input = layoutInputOf(big);
    expect(await layoutWithElk(input, elk)).toEqual(await layoutWithElk(big, elk));
    expect(JSON.stringify(input).length).toBeLessThan(JSON.stringify(big).length / 5);
  });

  it('with ELK placing the heights (NETWORK_SIMPLEX) the rules hold as well', async () => {
    const settings: ElkLayoutSettings = { heights: 'elk' };
    for (const [, design] of [...gallery, ...corpus]) expect(brokenRules(design, await layoutWithElk(design, elk, settings))).toEqual([]);
  });

  it('places a backend no row uses below the others, and a design with no cards at all', async () => {
    const [, pets] = gallery[0] as [string, Design];
    const spare = 'int_spare' as CardId;
    const design: Design = {
      ...pets,
      integrations: { ...pets.integrations, [spare]: { ...(Object.values(pets.integrations)[0] as object), id: spare, name: 'spare' } },
    } as Design;
    const layout = await layoutWithElk(design, elk);
    expect(brokenRules(design, layout)).toEqual([]);
    const backends = designCards(design).cards.filter(isBackendCard);
    expect(Math.max(...backends.map((card) => layout[card.id]?.y ?? 0))).toBe(layout[spare]?.y);
    const nothing = { ...design, resources: {}, methods: {}, integrations: {}, authorizers: {} } as Design;
    expect(await layoutWithElk(nothing, elk)).toEqual({});
  });

  it('passes an ELK failure on to its caller (the worker turns it into a message)', async () => {
    const broken = { layout: () => Promise.reject(new Error('org.eclipse.elk.core.UnsupportedGraphException')) };
    await expect(layoutWithElk((gallery[0] as [string, Design])[1], broken)).rejects.toThrow('UnsupportedGraph');
  });
});
