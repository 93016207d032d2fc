import { type DragEvent, memo, useEffect } from 'react';
import { usePortico, usePorticoStore } from '../state/context';
import { addFromPalette, preloadPalette } from './add-from-palette';
import { viewportCentre } from './canvas-bridge';
import { paletteIcon } from './kind-icons';
import { type PaletteEntry, paletteEntries, paletteMimeType } from './palette-entries';

const groupTitles: Record<PaletteEntry['group'], string> = {
  Structure: 'Structure',
  Authorizers: 'Authorizers',
  Integrations: 'Integrations',
};

const PaletteButton = memo(function PaletteButton({ entry }: { entry: PaletteEntry }) {
  const store = usePorticoStore();
  const Icon = paletteIcon(entry.kind);
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(paletteMimeType, entry.kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        draggable
        onDragStart={onDragStart}
        // Enter/Space (or a click) adds at the centre of the view: the keyboard path for drag and drop.
        onClick={() => void addFromPalette(store, entry.kind, { point: viewportCentre(store) })}
        aria-label={entry.actionName}
        title={`${entry.actionName} (drag onto the canvas, or press Enter)`}
        data-testid={`palette-${entry.kind}`}
        className="group flex w-full cursor-grab items-center gap-2 rounded-md border border-transparent px-2 py-1.5 text-left text-sm text-slate-700 hover:border-slate-200 hover:bg-white hover:shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-violet-600 active:cursor-grabbing dark:text-slate-200 dark:hover:border-slate-700 dark:hover:bg-slate-800"
      >
        <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded bg-slate-100 text-slate-600 group-hover:bg-violet-100 group-hover:text-violet-700 dark:bg-slate-800 dark:text-slate-300 dark:group-hover:bg-violet-950 dark:group-hover:text-violet-300">
          <Icon aria-hidden="true" className="h-3.5 w-3.5" />
        </span>
        <span className="truncate">{entry.label}</span>
      </button>
    </li>
  );
});

/** The element palette: drag an entry onto the canvas, or press Enter on it. Entries depend on the API type. */
export function Palette() {
  const apiType = usePortico((s) => s.design.api.type);
  // What the entries make loads on the first idle moment after first paint, before the first add.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(preloadPalette);
  }, []);
  const entries = paletteEntries(apiType);
  const groups = (['Structure', 'Authorizers', 'Integrations'] as const).map((group) => ({
    group,
    entries: entries.filter((entry) => entry.group === group),
  }));
  return (
    <nav
      aria-label="Palette"
      className="flex w-52 shrink-0 flex-col gap-4 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-950"
    >
      {groups.map(({ group, entries: items }) =>
        items.length === 0 ? null : (
          <section key={group} aria-labelledby={`palette-group-${group}`}>
            <h2
              id={`palette-group-${group}`}
              className="mb-1 px-2 text-[11px] font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-400"
            >
              {groupTitles[group]}
            </h2>
            <ul className="flex flex-col gap-0.5">
              {items.map((entry) => (
                <PaletteButton key={entry.kind} entry={entry} />
              ))}
            </ul>
          </section>
        ),
      )}
      <p className="mt-auto px-2 text-[11px] leading-snug text-slate-600 dark:text-slate-400">
        Drag onto the canvas, or focus an entry and press Enter. Drop a resource or method onto a resource to nest it.
      </p>
    </nav>
  );
}
