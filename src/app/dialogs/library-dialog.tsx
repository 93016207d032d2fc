import { ArchiveRestore, Copy, Download, FilePlus2, Pencil, Trash2 } from 'lucide-react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiType } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { lockedDesigns } from '../../state/library/design-locks';
import { type DesignMeta, type DesignPreview, trashDays } from '../../state/library/types';
import type { ExportedDesign, PorticoStore } from '../../state/store';
import { Button, IconButton } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { slugify } from '../../ui/files';
import { designFileText } from '../design-file';

const typeLabels: Record<ApiType, string> = { REST: 'REST', HTTP: 'HTTP', WEBSOCKET: 'WebSocket' };
const dayMs = 24 * 60 * 60 * 1000;

/** "just now", "3 min ago", "yesterday", "12 Mar 2026". */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (seconds < 45) return 'just now';
  if (seconds < 3600)
    return format
      .format(-Math.max(1, Math.round(seconds / 60)), 'minute')
      .replace('minutes', 'min')
      .replace('minute', 'min');
  if (seconds < 86_400) return format.format(-Math.round(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return format.format(-Math.round(seconds / 86_400), 'day');
  return new Date(at).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' });
}

const boxColours = [
  'fill-violet-300 stroke-violet-600 dark:fill-violet-800 dark:stroke-violet-300',
  'fill-sky-200 stroke-sky-600 dark:fill-sky-900 dark:stroke-sky-300',
  'fill-amber-200 stroke-amber-600 dark:fill-amber-900 dark:stroke-amber-300',
];

/** The design's card boxes as rectangles, built from numbers only (no text from the design reaches it). */
function Thumbnail({ preview }: { preview: DesignPreview }) {
  const rects = [];
  for (let index = 0; index + 4 < preview.boxes.length; index += 5) {
    const [x, y, width, height, kind] = preview.boxes.slice(index, index + 5) as [number, number, number, number, number];
    if (![x, y, width, height].every(Number.isFinite)) continue;
    rects.push(
      <rect key={index} x={x} y={y} width={width} height={height} rx={1} strokeWidth={0.5} className={boxColours[kind] ?? boxColours[0]} />,
    );
  }
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${preview.width || 160} ${preview.height || 100}`}
      className="h-24 w-full rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950"
    >
      {rects}
    </svg>
  );
}

function downloadBytes(fileName: string, bytes: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The zip's files: one `.portico.json` per design with its saved versions (as "Save design file" writes
 * it); the Trash in `trash/`, what cannot be read as it is stored in `damaged/`.
 */
export function exportFiles(designs: ExportedDesign[]): Record<string, string> {
  const files: Record<string, string> = {};
  const unique = (folder: string, base: string, extension: string) => {
    let name = `${folder}${base}${extension}`;
    for (let count = 2; Object.hasOwn(files, name); count += 1) name = `${folder}${base}-${count}${extension}`;
    return name;
  };
  for (const entry of designs) {
    const folder = entry.meta.deletedAt !== undefined ? 'trash/' : '';
    if ('design' in entry)
      files[unique(folder, slugify(entry.design.api.name), '.portico.json')] = designFileText(entry.design, entry.versions);
    else files[unique('damaged/', entry.meta.id, '.json')] = `${JSON.stringify(entry.raw, null, 2) ?? 'null'}\n`;
  }
  return files;
}

/** Every design of the library with the versions it keeps; the names of those whose versions could not be read. */
async function withVersions(store: PorticoStore): Promise<{ list: ExportedDesign[]; unread: string[] }> {
  const designs = await store.getState().exportDesigns();
  const library = await store.getState().versions();
  const unread: string[] = [];
  const list: ExportedDesign[] = [];
  for (const entry of designs) {
    if (!library || !('design' in entry)) {
      list.push(entry);
      continue;
    }
    try {
      list.push({ ...entry, versions: await library.forFile(entry.meta.id) });
    } catch {
      unread.push(`“${entry.meta.name}”`);
      list.push(entry);
    }
  }
  return { list, unread };
}

function EntryName({ meta, onDone }: { meta: DesignMeta; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(meta.name);
  const finished = useRef(false);
  const field = useRef<HTMLInputElement>(null);
  // The field appears because the user asked to rename: typing goes there.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const finish = (name: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(name);
  };
  return (
    <input
      ref={field}
      aria-label="Design name"
      className="w-full rounded border border-violet-500 bg-white px-1 py-0.5 text-sm dark:bg-slate-800"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(value);
        } else if (event.key === 'Escape') {
          // Escape cancels the rename, not the dialog.
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}

/**
 * "My designs": every design in this browser, with a preview, its API type and last change; open,
 * rename, copy, move to the Trash (kept 30 days, restorable), and export everything as files.
 */
export function LibraryDialog() {
  const store = usePorticoStore();
  const open = usePortico((s) => s.dialog === 'library');
  const library = usePortico((s) => s.library);
  const currentId = usePortico((s) => s.designId);
  const currentName = usePortico((s) => s.design.api.name);
  const openDialog = usePortico((s) => s.openDialog);
  const [view, setView] = useState<'designs' | 'trash'>('designs');
  const [query, setQuery] = useState('');
  const [type, setType] = useState<'all' | ApiType>('all');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [elsewhere, setElsewhere] = useState<Set<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  /** The last design moved to the Trash here: the toast with its Undo sits behind this modal dialog, so the dialog offers it too. */
  const [trashed, setTrashed] = useState<{ id: string; name: string } | null>(null);
  /** Why the last action here was refused (its notice sits behind this modal dialog). */
  const [problem, setProblem] = useState<string | null>(null);
  const refused = (done: boolean | string | undefined) => {
    if (done) setProblem(null);
    else setProblem(store.getState().notices.at(-1)?.message ?? 'That did not work.');
    return done;
  };
  const searchId = useId();
  // Times are read again whenever the list changes (a design just moved to the Trash has 30 days, not 31).
  useEffect(() => {
    if (open && library) setNow(Date.now());
  }, [open, library]);
  useEffect(() => {
    if (!open) return;
    let stale = false;
    void lockedDesigns().then((held) => {
      if (!stale) setElsewhere(held);
    });
    return () => {
      stale = true;
    };
  }, [open]);
  useEffect(() => {
    if (!open) {
      setRenaming(null);
      setConfirming(null);
      setTrashed(null);
      setProblem(null);
    }
  }, [open]);

  const live = useMemo(() => library.filter((entry) => entry.deletedAt === undefined), [library]);
  const trash = useMemo(() => library.filter((entry) => entry.deletedAt !== undefined), [library]);
  const shown = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (view === 'designs' ? live : trash).filter((entry) => {
      const name = (entry.id === currentId ? currentName : entry.name).toLowerCase();
      return (type === 'all' || entry.apiType === type) && words.every((word) => name.includes(word));
    });
  }, [view, live, trash, query, type, currentId, currentName]);

  const close = () => openDialog(null);
  const openEntry = (entry: DesignMeta) => {
    close();
    if (entry.id !== currentId) void store.getState().switchDesign(entry.id);
  };
  const rename = (entry: DesignMeta, name: string | null) => {
    setRenaming(null);
    const trimmed = name?.trim();
    if (!trimmed || trimmed === entry.name) return;
    void store.getState().renameDesign(entry.id, trimmed).then(refused);
  };
  const exportAll = async () => {
    setExporting(true);
    try {
      const [designs, { zipSync, strToU8 }] = await Promise.all([withVersions(store), import('fflate')]);
      const files = exportFiles(designs.list);
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
      downloadBytes(`portico-designs-${new Date().toISOString().slice(0, 10)}.zip`, zip, 'application/zip');
      const count = designs.list.length;
      const exported = `Exported ${count} design${count === 1 ? '' : 's'} as files in one .zip`;
      store.getState().notify(
        designs.unread.length === 0
          ? { tone: 'success', message: `${exported}, each with its saved versions.` }
          : {
              tone: 'warning',
              message: `${exported}; the saved versions of ${designs.unread.join(', ')} could not be read, so those files have the design alone.`,
            },
      );
    } catch (error) {
      store.getState().notify({ tone: 'error', message: `The designs could not be exported (${(error as Error).message}).` });
    } finally {
      setExporting(false);
    }
  };
  const moveToTrash = (entry: DesignMeta, name: string) => {
    void store
      .getState()
      .deleteDesign(entry.id)
      .then((done) => {
        if (refused(done)) setTrashed({ id: entry.id, name });
      });
  };
  const emptyTrash = async () => {
    setConfirming(null);
    for (const entry of trash) if (!refused(await store.getState().purgeDesign(entry.id))) return;
  };
  const onEntryKey = (event: KeyboardEvent, entry: DesignMeta) => {
    if (view !== 'designs') return;
    if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(entry.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      moveToTrash(entry, entry.id === currentId ? currentName : entry.name);
    }
  };

  const tabClass = (active: boolean) =>
    `rounded-md px-3 py-1 text-sm font-medium ${active ? 'bg-violet-600 text-white' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'}`;
  return (
    <Dialog
      open={open}
      title="My designs"
      wide
      onClose={close}
      footer={
        <>
          <Button
            icon={<FilePlus2 size={16} />}
            onClick={() => {
              openDialog('new-design');
            }}
          >
            New design…
          </Button>
          <Button icon={<Download size={16} />} disabled={exporting || library.length === 0} onClick={() => void exportAll()}>
            {exporting ? 'Exporting…' : 'Export all designs'}
          </Button>
          <Button variant="primary" onClick={close}>
            Close
          </Button>
        </>
      }
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <fieldset className="flex gap-1">
          <legend className="sr-only">Show</legend>
          <button
            type="button"
            aria-pressed={view === 'designs'}
            className={tabClass(view === 'designs')}
            onClick={() => setView('designs')}
          >
            Designs ({live.length})
          </button>
          <button type="button" aria-pressed={view === 'trash'} className={tabClass(view === 'trash')} onClick={() => setView('trash')}>
            Trash ({trash.length})
          </button>
        </fieldset>
        <label htmlFor={searchId} className="sr-only">
          Search designs
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search by name"
          className="min-w-40 flex-1 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <label className="flex items-center gap-1">
          <span>API type</span>
          <select
            className="rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={type}
            onChange={(event) => setType(event.target.value as 'all' | ApiType)}
          >
            <option value="all">All</option>
            <option value="REST">REST</option>
            <option value="HTTP">HTTP</option>
            <option value="WEBSOCKET">WebSocket</option>
          </select>
        </label>
      </div>
      {problem ? (
        <p
          role="alert"
          className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {problem}
        </p>
      ) : null}
      {trashed ? (
        <div role="status" className="mb-3 flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600">
          <span className="flex-1">Moved “{trashed.name}” to the Trash.</span>
          <Button
            size="sm"
            onClick={() => {
              const { id } = trashed;
              setTrashed(null);
              void store.getState().restoreDesign(id);
            }}
          >
            Undo
          </Button>
        </div>
      ) : null}
      {view === 'trash' ? (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <p className="flex-1 text-slate-600 dark:text-slate-300">
            Designs in the Trash are deleted for good {trashDays} days after they were moved there.
          </p>
          {trash.length === 0 ? null : confirming === 'all' ? (
            <>
              <Button size="sm" variant="danger" onClick={() => void emptyTrash()}>
                Delete all {trash.length} forever
              </Button>
              <Button size="sm" onClick={() => setConfirming(null)}>
                Keep them
              </Button>
            </>
          ) : (
            <Button size="sm" icon={<Trash2 size={14} />} onClick={() => setConfirming('all')}>
              Empty the Trash
            </Button>
          )}
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p role="status" data-testid="library-empty" className="py-8 text-center text-slate-600 dark:text-slate-300">
          {query.trim() || type !== 'all'
            ? 'No design matches the search.'
            : view === 'trash'
              ? 'The Trash is empty.'
              : 'No designs yet: create one, open an example or import an OpenAPI document.'}
        </p>
      ) : (
        <ul aria-label={view === 'trash' ? 'Trash' : 'Designs'} className="grid grid-cols-2 gap-3 md:grid-cols-3">
          {shown.map((entry) => {
            const isCurrent = entry.id === currentId;
            const name = isCurrent ? currentName : entry.name;
            const detailsId = `library-details-${entry.id}`;
            const inTrash = entry.deletedAt !== undefined;
            const daysLeft = inTrash ? Math.max(0, Math.ceil(((entry.deletedAt as number) + trashDays * dayMs - now) / dayMs)) : 0;
            return (
              <li
                key={entry.id}
                data-testid={`library-entry-${entry.id}`}
                aria-current={isCurrent ? 'true' : undefined}
                className={`flex flex-col gap-1 rounded-lg border p-2 ${isCurrent ? 'border-violet-500 ring-1 ring-violet-500' : 'border-slate-200 dark:border-slate-700'}`}
              >
                {renaming === entry.id ? (
                  <>
                    <Thumbnail preview={entry.preview} />
                    <EntryName meta={{ ...entry, name }} onDone={(value) => rename(entry, value)} />
                  </>
                ) : (
                  <button
                    type="button"
                    aria-describedby={detailsId}
                    disabled={inTrash}
                    title={inTrash ? undefined : isCurrent ? 'Open now' : 'Open (Enter). F2 renames, Delete moves to the Trash.'}
                    className="flex flex-col gap-1 rounded text-left focus-visible:outline-2 focus-visible:outline-violet-600 enabled:hover:opacity-90 disabled:cursor-default"
                    onClick={() => openEntry(entry)}
                    onKeyDown={(event) => onEntryKey(event, entry)}
                  >
                    <Thumbnail preview={entry.preview} />
                    <span className="truncate font-semibold" title={name}>
                      {name}
                    </span>
                  </button>
                )}
                <div id={detailsId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600 dark:text-slate-300">
                  <span className="rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800 dark:bg-violet-900 dark:text-violet-100">
                    {typeLabels[entry.apiType]}
                  </span>
                  {isCurrent ? <span className="font-semibold text-violet-800 dark:text-violet-200">Open now</span> : null}
                  {!isCurrent && elsewhere.has(entry.id) ? <span>Open in another tab</span> : null}
                  <span>
                    {entry.operations} {entry.apiType === 'REST' ? 'method' : 'route'}
                    {entry.operations === 1 ? '' : 's'} · {entry.elements} element{entry.elements === 1 ? '' : 's'}
                  </span>
                  <span>
                    {inTrash ? `Deleted ${relativeTime(entry.deletedAt as number, now)}` : `Changed ${relativeTime(entry.updatedAt, now)}`}
                  </span>
                  {inTrash ? (
                    <span>
                      Deleted for good in {daysLeft} day{daysLeft === 1 ? '' : 's'}
                    </span>
                  ) : null}
                  {entry.damaged ? (
                    <span className="font-medium text-red-700 dark:text-red-300">Could not be opened last time: kept as it was</span>
                  ) : null}
                </div>
                <div className="mt-auto flex flex-wrap items-center gap-1">
                  {inTrash ? (
                    confirming === entry.id ? (
                      <>
                        <Button
                          size="sm"
                          variant="danger"
                          onClick={() =>
                            void store
                              .getState()
                              .purgeDesign(entry.id)
                              .then((done) => {
                                refused(done);
                                setConfirming(null);
                              })
                          }
                        >
                          Delete “{name}” forever
                        </Button>
                        <Button size="sm" onClick={() => setConfirming(null)}>
                          Keep it
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button size="sm" icon={<ArchiveRestore size={14} />} onClick={() => void store.getState().restoreDesign(entry.id)}>
                          Restore
                        </Button>
                        <Button size="sm" icon={<Trash2 size={14} />} onClick={() => setConfirming(entry.id)}>
                          Delete forever
                        </Button>
                      </>
                    )
                  ) : (
                    <>
                      <IconButton label={`Rename ${name}`} icon={<Pencil size={14} />} size="sm" onClick={() => setRenaming(entry.id)} />
                      <IconButton
                        label={`Duplicate ${name}`}
                        icon={<Copy size={14} />}
                        size="sm"
                        disabled={Boolean(entry.damaged)}
                        onClick={() => void store.getState().duplicateDesign(entry.id).then(refused)}
                      />
                      <IconButton
                        label={`Move ${name} to the Trash`}
                        icon={<Trash2 size={14} />}
                        size="sm"
                        onClick={() => moveToTrash(entry, name)}
                      />
                      {entry.damaged ? (
                        <Button size="sm" onClick={() => openDialog('recovery')}>
                          Download
                        </Button>
                      ) : null}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
