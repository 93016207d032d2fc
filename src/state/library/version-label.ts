import type { VersionMeta } from './types';

/** How a version is named: its note, else when it was saved ("12 Mar 2026, 14:05"). */
export function versionLabel(meta: Pick<VersionMeta, 'note' | 'savedAt'>): string {
  if (meta.note.trim() !== '') return meta.note.trim();
  return new Date(meta.savedAt).toLocaleString('en', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Newest first (versions of one tab never share a time: see `createDesignVersions`). */
export function newestFirst(versions: readonly VersionMeta[]): VersionMeta[] {
  return [...versions].sort((a, b) => b.savedAt - a.savedAt || b.id.localeCompare(a.id));
}
