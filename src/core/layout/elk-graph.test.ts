import { describe, expect, it } from 'vitest';
import { type Card, cardGeometry, cardSize, type Design, designCards, rowCentre } from '../model';
import { httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { elkGraphOf, inPortId, outlineNodeId, outlinePositions, rowPortId } from './elk-graph';

describe('elkGraphOf', () => {
  const design = restPetStore();
  const graph = elkGraphOf(design);
  const node = (id: string) => graph.children?.find((child) => child.id === id);

  it('draws the API as one outline node in the first layer, with a fixed east port at the middle of every wired row', () => {
    const outline = node(outlineNodeId);
    const stacked = outlinePositions(design);
    expect(outline).toMatchObject({ width: stacked.width, height: stacked.height });
    expect(outline?.layoutOptions).toMatchObject({
      'elk.portConstraints': 'FIXED_POS',
      'elk.layered.layering.layerConstraint': 'FIRST',
    });
    // /pets is the second card of the outline: GET then POST, as the console lists verbs.
    const pets = stacked.positions.get(ids.res('pets'));
    const rootHeight = cardSize(designCards(design).byId.get(ids.root) as Card).height;
    expect(pets).toEqual({ x: cardGeometry.indent, y: rootHeight + cardGeometry.gap });
    const port = (row: string) => outline?.ports?.find((candidate) => candidate.id === rowPortId(row));
    expect(port(ids.mth('list'))).toMatchObject({ x: stacked.width, y: (pets?.y ?? 0) + rowCentre(0) });
    expect(port(ids.mth('create'))).toMatchObject({ x: stacked.width, y: (pets?.y ?? 0) + rowCentre(1) });
    expect(outline?.ports?.every((candidate) => candidate.layoutOptions?.['elk.port.side'] === 'EAST')).toBe(true);
  });

  it('puts every integration and authorizer in the last layer with one west port', () => {
    for (const id of [ids.int('fn'), ids.auth('users')]) {
      expect(node(id)).toMatchObject({ width: cardGeometry.backendWidth, height: cardGeometry.backendHeight });
      expect(node(id)?.layoutOptions?.['elk.layered.layering.layerConstraint']).toBe('LAST');
      expect(node(id)?.ports).toEqual([expect.objectContaining({ id: inPortId(id), x: 0, y: cardGeometry.backendHeight / 2 })]);
    }
    expect(graph.children).toHaveLength(3);
  });

  it('draws one edge per integration and authorizer a row uses', () => {
    const pairs = (graph.edges ?? []).map((edge) => `${edge.sources[0]} → ${edge.targets[0]}`).sort();
    expect(pairs).toEqual(
      [
        `${rowPortId(ids.mth('create'))} → ${inPortId(ids.auth('users'))}`,
        `${rowPortId(ids.mth('create'))} → ${inPortId(ids.int('fn'))}`,
        `${rowPortId(ids.mth('get'))} → ${inPortId(ids.int('fn'))}`,
        `${rowPortId(ids.mth('list'))} → ${inPortId(ids.int('fn'))}`,
      ].sort(),
    );
  });

  it('skips references to elements that are not there (a damaged design must still lay out)', () => {
    const damaged: Design = { ...design, integrations: {} as Design['integrations'] };
    const edges = elkGraphOf(damaged).edges ?? [];
    expect(edges.map((edge) => edge.targets[0])).toEqual([inPortId(ids.auth('users'))]);
  });

  it('draws the route groups of an HTTP API as the outline', () => {
    const http = elkGraphOf(httpPets());
    const outline = http.children?.find((child) => child.id === outlineNodeId);
    expect(outline?.ports).toHaveLength(2);
    expect(http.edges).toHaveLength(3);
  });

  it('has no outline node when the API has no cards of its own', () => {
    const empty: Design = { ...design, resources: {} as Design['resources'], methods: {} as Design['methods'] };
    expect(elkGraphOf(empty).children?.map((child) => child.id)).toEqual([ids.int('fn'), ids.auth('users')]);
  });
});
