import { describe, expect, it } from 'vitest';
import { autoLayout, checkDesign, parseDesign, resourcePath, serializeDesign } from '../model';
import { syntheticDesign } from './synthetic';

describe('syntheticDesign', () => {
  it.each([100, 1000, 5000])('makes a valid REST design with %i methods', (operations) => {
    const design = syntheticDesign({ operations, seed: 42 });
    expect(Object.keys(design.methods)).toHaveLength(operations);
    expect(checkDesign(design)).toEqual([]);
  });

  it('makes a valid HTTP design', () => {
    const design = syntheticDesign({ operations: 1000, seed: 7, apiType: 'HTTP' });
    expect(Object.keys(design.routes)).toHaveLength(1000);
    expect(checkDesign(design)).toEqual([]);
    const parsed = parseDesign(serializeDesign(design));
    // The generator leaves the layout empty; a design read without positions is laid out.
    expect(parsed.ok && parsed.design).toEqual(autoLayout(design));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticDesign({ operations: 300, seed: 3 })).toEqual(syntheticDesign({ operations: 300, seed: 3 }));
    expect(syntheticDesign({ operations: 300, seed: 3 })).not.toEqual(syntheticDesign({ operations: 300, seed: 4 }));
  });

  it('has a realistic shape: deep nesting, path parameters, mixed integrations and authorizers, bodies, stages', () => {
    const design = syntheticDesign({ operations: 1000, seed: 42 });
    const depths = Object.values(design.methods).map((method) => resourcePath(design, method.resourceId).split('/').length - 1);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(6);
    expect(Object.values(design.methods).some((method) => method.parameters.length >= 3)).toBe(true);
    expect(new Set(Object.values(design.integrations).map((target) => target.kind))).toEqual(
      new Set(['LAMBDA', 'HTTP', 'AWS_SERVICE', 'MOCK']),
    );
    const bindings = Object.values(design.methods).map((method) => method.integration);
    expect(bindings.some((binding) => binding?.integrationId && !binding.proxy && Object.keys(binding.requestTemplates).length > 0)).toBe(
      true,
    );
    expect(
      new Set(Object.values(design.methods).map((method) => method.authorizerId && design.authorizers[method.authorizerId]?.kind)).size,
    ).toBeGreaterThanOrEqual(4);
    expect(
      Object.values(design.methods).filter((method) => method.requestBody?.content['application/json']?.modelId).length,
    ).toBeGreaterThan(100);
    expect(design.stageOrder).toHaveLength(3);
    // Every path parameter of the path is declared on the method.
    for (const method of Object.values(design.methods)) {
      const inPath = [...resourcePath(design, method.resourceId).matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect(method.parameters.map((parameter) => parameter.name)).toEqual(inPath);
    }
  });

  it('makes 5,000 operations in well under a second', () => {
    syntheticDesign({ operations: 5000, seed: 1 });
    const started = performance.now();
    syntheticDesign({ operations: 5000, seed: 42 });
    const elapsed = performance.now() - started;
    console.log(`syntheticDesign 5,000 operations: ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(500);
  });
});
