import { describe, expect, it } from 'vitest';
import { emptyDesign, parseDesign, serializeDesign } from '../../core/model';
import type { DesignMeta } from '../../state/library/types';
import { readFileVersions } from '../design-file-read';
import { exportFiles, relativeTime } from './library-dialog';

const meta = (id: string, extra: Partial<DesignMeta> = {}): DesignMeta => ({
  id,
  name: id,
  apiType: 'REST',
  createdAt: 0,
  updatedAt: 0,
  origin: 'new',
  preview: { width: 160, height: 100, boxes: [] },
  operations: 0,
  elements: 0,
  rev: 1,
  ...extra,
});

describe('export of every design', () => {
  it('writes one design file each, unique names, the Trash apart and unreadable ones as stored', () => {
    const files = exportFiles([
      { meta: meta('a'), design: emptyDesign('REST', 'Pet Store') },
      { meta: meta('b'), design: emptyDesign('HTTP', 'Pet Store') },
      { meta: meta('c', { deletedAt: 5 }), design: emptyDesign('HTTP', 'Old') },
      { meta: meta('d'), raw: { api: 'broken' } },
    ]);
    expect(Object.keys(files).sort()).toEqual([
      'damaged/d.json',
      'pet-store-2.portico.json',
      'pet-store.portico.json',
      'trash/old.portico.json',
    ]);
    const read = parseDesign(files['pet-store-2.portico.json']);
    expect(read.ok && read.design.api.type).toBe('HTTP');
    expect(JSON.parse(files['damaged/d.json'] as string)).toEqual({ api: 'broken' });
  });
});

describe('export of every design with its versions', () => {
  it('writes each design file with the versions it keeps, as "Save design file" does, read back through the design gate', () => {
    const design = emptyDesign('REST', 'Orders');
    const earlier = emptyDesign('REST', 'Orders (v1)');
    const plain = emptyDesign('HTTP', 'No versions');
    const files = exportFiles([
      { meta: meta('a'), design, versions: [{ note: 'v1', savedAt: 10, origin: 'saved', design: earlier }] },
      { meta: meta('b'), design: plain, versions: [] },
    ]);
    const withVersions = JSON.parse(files['orders.portico.json'] as string) as { versions: unknown };
    const read = readFileVersions(withVersions.versions);
    expect(read.ok && read.versions).toEqual([{ note: 'v1', savedAt: 10, origin: 'saved', design: earlier }]);
    expect(parseDesign(files['orders.portico.json']).ok).toBe(true);
    // A design without versions is written exactly as before.
    expect(files['no-versions.portico.json']).toBe(serializeDesign(plain));
  });
});

describe('relativeTime', () => {
  it('says how long ago, shortly', () => {
    const now = Date.UTC(2026, 2, 12, 12);
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(relativeTime(now - 2 * 3600_000, now)).toBe('2 hours ago');
    expect(relativeTime(now - 26 * 3600_000, now)).toBe('yesterday');
    expect(relativeTime(Date.UTC(2025, 0, 5), now)).toBe('Jan 5, 2025');
  });
});
