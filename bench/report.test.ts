import { describe, expect, it } from 'vitest';
import { conditionsScript, pageConditions } from './page-conditions';
import { type Results, targets } from './report';
import { frameSummary, percentile, stat } from './stats';

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

  it('reads the layout figures when they were measured, and leaves them out when they were not', () => {
    const base = results(400, 500);
    const frames = { medianMs: 16.7, p95Ms: 18, maxMs: 40, frames: 120 };
    const withLayout: Results = {
      ...base,
      pages: {
        ...base.pages,
        layoutWorker: [{ size: 5000, cold: 3000, warm: figure(2500), inWorker: figure(2400), frames }],
        autoLayout: [{ size: 5000, render: null, frames: null, notMeasured: 'the canvas did not mark Auto layout' }],
      },
    };
    const byName = (list: ReturnType<typeof targets>, what: string) => list.find((target) => target.what === what)?.figure;
    expect(byName(targets(withLayout), 'Main-thread frames while the worker lays out 5,000 ops, median')).toBe(16.7);
    expect(byName(targets(withLayout), 'Frames during Auto layout (5,000 ops), median')).toBeUndefined();
    // Results written before the layout figures existed still read.
    expect(byName(targets(base), 'Main-thread frames while the worker lays out 5,000 ops, median')).toBeUndefined();
  });

  it('takes medians and percentiles', () => {
    expect(stat([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, runs: 4 });
    expect(percentile([16.7, 16.6, 33.4, 16.7], 95)).toBe(33.4);
    expect(frameSummary([16.7, 16.6, 33.4, 16.7])).toEqual({ medianMs: 16.7, p95Ms: 33.4, maxMs: 33.4, frames: 4 });
    expect(frameSummary([])).toBeNull();
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
