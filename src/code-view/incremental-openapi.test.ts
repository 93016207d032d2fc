import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../core/examples';
import { mulberry32 } from '../core/examples/synthetic';
import {
  addMethod,
  applyOperation,
  type Design,
  deleteElements,
  type HttpMethod,
  type MethodId,
  moveMethod,
  type ResourceId,
  renameResource,
  updateMethod,
} from '../core/model';
import { exportOpenApi, stringifyDocument } from '../core/openapi';
import { applyTextEdits, IncrementalOpenApi, type IncrementalRequest } from './incremental-openapi';
import { splitOpenApiText } from './openapi-text';

/** A full export's text, as the worker writes it. */
function fullText(design: Design, request: IncrementalRequest): string {
  const result = exportOpenApi(design, request);
  if (!result.ok) throw new Error(result.message);
  return stringifyDocument(result.document, request.format);
}

function start(design: Design, request: IncrementalRequest): IncrementalOpenApi {
  const result = exportOpenApi(design, request);
  if (!result.ok) throw new Error(result.message);
  const parts = splitOpenApiText(result.document, request.format);
  if (!parts) throw new Error('no paths');
  const incremental = IncrementalOpenApi.from(design, request, parts, result.notes);
  if (!incremental) throw new Error('not incremental');
  return incremental;
}

/** The edits people make in the inspector and on the canvas, chosen at random. */
function randomEdit(design: Design, next: () => number, step: number): (design: Design) => Design {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const resources = (Object.keys(design.resources) as ResourceId[]).filter((id) => design.resources[id]?.parentId !== null);
  const methods = Object.keys(design.methods) as MethodId[];
  const roll = next();
  if (roll < 0.25) {
    const id = pick(resources);
    const part = design.resources[id]?.pathPart ?? 'x';
    return (d) => renameResource(d, id, part.startsWith('{') ? part : `${part}${String.fromCharCode(97 + (step % 26))}`);
  }
  if (roll < 0.5) return (d) => updateMethod(d, pick(methods), { summary: `summary ${step}` });
  if (roll < 0.6) return (d) => updateMethod(d, pick(methods), { description: step % 2 === 0 ? `line one\nline ${step}` : undefined });
  if (roll < 0.7) return (d) => updateMethod(d, pick(methods), { apiKeyRequired: next() < 0.5 });
  if (roll < 0.8) return (d) => moveMethod(d, pick(methods), pick(resources));
  if (roll < 0.9) {
    const verbs: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
    return (d) => addMethod(d, { resourceId: pick(resources), httpMethod: pick(verbs), id: `mth_added_${step}` as MethodId });
  }
  return (d) => deleteElements(d, [pick(methods)]);
}

const requests: IncrementalRequest[] = [
  { version: '3.0', format: 'yaml' },
  { version: '3.0', format: 'json' },
  { version: '2.0', format: 'yaml', stageName: 'prod' },
  { version: '2.0', format: 'json' },
];

describe('incremental OpenAPI text', () => {
  it.each(requests)('equals a full export after every edit (%o)', (request) => {
    const next = mulberry32(request.format === 'yaml' ? 11 : 23);
    let design = syntheticDesign({ operations: 60, seed: 3 });
    let incremental = start(design, request);
    let text = fullText(design, request);
    let followed = 0;
    for (let step = 0; step < 100; step += 1) {
      const applied = applyOperation(design, randomEdit(design, next, step));
      if (!applied.ok) continue;
      const edits = incremental.update(applied.design);
      design = applied.design;
      const expected = fullText(design, request);
      if (edits === undefined) {
        incremental = start(design, request);
      } else {
        followed += 1;
        expect(applyTextEdits(text, edits)).toBe(expected);
        expect(incremental.text()).toBe(expected);
        // Edits are minimal: sorted, apart, and never the whole text.
        for (const [index, edit] of edits.entries()) {
          expect(edit.start).toBeLessThanOrEqual(edit.end);
          if (index > 0) expect(edit.start).toBeGreaterThan((edits[index - 1] as { end: number }).end);
        }
      }
      text = expected;
    }
    // Most inspector edits are followed edit by edit.
    expect(followed).toBeGreaterThan(50);
  });

  it('rewrites only the renamed path and the paths below it', () => {
    const request: IncrementalRequest = { version: '3.0', format: 'yaml' };
    const design = syntheticDesign({ operations: 200, seed: 5 });
    const incremental = start(design, request);
    const before = fullText(design, request);
    const id = (Object.keys(design.resources) as ResourceId[]).find((key) => design.resources[key]?.pathPart.startsWith('orders'));
    if (!id) throw new Error('no orders resource');
    const renamed = renameResource(design, id, `${design.resources[id]?.pathPart}x`);
    const edits = incremental.update(renamed) ?? [];
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) expect(edit.text.length, JSON.stringify(edit)).toBeLessThan(50);
    expect(applyTextEdits(before, edits)).toBe(fullText(renamed, request));
  });

  it('asks for a full export when something other than resources and methods changes', () => {
    const request: IncrementalRequest = { version: '3.0', format: 'yaml' };
    const design = syntheticDesign({ operations: 50, seed: 2 });
    const incremental = start(design, request);
    expect(incremental.update({ ...design, api: { ...design.api, name: 'Renamed' } })).toBeUndefined();
  });

  it('changes nothing for a layout change', () => {
    const request: IncrementalRequest = { version: '3.0', format: 'json' };
    const design = syntheticDesign({ operations: 50, seed: 2 });
    const incremental = start(design, request);
    expect(incremental.update({ ...design, layout: { ...design.layout } })).toEqual([]);
  });

  it('exports whole a design whose schemas point into another path item (whether it resolves depends on that item)', () => {
    const request: IncrementalRequest = { version: '3.0', format: 'yaml' };
    const design = syntheticDesign({ operations: 40, seed: 2 });
    const [first, second] = Object.keys(design.methods) as MethodId[];
    if (!first || !second) throw new Error('two methods needed');
    const pointing = (d: Design) =>
      updateMethod(d, first, {
        responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { schema: { $ref: '#/paths/~1gone/get' } } } }],
      });
    const incremental = start(design, request);
    const edited = applyOperation(design, pointing);
    if (!edited.ok) throw new Error(edited.error.message);
    expect(incremental.update(edited.design)).toBeUndefined();
    const result = exportOpenApi(edited.design, request);
    if (!result.ok) throw new Error(result.message);
    const parts = splitOpenApiText(result.document, request.format);
    if (!parts) throw new Error('no paths');
    expect(IncrementalOpenApi.from(edited.design, request, parts, result.notes)).toBeUndefined();
    // A reference to a model resolves the same in a partial export: followed edit by edit, equal to a full export.
    const later = start(design, request);
    const modelRef = applyOperation(design, (d) =>
      updateMethod(d, second, {
        responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } }],
      }),
    );
    if (!modelRef.ok) throw new Error(modelRef.error.message);
    const edits = later.update(modelRef.design);
    expect(edits).toBeDefined();
    expect(later.text()).toBe(fullText(modelRef.design, request));
  });

  it('applies edits in order', () => {
    expect(
      applyTextEdits('abcdef', [
        { start: 1, end: 2, text: 'XY' },
        { start: 4, end: 4, text: '!' },
      ]),
    ).toBe('aXYcd!ef');
  });
});
