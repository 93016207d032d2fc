import { FileUp, GitCompare, Save, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { type CompareSide, useVersionsPanel } from '../../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../../state/context';
import type { VersionMeta } from '../../state/library/types';
import { versionLabel } from '../../state/library/version-label';
import { Button, IconButton } from '../../ui/button';
import { inputClass } from '../../ui/field';
import { decodeUtf8, readFileBytes } from '../../ui/files';
import { pickFile } from '../design-file';
import { createBackgroundImport } from '../dialogs/background-import';
import { CompareView } from './compare-view';
import { useVersionList } from './use-version-list';
import { VersionList } from './version-list';

function SaveVersion() {
  const store = usePorticoStore();
  const saveRequest = useVersionsPanel((s) => s.saveRequest);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  // Mod+Shift+S: the note field takes the typing.
  useEffect(() => {
    if (saveRequest > 0) field.current?.focus();
  }, [saveRequest]);
  const save = async () => {
    if (saving) return;
    setSaving(true);
    const versions = await store.getState().versions();
    const saved = await versions?.save(note);
    setSaving(false);
    if (!saved) return;
    setNote('');
    store.getState().notify({ tone: 'success', message: `Saved the version “${versionLabel(saved)}”.` });
  };
  return (
    <form
      className="flex items-end gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={fieldId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
          Version note
        </label>
        <input
          id={fieldId}
          ref={field}
          className={inputClass}
          value={note}
          maxLength={2000}
          placeholder="Before removing the v1 routes…"
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <Button type="submit" variant="primary" icon={<Save size={14} />} disabled={saving}>
        Save version
      </Button>
    </form>
  );
}

const current = 'current';

function sideOf(value: string): CompareSide {
  return value === current ? { kind: 'current' } : { kind: 'version', versionId: value };
}

/** Chooses two sides to compare: versions or the current design, or an OpenAPI file against the design. */
function CompareForm({ versions }: { versions: VersionMeta[] }) {
  const store = usePorticoStore();
  const compareWith = useVersionsPanel((s) => s.compareWith);
  // Until chosen: the newest version against the current design.
  const [base, setBase] = useState<string | undefined>(undefined);
  const [revision, setRevision] = useState<string>(current);
  const [reading, setReading] = useState(false);
  const baseId = useId();
  const revisionId = useId();
  const [importer] = useState(() => createBackgroundImport(() => import('../../core/openapi')));
  useEffect(() => () => importer.dispose(), [importer]);
  // A version saved since is offered at once; a side that no longer exists falls back.
  const known = (value: string) => value === current || versions.some((meta) => meta.id === value);
  const shownBase = base !== undefined && known(base) ? base : (versions[0]?.id ?? current);
  const shownRevision = known(revision) ? revision : current;

  const compareFile = async () => {
    const file = await pickFile('.yaml,.yml,.json,application/json,application/yaml');
    if (!file) return;
    const read = await readFileBytes(file);
    const text = read.ok ? decodeUtf8(read.bytes) : read;
    if (!text.ok) {
      store.getState().notify({ tone: 'error', message: `${file.name} could not be read: ${text.message}` });
      return;
    }
    setReading(true);
    const type = store.getState().history.present.api.type;
    // Read as the design's type, so that a document that could be either compares with what the design is.
    const imported = await importer.run(text.text, type === 'WEBSOCKET' ? {} : { apiType: type });
    setReading(false);
    if (imported === 'cancelled') return;
    if (!imported.ok) {
      store.getState().notify({ tone: 'error', message: `${file.name} could not be compared: ${imported.error.message}` });
      return;
    }
    // Nothing is saved: the document is read for this comparison alone.
    compareWith({ base: { kind: 'openapi', fileName: file.name, design: imported.design }, revision: { kind: 'current' } });
  };

  const options = (
    <>
      <option value={current}>Current design</option>
      {versions.map((meta) => (
        <option key={meta.id} value={meta.id}>
          {versionLabel(meta)}
        </option>
      ))}
    </>
  );
  return (
    <form
      aria-label="Compare"
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault();
        compareWith({ base: sideOf(shownBase), revision: sideOf(shownRevision) });
      }}
    >
      <div className="grid grid-cols-2 gap-1">
        <div>
          <label htmlFor={baseId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
            Compare (before)
          </label>
          <select id={baseId} className={inputClass} value={shownBase} onChange={(event) => setBase(event.target.value)}>
            {options}
          </select>
        </div>
        <div>
          <label htmlFor={revisionId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
            With (after)
          </label>
          <select id={revisionId} className={inputClass} value={shownRevision} onChange={(event) => setRevision(event.target.value)}>
            {options}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap gap-1">
        <Button type="submit" size="sm" icon={<GitCompare size={12} />} disabled={shownBase === shownRevision}>
          Compare
        </Button>
        <Button size="sm" icon={<FileUp size={12} />} disabled={reading} onClick={() => void compareFile()}>
          {reading ? 'Reading…' : 'Compare with an OpenAPI file…'}
        </Button>
      </div>
    </form>
  );
}

/**
 * The Versions panel: save a version with a note, compare two sides, and the list of the design's
 * versions (view, compare, restore, open as a new design). It floats over the side panel, beside the
 * canvas, so that a comparison's findings and the canvas they point at are seen together.
 */
export default function VersionsPanel() {
  const store = usePorticoStore();
  const compare = useVersionsPanel((s) => s.compare);
  const close = useVersionsPanel((s) => s.close);
  const versions = useVersionList();
  const viewing = usePortico((s) => s.viewing !== null);
  // A comparison ends when the design it is about is left for another, or when the version it shows is
  // left (Back to current, a restore).
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const request = useVersionsPanel.getState().compare;
        if (!request) return;
        const leftDesign = state.designId !== previous.designId;
        const leftVersion =
          previous.viewing !== null &&
          state.viewing?.versionId !== previous.viewing.versionId &&
          request.revision.kind === 'version' &&
          request.revision.versionId === previous.viewing.versionId;
        if (leftDesign || leftVersion) useVersionsPanel.getState().compareWith(null);
      }),
    [store],
  );
  return (
    <aside
      aria-label="Versions"
      data-testid="versions-panel"
      // Below the toolbar (3rem) and the banner of a version on show (2.5rem), which stay usable.
      className={`fixed right-0 bottom-0 z-30 flex w-[26rem] max-w-full flex-col border-l border-slate-200 bg-white text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${
        viewing ? 'top-[5.5rem]' : 'top-12'
      }`}
    >
      <div className="flex shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="flex-1 text-sm font-semibold">Versions</h2>
        <IconButton label="Close versions" icon={<X size={16} />} onClick={close} />
      </div>
      <div className="min-h-0 flex-1 space-y-4 overflow-auto p-3 text-sm">
        <SaveVersion />
        <CompareForm versions={versions ?? []} />
        {compare ? <CompareView request={compare} /> : null}
        <section aria-label="Versions of this design" className="space-y-1">
          <h3 className="text-xs font-semibold tracking-wide uppercase">Saved versions{versions ? ` (${versions.length})` : ''}</h3>
          <VersionList versions={versions} />
        </section>
      </div>
    </aside>
  );
}
