import { useEffect, useRef } from 'react';
import {
  type AuthorizerId,
  connectAuthorizer,
  connectIntegration,
  copyElements,
  type Design,
  deleteElements,
  designCards,
  disconnectAuthorizer,
  disconnectIntegration,
  type IntegrationId,
  isRouteGroupId,
  type MethodId,
  type NodeId,
  pasteClipboard,
  type RouteId,
} from '../core/model';
import { usePorticoStore } from '../state/context';
import type { PorticoStore } from '../state/store';
import { addFromPalette } from './add-from-palette';
import { type ContextMenuRequest, useCanvasUi } from './canvas-ui';
import { type PaletteKind, paletteEntries } from './palette-entries';

interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
  disabled?: boolean;
}
interface MenuSection {
  title?: string;
  items: MenuItem[];
}

/** Copies elements and pastes them beside the originals as one step; selects the copies. */
function duplicate(store: PorticoStore, ids: NodeId[]): void {
  const state = store.getState();
  let pasted: NodeId[] = [];
  const ok = state.apply('Duplicate', (design) => {
    const result = pasteClipboard(design, copyElements(design, ids), { x: 40, y: 40 });
    pasted = result.pastedIds;
    return result.design;
  });
  if (ok) store.getState().select(pasted);
}

function owner(design: Design, id: string) {
  return design.methods[id as MethodId] ?? design.routes[id as RouteId];
}

/** What the menu offers for what was right-clicked: a row, a card, or the empty canvas. */
function sectionsFor(store: PorticoStore, menu: ContextMenuRequest, startRename: (id: string) => void): MenuSection[] {
  const design = store.getState().design;
  const point = { x: menu.flowX, y: menu.flowY };
  const add =
    (kind: PaletteKind, extra: { targetId?: string } = {}) =>
    () =>
      void addFromPalette(store, kind, { point, ...extra });
  const id = menu.elementId;
  const selection = store.getState().selection;
  const targets = (selection.includes(id as NodeId) ? selection : [id]) as NodeId[];
  if (!id) {
    const entries = paletteEntries(design.api.type);
    return [
      {
        title: 'Add here',
        items: entries
          .filter((entry) => entry.kind !== 'method')
          .map((entry) => ({
            label: entry.label + (entry.group === 'Structure' ? '' : ` ${entry.group === 'Authorizers' ? 'authorizer' : 'integration'}`),
            run: add(entry.kind),
          })),
      },
    ];
  }
  const row = owner(design, id);
  if (row) {
    const apply = (label: string, operation: (d: Design) => Design) => () => store.getState().apply(label, operation);
    const integrations = Object.values(design.integrations).filter((target) => target.id !== row.integration?.integrationId);
    const authorizers = Object.values(design.authorizers).filter((authorizer) => authorizer.id !== row.authorizerId);
    const sections: MenuSection[] = [
      {
        items: [
          { label: 'Rename…', run: () => startRename(id) },
          { label: 'Duplicate', run: () => duplicate(store, targets) },
          ...(row.integration
            ? [{ label: 'Disconnect integration', run: apply('Disconnect integration', (d) => disconnectIntegration(d, row.id)) }]
            : []),
          ...(row.authorizerId
            ? [{ label: 'Disconnect authorizer', run: apply('Disconnect authorizer', (d) => disconnectAuthorizer(d, row.id)) }]
            : []),
          { label: 'Delete', danger: true, run: apply('Delete', (d) => deleteElements(d, targets)) },
        ],
      },
    ];
    if (integrations.length > 0)
      sections.push({
        title: 'Connect integration',
        items: integrations.map((target) => ({
          label: target.name,
          run: apply('Connect integration', (d) => connectIntegration(d, row.id, target.id as IntegrationId)),
        })),
      });
    if (authorizers.length > 0)
      sections.push({
        title: 'Connect authorizer',
        items: authorizers.map((authorizer) => ({
          label: authorizer.name,
          run: apply('Connect authorizer', (d) => connectAuthorizer(d, row.id, authorizer.id as AuthorizerId)),
        })),
      });
    return sections;
  }
  const card = designCards(design).byId.get(id);
  if (!card) return [];
  const remove = () =>
    store
      .getState()
      .apply('Delete', (d) =>
        deleteElements(
          d,
          targets.flatMap((target) => (isRouteGroupId(target) ? (designCards(d).byId.get(target)?.rows ?? []) : [target])) as NodeId[],
        ),
      );
  if (card.kind === 'resource') {
    const root = card.parentId === undefined;
    return [
      {
        items: [
          { label: 'Add method', run: add('method', { targetId: id }) },
          { label: 'Add child resource', run: add('resource', { targetId: id }) },
          ...(root ? [] : [{ label: 'Rename…', run: () => startRename(id) }]),
          ...(root ? [] : [{ label: 'Duplicate', run: () => duplicate(store, targets) }]),
          ...(root ? [] : [{ label: 'Delete', danger: true, run: remove }]),
        ],
      },
    ];
  }
  if (card.kind === 'routes')
    return [
      {
        items: [
          ...(design.api.type === 'HTTP' && card.title.startsWith('/')
            ? [{ label: 'Add route on this path', run: add('route', { targetId: id }) }]
            : []),
          { label: 'Duplicate routes', run: () => duplicate(store, card.rows as NodeId[]) },
          { label: card.rows.length === 1 ? 'Delete route' : `Delete ${card.rows.length} routes`, danger: true, run: remove },
        ],
      },
    ];
  return [
    {
      items: [
        { label: 'Rename…', run: () => startRename(id) },
        { label: 'Duplicate', run: () => duplicate(store, targets) },
        { label: 'Delete', danger: true, run: remove },
      ],
    },
  ];
}

/**
 * The right-click menu of the canvas (Figma's and tldraw's habit): add, connect, rename, duplicate and
 * delete where the pointer is. Arrow keys move, Enter runs, Escape closes; it closes on any click away.
 */
export function CanvasContextMenu() {
  const store = usePorticoStore();
  const menu = useCanvasUi((s) => s.menu);
  const openMenu = useCanvasUi((s) => s.openMenu);
  const startRename = useCanvasUi((s) => s.startRename);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event.target instanceof Node && list.current?.contains(event.target) && !(event instanceof KeyboardEvent)) return;
      openMenu(null);
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close);
      window.removeEventListener('blur', close);
    };
  }, [menu, openMenu]);
  if (!menu) return null;
  const sections = sectionsFor(store, menu, startRename);
  if (sections.length === 0) return null;
  const run = (item: MenuItem) => {
    openMenu(null);
    if (!item.disabled) item.run();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  };
  // Kept on screen: opened near the right or bottom edge, the menu opens leftwards or upwards.
  const left = Math.min(menu.clientX, window.innerWidth - 260);
  const top = Math.min(menu.clientY, window.innerHeight - 40 - sections.reduce((sum, section) => sum + section.items.length * 32 + 28, 0));
  return (
    <div
      ref={list}
      role="menu"
      aria-label="Canvas actions"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      style={{ left, top: Math.max(8, top) }}
      className="fixed z-50 max-h-[70vh] w-60 overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {sections.map((section, index) => (
        // biome-ignore lint/a11y/useSemanticElements: an ARIA menu groups its items with role="group"
        <div
          key={section.title ?? index}
          role="group"
          aria-label={section.title}
          className={index > 0 ? 'mt-1 border-t border-slate-100 pt-1 dark:border-slate-800' : ''}
        >
          {section.title ? (
            <p className="px-3 py-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">{section.title}</p>
          ) : null}
          {section.items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              aria-disabled={item.disabled}
              onClick={() => run(item)}
              className={`block w-full truncate px-3 py-1.5 text-left hover:bg-violet-50 focus:bg-violet-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-violet-900 ${
                item.danger ? 'text-red-700 dark:text-red-300' : ''
              }`}
            >
              {item.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
