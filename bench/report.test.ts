import { describe, expect, it } from 'vitest';
import { conditionsScript, pageConditions } from './page-conditions';
import { type Results, targets } from './report';
import { percentile, stat } from './stats';

const figure = (median: number) => ({ median, min: median, max: median, runs: 1 });

function results(importMs: number, swaggerMs: number): Results {
  return {
    date: '2026-01-01T00:00:00.000Z',
    machine: 'test',
    smoke: true,
    sizes: [1000],
    core: [],
    pages: {
      load: null,
      portico: [{ size: 1000, render: figure(importMs), heapMb: 20, keystroke: figure(12) }],
      swaggerUi: [{ size: 1000, render: figure(swaggerMs), heapMb: 60 }],
      floor: [],
    },
    bundle: { firstPaint: { rawKb: 500, gzipKb: 180, files: [] }, lazy: [] },
    seconds: 1,
  };
}

describe('the bench report', () => {
  it('checks each figure against its target, and the ratio to swagger-ui', () => {
    const list = targets(results(400, 500));
    const byName = (what: string) => list.find((target) => target.what === what);
    expect(byName('Import 1,000 ops to a drawn canvas')?.figure).toBe(400);
    expect(byName('Import 1,000 ops / swagger-ui render')?.figure).toBe(0.8);
    expect(byName('JS before first paint (gzip)')?.figure).toBe(180);
    // Figures the run did not measure stay empty (the smoke run measures one size).
    expect(byName('Import 5,000 ops to a drawn canvas')?.figure).toBeUndefined();
    expect(targets(results(600, 500)).find((target) => target.what.startsWith('Import 1,000 ops /'))?.figure).toBe(1.2);
  });

  it('takes medians and percentiles', () => {
    expect(stat([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, runs: 4 });
    expect(percentile([16.7, 16.6, 33.4, 16.7], 95)).toBe(33.4);
  });

  it('installs its page conditions as a script a browser can run', () => {
    const script = conditionsScript();
    // Parses as JavaScript and defines every condition.
    expect(() => new Function(script)).not.toThrow();
    const scope: Record<string, unknown> = {};
    new Function('globalThis', script)(scope);
    expect(Object.keys(scope.__benchConditions as object).sort()).toEqual(Object.keys(pageConditions).sort());
  });
});
