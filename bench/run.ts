/**
 * `npm run bench`: Portico's speed and memory, printed as a table and written to bench/results.json.
 * Core timings run in Node; page timings in Debian's Chromium through Playwright, side by side with
 * swagger-ui-dist (a peer that runs here) and a bare React Flow page (the floor for our canvas).
 *
 * `--smoke` runs the smallest size once (part of the test command, so the bench cannot rot).
 * For work on one part: `--only=core,portico,swagger,floor,bundle,layout`, `--sizes=1000,5000`, `--runs=3`;
 * `--dist=dist-mine` measures another build folder than `dist`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { syntheticDesign } from '../src/core/examples';
import { type Card, cardSize, type Design, designCards } from '../src/core/model';
import { importOpenApi, stringifyDocument } from '../src/core/openapi';
import { chromiumArgs } from './browser';
import { type BundleResult, measureBundle } from './bundle';
import { benchCore, type CoreResult, exportDocument } from './core';
import { benchLayout, type LayoutResult } from './layout';
import { type AutoLayoutResult, benchAutoLayout, benchLayoutWorker, type LayoutWorkerResult } from './layout-pages';
import { benchFloor, benchPageLoad, benchPortico, benchSwaggerUi, type FocusPoints } from './pages';
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
const allParts = ['core', 'portico', 'swagger', 'floor', 'bundle', 'layout'];
const parts = new Set((option('only') ?? allParts.join(',')).split(','));
const dist = join(root, option('dist') ?? 'dist');
/** Browser runs per size: a page import is seconds, not milliseconds, so fewer runs than the core. */
const pageRuns = Number(option('page-runs') ?? (smoke ? 1 : 3));

/**
 * The nodes and edges Portico's canvas draws for a design, for the bare React Flow page: one node per
 * card (resource, route group, integration, authorizer) at its position and size, one edge per row that
 * uses an integration or authorizer, and one per parent → child resource.
 */
function graphOf(design: Design) {
  const nodes: { id: string; x: number; y: number; width: number; height: number; label: string }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  for (const card of designCards(design).cards) {
    const position = design.layout[card.id] ?? { x: 0, y: 0 };
    const label =
      card.kind === 'integration'
        ? (design.integrations[card.id as keyof Design['integrations']]?.name ?? '')
        : card.kind === 'authorizer'
          ? (design.authorizers[card.id as keyof Design['authorizers']]?.name ?? '')
          : card.title;
    nodes.push({ id: card.id, x: position.x, y: position.y, ...cardSize(card), label });
    if (card.parentId) edges.push({ id: `e${edges.length}`, source: card.parentId, target: card.id });
    for (const rowId of card.rows) {
      const row = design.methods[rowId as keyof Design['methods']] ?? design.routes[rowId as keyof Design['routes']];
      if (row?.integration) edges.push({ id: `e${edges.length}`, source: card.id, target: row.integration.integrationId });
      if (row?.authorizerId) edges.push({ id: `e${edges.length}`, source: card.id, target: row.authorizerId });
    }
  }
  return { nodes, edges };
}

/** A resource card in the middle of the outline (not a path parameter): where the working-zoom gestures zoom in, on every page. */
function focusOf(design: Design): { x: number; y: number } {
  const cards = designCards(design)
    .cards.filter((card) => card.kind === 'resource' && card.parentId !== undefined)
    .filter((card) => !design.resources[card.id as keyof Design['resources']]?.pathPart.startsWith('{'))
    .map((card) => ({ card, position: design.layout[card.id] }))
    .filter((entry): entry is { card: Card; position: { x: number; y: number } } => entry.position !== undefined)
    .sort((a, b) => a.position.y - b.position.y);
  const middle = cards[Math.floor(cards.length / 2)];
  if (!middle) return { x: 0, y: 0 };
  const size = cardSize(middle.card);
  return { x: middle.position.x + size.width / 2, y: middle.position.y + size.height / 2 };
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  console.log(`Portico bench (${smoke ? 'smoke: smallest size, one run' : `sizes ${sizes.join(', ')}, ${runs} runs each`})`);

  const core: CoreResult[] = [];
  const layout: LayoutResult[] = [];
  if (parts.has('core'))
    for (const size of sizes) {
      const sizeRuns = size >= 5000 ? Math.max(1, Math.min(runs, 3)) : runs;
      core.push(benchCore(size, sizeRuns));
      const laidOut = await benchLayout(size, sizeRuns);
      layout.push(laidOut);
      console.log(`  core ${size} operations: done (ELK layout ${laidOut.elk.median} ms)`);
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
    const designText = JSON.stringify(imported.design);
    data[`/bench-data/design-${size}.json`] = () => designText;
    focus[size] = focusOf(imported.design);
  }

  const layoutWorker: LayoutWorkerResult[] = [];
  const autoLayout: AutoLayoutResult[] = [];
  const pages: Results['pages'] = { load: null, portico: [], swaggerUi: [], floor: [], layoutWorker, autoLayout };
  if (parts.has('portico') || parts.has('swagger') || parts.has('floor') || parts.has('layout')) {
    for (const page of ['floor', 'layout-page'])
      await build({
        root: join(root, 'bench', page),
        base: `/${page}/`,
        logLevel: 'error',
        configFile: false,
        // The layout page starts the app's layout worker, a module worker, as the app's build does.
        worker: { format: 'es' },
        build: { outDir: join(out, page), emptyOutDir: true },
      });
    const { server, origin } = await serveStatic(
      {
        '/floor/': join(out, 'floor'),
        '/layout-page/': join(out, 'layout-page'),
        '/swagger-ui/': join(root, 'node_modules', 'swagger-ui-dist'),
        '/': dist,
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
      if (parts.has('layout')) {
        layoutWorker.push(...(await benchLayoutWorker(browser, origin, sizes, pageRuns)));
        autoLayout.push(...(await benchAutoLayout(browser, origin, sizes, pageRuns, documents)));
      }
    } finally {
      await browser.close();
      server.close();
    }
  }
  const bundle: BundleResult | null = parts.has('bundle') ? measureBundle(dist) : null;
  const results: Results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
    smoke,
    sizes,
    core,
    layout,
    pages,
    bundle,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const partial = allParts.some((part) => !parts.has(part)) || option('sizes') !== undefined || option('runs') !== undefined;
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
      // The layout worker is the bench's own page: it must lay out. Shift+L on the canvas may be "not measured".
      ...layoutWorker.filter((row) => row.error || row.warm === null).map((row) => `layout worker: ${row.error ?? 'no figure'}`),
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
