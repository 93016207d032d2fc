import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  rawKb: number;
  gzipKb: number;
}

export interface BundleResult {
  firstPaint: { rawKb: number; gzipKb: number; files: ChunkSize[] };
  lazy: ChunkSize[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function sizeOf(dist: string, file: string): ChunkSize {
  const bytes = readFileSync(join(dist, file));
  return { file, rawKb: kb(bytes.length), gzipKb: kb(gzipSync(bytes, { level: 9 }).length) };
}

/**
 * JS loaded before first paint = the entry script and the modules index.html preloads; every other
 * chunk in dist/assets loads lazily (Monaco, the code view, the CDK generator, workers).
 */
export function measureBundle(dist: string): BundleResult {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string));
  const all = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const files = [...initial].map((file) => sizeOf(dist, file));
  const lazy = all
    .filter((file) => !initial.has(file))
    .map((file) => sizeOf(dist, file))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return {
    firstPaint: {
      rawKb: kb(files.reduce((sum, file) => sum + file.rawKb * 1024, 0)),
      gzipKb: kb(files.reduce((sum, file) => sum + file.gzipKb * 1024, 0)),
      files,
    },
    lazy,
  };
}
