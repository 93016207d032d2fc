import type { BundleResult } from './bundle';
import type { CoreResult } from './core';
import type { PageResult } from './pages';

interface Results {
  core: CoreResult[];
  pages: { portico: PageResult[]; swaggerUi: PageResult[]; floor: PageResult[] };
  bundle: BundleResult;
  seconds: number;
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value} ms`);
const ratio = (ours: number | null | undefined, theirs: number | null | undefined) =>
  ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0 ? '—' : `${(ours / theirs).toFixed(2)}×`;

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column] ?? '').length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell, column) => String(cell).padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Prints the benchmark as Markdown tables (pasted into the README's Performance section). */
export function printReport(results: Results): void {
  const out: string[] = [];
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
        `${row.importJson.median} [${row.importJson.min}–${row.importJson.max}]`,
        `${row.importYaml.median} [${row.importYaml.min}–${row.importYaml.max}]`,
        `${row.exportOpenApi3Yaml.median} [${row.exportOpenApi3Yaml.min}–${row.exportOpenApi3Yaml.max}]`,
        `${row.exportSwagger2Json.median} [${row.exportSwagger2Json.min}–${row.exportSwagger2Json.max}]`,
        `${row.generateCdk.median} [${row.generateCdk.min}–${row.generateCdk.max}]`,
        `${row.rulesFull.median} [${row.rulesFull.min}–${row.rulesFull.max}]`,
        `${row.rulesIncremental.median} [${row.rulesIncremental.min}–${row.rulesIncremental.max}]`,
      ]),
    ),
  );
  out.push('\n### Browser (Chromium)\n');
  const first = results.pages.portico[0];
  out.push(`Page load to interactive canvas: example ${ms(first?.loadExampleMs)}, empty ${ms(first?.loadEmptyMs)}.\n`);
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
      ],
      results.pages.portico.map((row, index) => {
        const peer = results.pages.swaggerUi[index];
        const floor = results.pages.floor[index];
        return [
          row.size,
          ms(row.renderMs),
          ms(peer?.renderMs),
          ms(floor?.renderMs),
          ratio(row.renderMs, peer?.renderMs),
          ratio(row.renderMs, floor?.renderMs),
          `${row.heapMb ?? '—'} MB`,
          `${peer?.heapMb ?? '—'} MB`,
        ];
      }),
    ),
  );
  const frameRows = results.pages.portico
    .filter((row) => row.panZoom || row.overview)
    .map((row) => {
      const floor = results.pages.floor.find((candidate) => candidate.size === row.size);
      return [
        row.size,
        row.panZoom ? `${row.panZoom.medianMs} / ${row.panZoom.p95Ms}` : '—',
        floor?.panZoom ? `${floor.panZoom.medianMs} / ${floor.panZoom.p95Ms}` : '—',
        row.overview ? `${row.overview.medianMs} / ${row.overview.p95Ms}` : '—',
        floor?.overview ? `${floor.overview.medianMs} / ${floor.overview.p95Ms}` : '—',
      ];
    });
  if (frameRows.length > 0) {
    out.push('\nFrame times while panning and zooming, median / 95th percentile (ms):\n');
    out.push(table(['operations', 'Portico working zoom', 'floor working zoom', 'Portico overview', 'floor overview'], frameRows));
  }
  const keystroke = results.pages.portico.find((row) => row.keystrokeMs);
  if (keystroke?.keystrokeMs)
    out.push(
      `\nKeystroke in a side-panel field → canvas and code view (${keystroke.size} operations): median ${keystroke.keystrokeMs.median} ms [${keystroke.keystrokeMs.min}–${keystroke.keystrokeMs.max}].`,
    );
  out.push(`\nJS before first paint: ${results.bundle.firstPaint.gzipKb} KB gzip (${results.bundle.firstPaint.rawKb} KB raw).`);
  out.push(
    'Lazily loaded chunks (gzip / raw KB): ' +
      results.bundle.lazy.map((chunk) => `${chunk.file.replace('assets/', '')} ${chunk.gzipKb}/${chunk.rawKb}`).join(', '),
  );
  for (const row of [...results.pages.portico, ...results.pages.swaggerUi, ...results.pages.floor])
    if (row.error) out.push(`note: ${row.size}: ${row.error}`);
  out.push(`\n(bench took ${results.seconds} s)`);
  console.log(out.join('\n'));
}
