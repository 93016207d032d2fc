import {
  Braces,
  CornerDownRight,
  FolderTree,
  Gauge,
  Globe2,
  KeyRound,
  ListChecks,
  type LucideIcon,
  Plug,
  Rocket,
  Route,
  ShieldCheck,
} from 'lucide-react';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import type { NodeId } from '../../core/model';
import { buildSearchIndex, matchRanges, type SearchKind, type SearchResult, searchDesign } from '../../core/search';
import { requestReveal } from '../../panels/reveal';
import { usePortico, usePorticoStore } from '../../state/context';
import type { PorticoStore } from '../../state/store';
import { Dialog } from '../../ui/dialog';
import { type Command, commands } from '../commands';
import { scaffoldCommands } from '../scaffold-commands';
import { formatKeys } from './shortcuts-dialog';

/** How many elements the palette lists: enough to scan, few enough to draw at once. */
const elementLimit = 50;

const kinds: Record<SearchKind, { label: string; icon: LucideIcon }> = {
  resource: { label: 'Resource', icon: FolderTree },
  method: { label: 'Method', icon: CornerDownRight },
  route: { label: 'Route', icon: Route },
  integration: { label: 'Integration', icon: Plug },
  authorizer: { label: 'Authorizer', icon: ShieldCheck },
  stage: { label: 'Stage', icon: Rocket },
  model: { label: 'Model', icon: Braces },
  'usage-plan': { label: 'Usage plan', icon: Gauge },
  'api-key': { label: 'API key', icon: KeyRound },
  'request-validator': { label: 'Request validator', icon: ListChecks },
  domain: { label: 'Custom domain', icon: Globe2 },
};

/** Titles that are paths or route keys read better in a fixed-width font. */
const codeTitles = new Set<SearchKind>(['resource', 'method', 'route', 'domain']);

type Item = { type: 'element'; result: SearchResult } | { type: 'command'; command: Command };

/**
 * Shows an element where it is edited: canvas elements are selected, opened in the inspector and brought
 * into view; the others open the panel that edits them, scrolled to the element.
 */
function showElement(store: PorticoStore, result: SearchResult): void {
  const state = store.getState();
  switch (result.kind) {
    case 'resource':
    case 'method':
    case 'route':
    case 'integration':
    case 'authorizer':
    case 'domain':
      state.focus(result.id as NodeId);
      return;
    case 'stage':
      requestReveal('stage', result.id);
      state.showPanel('stages');
      return;
    case 'usage-plan':
    case 'api-key':
      requestReveal(result.kind, result.id);
      state.showPanel('usage-plans');
      return;
    case 'model':
    case 'request-validator':
      requestReveal(result.kind, result.id);
      state.showPanel('api');
      return;
  }
}

function matchingCommands(query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // The service integration commands load with the palette, not before first paint.
  return [...commands, ...scaffoldCommands].filter(
    (command) =>
      command.id !== 'command-palette' && words.every((word) => `${command.group} ${command.label}`.toLowerCase().includes(word)),
  );
}

/**
 * Ctrl/Cmd+K: finds elements of the design (paths, verbs, operation names, integrations and their ARNs,
 * authorizers, stages, models…) and commands, as you type; Enter shows the element or runs the command.
 */
export function CommandPalette() {
  const open = usePortico((s) => s.dialog === 'palette');
  // The design only while open: an edit elsewhere should not re-render a closed palette.
  const design = usePortico((s) => (s.dialog === 'palette' ? s.design : null));
  const openDialog = usePortico((s) => s.openDialog);
  const store = usePorticoStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  // The index of a big design takes tens of milliseconds: build it while the person starts typing.
  useEffect(() => {
    if (!design) return;
    const timer = setTimeout(() => buildSearchIndex(design), 0);
    return () => clearTimeout(timer);
  }, [design]);
  const elements = useMemo(
    () => (design && query.trim() ? searchDesign(buildSearchIndex(design), query, elementLimit) : []),
    [design, query],
  );
  const matches = useMemo(() => matchingCommands(query), [query]);
  const items = useMemo<Item[]>(
    () => [
      ...elements.map((result): Item => ({ type: 'element', result })),
      ...matches.map((command): Item => ({ type: 'command', command })),
    ],
    [elements, matches],
  );
  const optionId = (index: number) => `${listId}-option-${index}`;
  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });
  const close = () => {
    openDialog(null);
    setQuery('');
    setActive(0);
  };
  const chooseAt = (index: number) => {
    const item = items[index];
    if (!item) return;
    if (item.type === 'element') {
      close();
      showElement(store, item.result);
      return;
    }
    const { command } = item;
    if (command.isEnabled && !command.isEnabled(store.getState())) return;
    close();
    void command.run(store);
  };
  const option = (index: number, content: ReactNode) => (
    <div
      key={index}
      tabIndex={-1}
      id={optionId(index)}
      role="option"
      aria-selected={index === active}
      className={`flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 ${index === active ? 'bg-violet-100 dark:bg-violet-900' : ''}`}
      onMouseEnter={() => setActive(index)}
      onClick={() => chooseAt(index)}
      onKeyDown={() => undefined}
    >
      {content}
    </div>
  );
  return (
    <Dialog open={open} title="Command palette" onClose={close}>
      <input
        aria-label="Search commands and elements"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items[active] ? optionId(active) : undefined}
        aria-describedby={query.trim() ? undefined : hintId}
        autoFocus
        className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800"
        placeholder="Find an element or a command…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((index) => Math.min(items.length - 1, index + 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(0, index - 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            chooseAt(active);
          }
        }}
      />
      {query.trim() ? null : (
        <p id={hintId} className="mb-2 px-2 text-xs text-slate-600 dark:text-slate-300">
          Type to find paths, operations, integrations, ARNs, stages, models…
        </p>
      )}
      {/* Outside the listbox: a listbox may hold only options and groups (ARIA), and the status is announced as it appears. */}
      {items.length === 0 ? (
        <p role="status" className="p-2 text-slate-600 dark:text-slate-300">
          No element or command matches.
        </p>
      ) : null}
      <div id={listId} role="listbox" aria-label="Elements and commands" className="max-h-96 overflow-auto">
        {elements.length > 0 ? (
          <Group title="Elements">{elements.map((result, index) => option(index, <ElementOption result={result} query={query} />))}</Group>
        ) : null}
        {matches.length > 0 ? (
          <Group title="Commands">
            {matches.map((command, at) =>
              option(
                elements.length + at,
                <>
                  {/* Secondary text sits on the violet-100/-900 highlight too: slate-500/-400 fall under 4.5:1 there. */}
                  <span className="flex-1">
                    <span className="text-slate-600 dark:text-slate-300">{command.group}: </span>
                    {command.label}
                  </span>
                  {command.keys ? (
                    <kbd className="font-mono text-xs text-slate-600 dark:text-slate-300">{formatKeys(command.keys)}</kbd>
                  ) : null}
                </>,
              ),
            )}
          </Group>
        ) : null}
      </div>
    </Dialog>
  );
}

/** A titled group of options: a fieldset has the group role a listbox may hold, and its legend names it. */
function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="m-0 mb-1 min-w-0 border-0 p-0">
      <legend className="px-2 pt-1 pb-0.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{title}</legend>
      {children}
    </fieldset>
  );
}

function ElementOption({ result, query }: { result: SearchResult; query: string }) {
  const { label, icon: Icon } = kinds[result.kind];
  // What matched is shown when the title and subtitle do not hold it (a tag, an ARN, a stage variable).
  const matched = result.matchedText.toLowerCase();
  const extra =
    result.title.toLowerCase().includes(matched) || result.subtitle.toLowerCase().includes(matched) ? undefined : result.matchedText;
  return (
    <>
      <Icon aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-slate-600 dark:text-slate-300" />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="flex min-w-0 items-baseline gap-2">
          <span className={`truncate ${codeTitles.has(result.kind) ? 'font-mono' : 'font-medium'}`} title={result.title}>
            <Highlighted text={result.title} query={query} />
          </span>
          <span className="ml-auto shrink-0 text-xs text-slate-600 dark:text-slate-300">{label}</span>
        </span>
        {result.subtitle ? (
          <span className="truncate text-xs text-slate-600 dark:text-slate-300" title={result.subtitle}>
            <Highlighted text={result.subtitle} query={query} />
          </span>
        ) : null}
        {extra ? (
          <span className="truncate text-xs text-slate-600 dark:text-slate-300" title={extra}>
            matches <Highlighted text={extra} query={query} />
          </span>
        ) : null}
      </span>
    </>
  );
}

/** The text with the parts the query matched in <mark>; plain text nodes only, so a name is never markup. */
function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-amber-200 text-slate-900 dark:bg-amber-800 dark:text-white">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
