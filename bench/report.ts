import type { BundleResult } from './bundle';
import type { CoreResult } from './core';
import type { LayoutResult } from './layout';
import type { AutoLayoutResult, LayoutWorkerResult } from './layout-pages';
import type { PageLoad, PageResult } from './pages';
import type { FrameSummary, Stat } from './stats';

export interface Results {
  date: string;
  machine: string;
  smoke: boolean;
  sizes: number[];
  core: CoreResult[];
  /** Auto layout in Node (elkjs against the instant layout); absent in results written before it was measured. */
  layout?: LayoutResult[];
  pages: {
    load: PageLoad | null;
    portico: PageResult[];
    swaggerUi: PageResult[];
    floor: PageResult[];
    /** The layout worker on its own page. */
    layoutWorker?: LayoutWorkerResult[];
    /** Shift+L on Portico's canvas. */
    autoLayout?: AutoLayoutResult[];
  };
  bundle: BundleResult | null;
  seconds: number;
}

const dash = '—';
const spread = (value: Stat | null | undefined) => (value ? `${value.median} [${value.min}–${value.max}]` : dash);
const ratio = (ours: number | null | undefined, theirs: number | null | undefined) =>
  ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0 ? dash : `${(ours / theirs).toFixed(2)}×`;
const frames = (value: { medianMs: number; p95Ms: number } | null | undefined) => (value ? `${value.medianMs} / ${value.p95Ms}` : dash);
const framesWithMax = (value: FrameSummary | null | undefined) => (value ? `${value.medianMs} / ${value.p95Ms} / ${value.maxMs}` : dash);
const thousands = (value: number) => value.toLocaleString('en-US');

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column] ?? '').length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell, column) => String(cell).padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

interface Target {
  what: string;
  figure: number | null | undefined;
  unit: string;
  /** The figure passes at or under this. */
  limit: number;
  /** How the limit reads in the table. */
  limitText: string;
}

/** The targets of issue 6, each with the figure this run measured. */
export function targets(results: Results): Target[] {
  const core = results.core.find((row) => row.operations === 1000);
  const portico = (size: number) => results.pages.portico.find((row) => row.size === size);
  const swagger = (size: number) => results.pages.swaggerUi.find((row) => row.size === size);
  const list: Target[] = [
    { what: 'JS before first paint (gzip)', figure: results.bundle?.firstPaint.gzipKb, unit: 'KB', limit: 200, limitText: '≤ 200 KB' },
    { what: 'Import 1,000 ops to a drawn canvas', figure: portico(1000)?.render?.median, unit: 'ms', limit: 500, limitText: '≤ 500 ms' },
    {
      what: 'Import 1,000 ops / swagger-ui render',
      figure: ratioOf(portico(1000)?.render?.median, swagger(1000)?.render?.median),
      unit: '×',
      limit: 1,
      limitText: '≤ 1.00×',
    },
    { what: 'Import 5,000 ops to a drawn canvas', figure: portico(5000)?.render?.median, unit: 'ms', limit: 1500, limitText: '≤ 1,500 ms' },
    {
      what: 'Import 5,000 ops / swagger-ui render',
      figure: ratioOf(portico(5000)?.render?.median, swagger(5000)?.render?.median),
      unit: '×',
      limit: 1,
      limitText: '≤ 1.00×',
    },
  ];
  for (const size of [1000, 5000]) {
    list.push(
      {
        what: `Pan/zoom ${size} ops, median frame`,
        figure: portico(size)?.panZoom?.medianMs,
        unit: 'ms',
        limit: 16.7,
        limitText: '≤ 16.7 ms',
      },
      { what: `Pan/zoom ${size} ops, p95 frame`, figure: portico(size)?.panZoom?.p95Ms, unit: 'ms', limit: 25, limitText: '≤ 25 ms' },
    );
  }
  list.push(
    { what: 'Overview 5,000 ops, median frame', figure: portico(5000)?.overview?.medianMs, unit: 'ms', limit: 33, limitText: '≤ 33 ms' },
    {
      what: 'Keystroke → canvas + code view (1,000 ops), median',
      figure: portico(1000)?.keystroke?.median,
      unit: 'ms',
      limit: 16.7,
      limitText: '≤ 16.7 ms',
    },
    { what: 'Core 1,000: export OpenAPI 3 YAML', figure: core?.exportOpenApi3Yaml.median, unit: 'ms', limit: 100, limitText: '< 100 ms' },
    { what: 'Core 1,000: export Swagger 2 JSON', figure: core?.exportSwagger2Json.median, unit: 'ms', limit: 100, limitText: '< 100 ms' },
    { what: 'Core 1,000: CDK generation', figure: core?.generateCdk?.median, unit: 'ms', limit: 200, limitText: '< 200 ms' },
    { what: 'Core 1,000: full rules run', figure: core?.rulesFull.median, unit: 'ms', limit: 50, limitText: '< 50 ms' },
    { what: 'Core 1,000: rules after one edit', figure: core?.rulesIncremental.median, unit: 'ms', limit: 5, limitText: '< 5 ms' },
    { what: 'JS heap, 5,000 ops open', figure: portico(5000)?.heapMb, unit: 'MB', limit: 60, limitText: '< 60 MB' },
  );
  // Auto layout runs in a worker so that the page stays smooth while it works: frames keep their pace.
  const autoLayout = results.pages.autoLayout?.find((row) => row.size === 5000);
  const worker = results.pages.layoutWorker?.find((row) => row.size === 5000);
  list.push(
    {
      what: 'Frames during Auto layout (5,000 ops), median',
      figure: autoLayout?.frames?.medianMs,
      unit: 'ms',
      limit: 16.7,
      limitText: '≤ 16.7 ms',
    },
    {
      what: 'Main-thread frames while the worker lays out 5,000 ops, median',
      figure: worker?.frames?.medianMs,
      unit: 'ms',
      limit: 16.7,
      limitText: '≤ 16.7 ms',
    },
  );
  return list;
}

function ratioOf(ours: number | null | undefined, theirs: number | null | undefined): number | null {
  if (ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0) return null;
  return Math.round((ours / theirs) * 100) / 100;
}

/** The Auto layout figures: ELK in Node against the instant layout, the worker in Chromium, Shift+L on the canvas. */
function printLayout(results: Results, out: string[]): void {
  const layout = results.layout ?? [];
  if (layout.length > 0) {
    out.push('\n### Auto layout (Node, median [min–max] ms)\n');
    out.push(
      table(
        [
          'operations',
          'cards / edges',
          'elkjs layout',
          'instant layout',
          'hand-over to worker (whole design)',
          'crossings elkjs / instant',
          'edge length elkjs / instant',
          'ELK NETWORK_SIMPLEX heights',
        ],
        layout.map((row) => [
          row.operations,
          `${row.cards} / ${row.edges}`,
          spread(row.elk),
          spread(row.instant),
          `${spread(row.copy)} (${row.copyWhole?.median ?? dash})`,
          `${thousands(row.crossings.elk)} / ${thousands(row.crossings.instant)}`,
          `${thousands(row.length.elk)} / ${thousands(row.length.instant)}`,
          row.networkSimplex
            ? `${spread(row.networkSimplex.time)} (${thousands(row.networkSimplex.crossings)} crossings, length ${thousands(row.networkSimplex.length)})`
            : 'not run (minutes)',
        ]),
      ),
    );
  }
  const worker = results.pages.layoutWorker ?? [];
  const canvas = results.pages.autoLayout ?? [];
  const sizes = [...new Set([...worker, ...canvas].map((row) => row.size))];
  if (sizes.length === 0) return;
  out.push('\n### Auto layout in the browser (Chromium; frames median / p95 / max ms)\n');
  out.push(
    table(
      [
        'operations',
        'worker, first (starts it)',
        'worker, again',
        'in the worker',
        'frames meanwhile',
        'Shift+L → laid-out canvas',
        'frames meanwhile',
      ],
      sizes.map((size) => {
        const page = worker.find((row) => row.size === size);
        const app = canvas.find((row) => row.size === size);
        return [
          size,
          page?.error ? `failed: ${page.error}` : `${page?.cold ?? dash}`,
          spread(page?.warm),
          spread(page?.inWorker),
          framesWithMax(page?.frames),
          app?.render ? spread(app.render) : `not measured${app?.notMeasured ? `: ${app.notMeasured}` : ''}`,
          framesWithMax(app?.frames),
        ];
      }),
    ),
  );
}

/** Prints the benchmark as Markdown tables (pasted into the README's Performance section). */
export function printReport(results: Results): void {
  const out: string[] = [];
  out.push(`\nPortico bench, ${results.date.slice(0, 10)}, ${results.machine}${results.smoke ? ' (smoke run)' : ''}.`);
  if (results.core.length > 0) {
    out.push('\n### Core (Node, median [min–max] ms)\n');
    out.push(
      table(
        [
          'operations',
          'import JSON',
          'import YAML',
          'export OpenAPI 3 YAML',
          'export Swagger 2 JSON',
          'CDK',
          'rules (full)',
          'rules (one edit)',
        ],
        results.core.map((row) => [
          row.operations,
          spread(row.importJson),
          spread(row.importYaml),
          spread(row.exportOpenApi3Yaml),
          spread(row.exportSwagger2Json),
          spread(row.generateCdk),
          spread(row.rulesFull),
          spread(row.rulesIncremental),
        ]),
      ),
    );
  }
  const { load, portico, swaggerUi, floor } = results.pages;
  if (load || portico.length > 0 || swaggerUi.length > 0 || floor.length > 0) {
    out.push('\n### Browser (Chromium, median [min–max] ms)\n');
    if (load) out.push(`Page load to an interactive canvas: with the example ${spread(load.example)}, empty ${spread(load.empty)}.\n`);
    const sizes = [...new Set([...portico, ...swaggerUi, ...floor].map((row) => row.size))];
    const bySize = (rows: PageResult[], size: number) => rows.find((row) => row.size === size);
    out.push(
      table(
        [
          'operations',
          'Portico import→drawn',
          'swagger-ui render',
          'React Flow floor draw',
          'vs swagger-ui',
          'vs floor',
          'Portico heap',
          'swagger-ui heap',
          'floor heap',
        ],
        sizes.map((size) => {
          const row = bySize(portico, size);
          const peer = bySize(swaggerUi, size);
          const bare = bySize(floor, size);
          return [
            size,
            spread(row?.render),
            spread(peer?.render),
            spread(bare?.render),
            ratio(row?.render?.median, peer?.render?.median),
            ratio(row?.render?.median, bare?.render?.median),
            `${row?.heapMb ?? dash} MB`,
            `${peer?.heapMb ?? dash} MB`,
            `${bare?.heapMb ?? dash} MB`,
          ];
        }),
      ),
    );
    const frameRows = sizes
      .filter((size) => bySize(portico, size)?.overview || bySize(floor, size)?.overview)
      .map((size) => {
        const row = bySize(portico, size);
        const bare = bySize(floor, size);
        return [
          size,
          frames(row?.panZoom),
          frames(bare?.panZoom),
          ratio(row?.panZoom?.medianMs, bare?.panZoom?.medianMs),
          `${frames(row?.overview)} (zoom ${row?.overviewZoom ?? dash})`,
          `${frames(bare?.overview)} (zoom ${bare?.overviewZoom ?? dash})`,
          ratio(row?.overview?.medianMs, bare?.overview?.medianMs),
        ];
      });
    if (frameRows.length > 0) {
      out.push('\nFrame times while panning and zooming, median / 95th percentile (ms):\n');
      out.push(
        table(
          ['operations', 'Portico working zoom', 'floor working zoom', 'vs floor', 'Portico overview', 'floor overview', 'vs floor'],
          frameRows,
        ),
      );
    }
    const keystroke = portico.find((row) => row.keystroke);
    if (keystroke?.keystroke)
      out.push(
        `\nKeystroke in a side-panel field → canvas and code view (${keystroke.size} operations): ${spread(keystroke.keystroke)} ms.`,
      );
  }
  printLayout(results, out);
  if (results.bundle) {
    out.push(`\nJS before first paint: ${results.bundle.firstPaint.gzipKb} KB gzip (${results.bundle.firstPaint.rawKb} KB raw).`);
    out.push(
      `Loaded when first used (gzip / raw KB): ${results.bundle.lazy.map((chunk) => `${chunk.file.replace('assets/', '')} ${chunk.gzipKb}/${chunk.rawKb}`).join(', ')}.`,
    );
  }
  const measured = targets(results).filter((target) => target.figure !== null && target.figure !== undefined);
  if (measured.length > 0) {
    out.push('\n### Targets\n');
    out.push(
      table(
        ['target', 'figure', 'limit', ''],
        measured.map((target) => [
          target.what,
          `${target.figure}${target.unit === '×' ? '×' : ` ${target.unit}`}`,
          target.limitText,
          (target.figure as number) <= target.limit ? 'pass' : 'FAIL',
        ]),
      ),
    );
  }
  for (const [page, rows] of [
    ['Portico', results.pages.portico],
    ['swagger-ui', results.pages.swaggerUi],
    ['floor', results.pages.floor],
  ] as const)
    for (const row of rows) if (row.error) out.push(`note: ${page} ${row.size}: ${row.error}`);
  for (const row of results.core) if (row.cdkError) out.push(`note: CDK ${row.operations}: ${row.cdkError}`);
  out.push(`\n(bench took ${results.seconds} s)`);
  console.log(out.join('\n'));
}
