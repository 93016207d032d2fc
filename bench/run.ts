/**
 * `npm run bench`: Portico's speed and memory, printed as a table and written to bench/results.json.
 * Core timings run in Node; page timings in Debian's Chromium through Playwright, side by side with
 * swagger-ui-dist (a peer that runs here) and a bare React Flow page (the floor for our canvas).
 * `--smoke` runs the smallest size once (part of the test command, so the bench cannot rot).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { syntheticDesign } from '../src/core/examples';
import { autoLayout, type Design, nodeSizes } from '../src/core/model';
import { stringifyDocument } from '../src/core/openapi';
import { type BundleResult, measureBundle } from './bundle';
import { benchCore, type CoreResult, exportDocument } from './core';
import { benchFloor, benchPortico, benchSwaggerUi, type PageResult } from './pages';
import { serveStatic } from './static-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.argv.includes('--smoke');
const sizes = smoke ? [100] : [100, 1000, 5000];
const runs = smoke ? 1 : 7;
const out = join(root, 'bench', 'out');

function graphOf(design: Design) {
  const nodes: { id: string; x: number; y: number; width: number; height: number; label: string }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  const place = (id: string, kind: keyof typeof nodeSizes, label: string) => {
    const position = design.layout[id as keyof Design['layout']] ?? { x: 0, y: 0 };
    nodes.push({ id, x: position.x, y: position.y, ...nodeSizes[kind], label });
  };
  for (const resource of Object.values(design.resources)) {
    place(resource.id, 'resource', resource.pathPart || '/');
    if (resource.parentId) edges.push({ id: `e${edges.length}`, source: resource.parentId, target: resource.id });
  }
  for (const method of Object.values(design.methods)) {
    place(method.id, 'method', method.httpMethod);
    edges.push({ id: `e${edges.length}`, source: method.resourceId, target: method.id });
    if (method.integration) edges.push({ id: `e${edges.length}`, source: method.id, target: method.integration.integrationId });
    if (method.authorizerId) edges.push({ id: `e${edges.length}`, source: method.id, target: method.authorizerId });
  }
  for (const target of Object.values(design.integrations)) place(target.id, 'integration', target.name);
  for (const authorizer of Object.values(design.authorizers)) place(authorizer.id, 'authorizer', authorizer.name);
  return { nodes, edges };
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  console.log(`Portico bench (${smoke ? 'smoke: smallest size, one run' : `sizes ${sizes.join(', ')}, ${runs} runs each`})`);

  const core: CoreResult[] = sizes.map((size) => {
    const result = benchCore(size, size >= 5000 ? Math.max(1, Math.min(runs, 3)) : runs);
    console.log(`  core ${size} operations: done`);
    return result;
  });

  const data: Record<string, () => string> = {};
  for (const size of sizes) {
    const design = autoLayout(syntheticDesign({ operations: size, seed: 42 }));
    const document = stringifyDocument(exportDocument(design, '3.0'), 'json');
    writeFileSync(join(out, `doc-${size}.json`), document);
    data[`/bench-data/doc-${size}.json`] = () => document;
    const graph = JSON.stringify(graphOf(design));
    data[`/bench-data/graph-${size}.json`] = () => graph;
  }

  await build({
    root: join(root, 'bench', 'floor'),
    base: '/floor/',
    logLevel: 'warn',
    build: { outDir: join(out, 'floor'), emptyOutDir: true },
  });
  const { server, origin } = await serveStatic(
    {
      '/floor/': join(out, 'floor'),
      '/swagger-ui/': join(root, 'node_modules', 'swagger-ui-dist'),
      '/bench-out/': out,
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
  const browser = await chromium.launch({
    executablePath: process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium',
    args: (await import('./browser')).chromiumArgs,
  });
  const pages: { portico: PageResult[]; swaggerUi: PageResult[]; floor: PageResult[] } = { portico: [], swaggerUi: [], floor: [] };
  try {
    pages.portico = await benchPortico(browser, origin, sizes, join(out));
    pages.swaggerUi = await benchSwaggerUi(browser, origin, sizes);
    pages.floor = await benchFloor(browser, origin, sizes);
  } finally {
    await browser.close();
    server.close();
  }
  const bundle: BundleResult = measureBundle(join(root, 'dist'));
  const results = {
    date: new Date().toISOString(),
    machine: `${(await import('node:os')).cpus().length} cores`,
    smoke,
    sizes,
    core,
    pages,
    bundle,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(root, 'bench', smoke ? 'out/smoke-results.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  (await import('./report')).printReport(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
