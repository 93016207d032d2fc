/**
 * `npm run bench`: Portico's speed and memory, printed as a table and written to bench/results.json.
 * Core timings run in Node; page timings in Debian's Chromium through Playwright, side by side with
 * swagger-ui-dist (a peer that runs here) and a bare React Flow page (the floor for our canvas).
 *
 * `--smoke` runs the smallest size once (part of the test command, so the bench cannot rot).
 * For work on one part: `--only=core,portico,swagger,floor`, `--sizes=1000,5000`, `--runs=3`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { syntheticDesign } from '../src/core/examples';
import { type Design, nodeSizes, valuesOf } from '../src/core/model';
import { importOpenApi, stringifyDocument } from '../src/core/openapi';
import { chromiumArgs } from './browser';
import { type BundleResult, measureBundle } from './bundle';
import { benchCore, type CoreResult, exportDocument } from './core';
import { benchFloor, benchPageLoad, benchPortico, benchSwaggerUi, type FocusPoints, type PageLoad, type PageResult } from './pages';
import { printReport, type Results } from './report';
import { serveStatic } from './static-server';

/** The budget for JS loaded before first paint (issue 6), checked by the smoke run too. */
const firstPaintLimitKb = 200;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');

function option(name: string): string | undefined {
  return process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const smoke = process.argv.includes('--smoke');
const sizes = (option('sizes') ?? (smoke ? '100' : '100,1000,5000')).split(',').map(Number);
const runs = Number(option('runs') ?? (smoke ? 1 : 7));
const parts = new Set((option('only') ?? 'core,portico,swagger,floor,bundle').split(','));
/** Browser runs per size: a page import is seconds, not milliseconds, so fewer runs than the core. */
const pageRuns = Number(option('page-runs') ?? (smoke ? 1 : 3));

/** The nodes and edges a canvas draws for a design, for the bare React Flow page. */
function graphOf(design: Design) {
  const nodes: { id: string; x: number; y: number; width: number; height: number; label: string }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  const place = (id: string, kind: keyof typeof nodeSizes, label: string) => {
    const position = design.layout[id as keyof Design['layout']] ?? { x: 0, y: 0 };
    nodes.push({ id, x: position.x, y: position.y, ...nodeSizes[kind], label });
  };
  for (const resource of valuesOf(design.resources)) {
    place(resource.id, 'resource', resource.pathPart || '/');
    if (resource.parentId) edges.push({ id: `e${edges.length}`, source: resource.parentId, target: resource.id });
  }
  for (const method of valuesOf(design.methods)) {
    place(method.id, 'method', method.httpMethod);
    edges.push({ id: `e${edges.length}`, source: method.resourceId, target: method.id });
    if (method.integration) edges.push({ id: `e${edges.length}`, source: method.id, target: method.integration.integrationId });
    if (method.authorizerId) edges.push({ id: `e${edges.length}`, source: method.id, target: method.authorizerId });
  }
  for (const target of valuesOf(design.integrations)) place(target.id, 'integration', target.name);
  for (const authorizer of valuesOf(design.authorizers)) place(authorizer.id, 'authorizer', authorizer.name);
  return { nodes, edges };
}

/** A resource in the middle of the tree (not a path parameter): where the working-zoom gestures zoom in, on every page. */
function focusOf(design: Design): { x: number; y: number } {
  const resources = valuesOf(design.resources)
    .filter((resource) => resource.parentId !== null && !resource.pathPart.startsWith('{'))
    .map((resource) => design.layout[resource.id])
    .filter((position) => position !== undefined)
    .sort((a, b) => a.y - b.y);
  const middle = resources[Math.floor(resources.length / 2)] ?? { x: 0, y: 0 };
  return { x: middle.x + nodeSizes.resource.width / 2, y: middle.y + nodeSizes.resource.height / 2 };
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  console.log(`Portico bench (${smoke ? 'smoke: smallest size, one run' : `sizes ${sizes.join(', ')}, ${runs} runs each`})`);

  const core: CoreResult[] = [];
  if (parts.has('core'))
    for (const size of sizes) {
      core.push(benchCore(size, size >= 5000 ? Math.max(1, Math.min(runs, 3)) : runs));
      console.log(`  core ${size} operations: done`);
    }

  // The documents the pages open, and the graph the bare React Flow page draws: the nodes and positions
  // Portico's importer gives the same document, so both canvases draw the same thing.
  const data: Record<string, () => string> = {};
  const documents: Record<number, string> = {};
  const focus: FocusPoints = {};
  for (const size of sizes) {
    const text = stringifyDocument(exportDocument(syntheticDesign({ operations: size, seed: 42 }), '3.0'), 'json');
    const file = join(out, `doc-${size}.json`);
    writeFileSync(file, text);
    documents[size] = file;
    data[`/bench-data/doc-${size}.json`] = () => text;
    const imported = importOpenApi(text);
    if (!imported.ok) throw new Error(`The bench document did not import: ${imported.error.message}`);
    const graph = JSON.stringify(graphOf(imported.design));
    data[`/bench-data/graph-${size}.json`] = () => graph;
    focus[size] = focusOf(imported.design);
  }

  const pages: { load: PageLoad | null; portico: PageResult[]; swaggerUi: PageResult[]; floor: PageResult[] } = {
    load: null,
    portico: [],
    swaggerUi: [],
    floor: [],
  };
  if (parts.has('portico') || parts.has('swagger') || parts.has('floor')) {
    await build({
      root: join(root, 'bench', 'floor'),
      base: '/floor/',
      logLevel: 'error',
      build: { outDir: join(out, 'floor'), emptyOutDir: true },
    });
    const { server, origin } = await serveStatic(
      {
        '/floor/': join(out, 'floor'),
        '/swagger-ui/': join(root, 'node_modules', 'swagger-ui-dist'),
        '/': join(root, 'dist'),
      },
      {
        ...data,
        '/peer/index.html': () =>
          `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/swagger-ui/swagger-ui.css"></head><body><div id="ui"></div><script src="/swagger-ui/swagger-ui-bundle.js"></script><script src="/peer/start.js"></script></body></html>`,
        '/peer/start.js': () =>
          `window.__start = performance.now(); const n = new URLSearchParams(location.search).get('n'); window.ui = SwaggerUIBundle({ url: '/bench-data/doc-' + n + '.json', dom_id: '#ui', validatorUrl: null, deepLinking: false });`,
      },
    );
    const browser = await chromium.launch({ executablePath: process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
    const frameSizes = sizes.filter((size) => size >= 1000);
    const keystrokeSize = sizes.includes(1000) ? 1000 : (sizes[0] as number);
    try {
      if (parts.has('portico')) {
        pages.load = await benchPageLoad(browser, origin, pageRuns);
        console.log(`  page load: example ${pages.load.example.median} ms, empty ${pages.load.empty.median} ms`);
        pages.portico = await benchPortico(browser, origin, {
          sizes,
          runs: pageRuns,
          documents,
          focus,
          frameSizes,
          keystrokeSize,
          keystrokeSamples: smoke ? 3 : 15,
        });
      }
      if (parts.has('swagger')) pages.swaggerUi = await benchSwaggerUi(browser, origin, sizes, pageRuns);
      if (parts.has('floor')) pages.floor = await benchFloor(browser, origin, sizes, pageRuns, frameSizes, focus);
    } finally {
      await browser.close();
      server.close();
    }
  }
  const bundle: BundleResult | null = parts.has('bundle') ? measureBundle(join(root, 'dist')) : null;
  const results: Results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
    smoke,
    sizes,
    core,
    pages,
    bundle,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const partial = parts.size < 5 || option('sizes') !== undefined || option('runs') !== undefined;
  const file = smoke ? 'out/smoke-results.json' : partial ? 'out/partial-results.json' : 'results.json';
  writeFileSync(join(root, 'bench', file), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  console.log(`\nWritten to bench/${file}.`);
  // The smoke run is a test: every part it measures must have produced its figures.
  if (smoke) {
    const failures = [
      ...[...pages.portico, ...pages.swaggerUi, ...pages.floor]
        .filter((row) => row.error || !row.render)
        .map((row) => row.error ?? 'no figure'),
      ...(parts.has('portico') && !pages.portico.some((row) => row.keystroke) ? ['no keystroke figure'] : []),
      ...core.filter((row) => row.cdkError).map((row) => `CDK: ${row.cdkError}`),
      // Size is not timing: it does not drift with machine load, so the smoke run holds the line on it.
      ...(bundle && bundle.firstPaint.gzipKb > firstPaintLimitKb
        ? [`JS before first paint is ${bundle.firstPaint.gzipKb} KB gzip, over the ${firstPaintLimitKb} KB budget`]
        : []),
    ];
    if (failures.length > 0) {
      console.error(`Bench smoke failed: ${failures.join('; ')}`);
      process.exit(1);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
