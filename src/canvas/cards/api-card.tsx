import { Handle, type NodeProps, Position } from '@xyflow/react';
import { FolderTree, KeyRound, Lock, LockOpen, Plug, Signpost, Unplug } from 'lucide-react';
import { type DragEvent, type MouseEvent, memo, useRef, useState } from 'react';
import {
  applyOperation,
  designCards,
  isGreedy,
  isPathParameter,
  type Method,
  type MethodId,
  moveMethod,
  parseHttpRouteKey,
  type ResourceId,
  type Route,
  type RouteId,
  type RowId,
  renameResource,
  updateMethod,
  updateRoute,
} from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { useCanvasUi } from '../canvas-ui';
import { integrationSummary } from '../describe';
import { bodyHandleId, type ElementNode, inHandleId, rowDropHandle, treeHandleId } from '../design-to-flow';
import { handleClass, InlineRename, VerbBadge } from './card-parts';
import { ChangeBadge, changeClass, describeMark, markAttributes, useChangeMark } from './change-highlight';
import { useZoomedOut } from './use-zoomed-out';

/** The drag payload of a row being moved to another card (a method to another resource, a route to another path). */
export const rowMimeType = 'application/x-portico-row';

function rowOwner(
  s: { design: { methods: Record<string, Method>; routes: Record<string, Route> } },
  rowId: string,
): Method | Route | undefined {
  return s.design.methods[rowId] ?? s.design.routes[rowId];
}

/** What a row is called: its operation name, else its summary, else nothing (the verb and path say enough). */
function rowName(owner: Method | Route, webSocket: boolean): string | undefined {
  if (webSocket) return (owner as Route).routeKey;
  return owner.operationName ?? owner.summary;
}

const Row = memo(function Row({
  rowId,
  cardId,
  cardTitle,
  webSocket,
}: {
  rowId: RowId;
  cardId: string;
  cardTitle: string;
  webSocket: boolean;
}) {
  const store = usePorticoStore();
  const owner = usePortico((s) => rowOwner(s, rowId));
  const integration = usePortico((s) => {
    const id = rowOwner(s, rowId)?.integration?.integrationId;
    return id ? s.design.integrations[id] : undefined;
  });
  const authorizer = usePortico((s) => {
    const id = rowOwner(s, rowId)?.authorizerId;
    return id ? s.design.authorizers[id] : undefined;
  });
  const selected = usePortico((s) => s.selection.includes(rowId));
  const problems = usePortico((s) => s.findingsByTarget[rowId]?.length ?? 0);
  const mark = useChangeMark(rowId);
  const renaming = useCanvasUi((s) => s.renaming === rowId);
  const startRename = useCanvasUi((s) => s.startRename);
  const fromHandle = useRef(false);
  if (!owner) return null;
  const verb = 'httpMethod' in owner ? owner.httpMethod : parseHttpRouteKey(owner.routeKey)?.method;
  const name = rowName(owner, webSocket);
  const path = 'routeKey' in owner ? owner.routeKey : undefined;
  const select = (event: MouseEvent) => {
    // The row, not its card: the inspector opens on the method (Shift/Cmd/Ctrl adds to the selection).
    event.stopPropagation();
    const state = store.getState();
    const adding = event.shiftKey || event.metaKey || event.ctrlKey;
    state.select(adding ? [...state.selection.filter((id) => id !== rowId), rowId] : [rowId]);
  };
  const onDragStart = (event: DragEvent) => {
    // A press on the row's handle starts a connection (React Flow), not a move of the row.
    if (fromHandle.current) {
      event.preventDefault();
      return;
    }
    event.stopPropagation();
    event.dataTransfer.setData(rowMimeType, rowId);
    event.dataTransfer.setData(`${rowMimeType}-from-${cardId}`, '');
    event.dataTransfer.effectAllowed = 'move';
  };
  const commitName = (next: string) => {
    const value = next.trim();
    const state = store.getState();
    if ('httpMethod' in owner)
      return state.apply('Rename operation', (d) =>
        updateMethod(d, owner.id as MethodId, { operationName: value === '' ? undefined : value }),
      );
    if (webSocket) return state.apply('Rename route', (d) => updateRoute(d, owner.id as RouteId, { routeKey: value }));
    return state.apply('Rename operation', (d) => updateRoute(d, owner.id as RouteId, { operationName: value === '' ? undefined : value }));
  };
  // "Method GET /pets (listPets)", "Route $connect": what a screen reader and a test find the row by.
  const label = webSocket
    ? (path ?? '')
    : `${verb ?? ''} ${path ? (parseHttpRouteKey(path)?.path ?? path) : cardTitle}${name ? ` (${name})` : ''}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of a canvas card is a selectable item with handles, not a button
    <div
      role="button"
      // Reachable from the keyboard: Tab to a row, Enter or Space selects it (F2 renames, Delete removes).
      tabIndex={0}
      data-testid={`row-${rowId}`}
      data-element-id={rowId}
      data-row-id={rowId}
      aria-label={`${'httpMethod' in owner ? 'Method' : 'Route'} ${label}${problems > 0 ? ` (${problems} ${problems === 1 ? 'problem' : 'problems'})` : ''}${describeMark(mark)}`}
      aria-pressed={selected}
      {...markAttributes(mark)}
      draggable={!webSocket}
      onPointerDownCapture={(event) => {
        fromHandle.current = (event.target as HTMLElement).closest('.react-flow__handle') !== null;
      }}
      onDragStart={onDragStart}
      onClick={select}
      onDoubleClick={(event) => {
        event.stopPropagation();
        startRename(rowId);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        event.stopPropagation();
        store.getState().select([rowId]);
      }}
      className={`nodrag relative flex h-11 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-600 cursor-pointer flex-col justify-center gap-0.5 border-t border-slate-100 px-2.5 dark:border-slate-800 ${
        selected ? 'bg-violet-50 dark:bg-violet-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
      } ${changeClass(mark, true)}`}
    >
      <div className="flex min-w-0 items-center gap-2">
        {verb ? <VerbBadge verb={verb} /> : null}
        {renaming ? (
          <InlineRename
            value={(webSocket ? (owner as Route).routeKey : owner.operationName) ?? ''}
            label={webSocket ? 'New route key' : 'New operation name'}
            onCommit={commitName}
            onDone={() => startRename(null)}
          />
        ) : (
          <span className="min-w-0 flex-1 truncate text-[13px] font-medium" title={name}>
            {name ?? ''}
          </span>
        )}
        {owner.apiKeyRequired ? (
          <KeyRound aria-label="API key required" className="h-3.5 w-3.5 shrink-0 text-sky-700 dark:text-sky-300" />
        ) : null}
        <ChangeBadge mark={mark} />
        {problems > 0 ? <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-amber-500" /> : null}
      </div>
      <div className="flex min-w-0 items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
        {integration ? (
          <>
            <Plug aria-hidden="true" className="h-3 w-3 shrink-0 text-emerald-700 dark:text-emerald-400" />
            <span className="min-w-0 truncate" title={integration.name}>
              {integration.name}
              {owner.integration && !owner.integration.proxy ? ' (custom)' : ''}
            </span>
          </>
        ) : (
          <>
            <Unplug aria-hidden="true" className="h-3 w-3 shrink-0 text-red-700 dark:text-red-400" />
            <span className="text-red-700 dark:text-red-300">no integration</span>
          </>
        )}
        <span aria-hidden="true" className="text-slate-600 dark:text-slate-300">
          ·
        </span>
        {authorizer ? (
          <>
            <Lock aria-hidden="true" className="h-3 w-3 shrink-0 text-amber-700 dark:text-amber-400" />
            <span className="min-w-0 truncate" title={authorizer.name}>
              {authorizer.name}
            </span>
          </>
        ) : (
          <>
            <LockOpen aria-hidden="true" className="h-3 w-3 shrink-0" />
            <span>open</span>
          </>
        )}
      </div>
      {integration ? <span className="sr-only">{integrationSummary(integration)}</span> : null}
      <Handle type="source" id={rowId} position={Position.Right} className={handleClass} />
      <Handle
        type="target"
        id={rowDropHandle(rowId)}
        position={Position.Right}
        isConnectableStart={false}
        className="portico-body-handle"
      />
    </div>
  );
});

/** The header of an API card: the full path, the parent part muted; the card is dragged by it. */
function PathTitle({ title, greedy, parameter }: { title: string; greedy: boolean; parameter: boolean }) {
  const cut = title === '/' ? -1 : title.lastIndexOf('/');
  // A deep path gives way on the left: the parent part shrinks to an ellipsis, the card's own part stays whole.
  return (
    <span className="flex min-w-0 flex-1 font-mono text-[13px]" title={title}>
      <span className="min-w-0 truncate text-slate-600 dark:text-slate-400">{title.slice(0, cut + 1)}</span>
      <span
        className={`min-w-0 shrink-0 truncate ${
          greedy
            ? 'font-semibold text-fuchsia-700 dark:text-fuchsia-400'
            : parameter
              ? 'font-semibold text-violet-700 dark:text-violet-400'
              : 'font-semibold'
        }`}
      >
        {title.slice(cut + 1)}
      </span>
    </span>
  );
}

/**
 * A resource card (REST) or a route-group card (HTTP path, WebSocket routes): the path in the header
 * and one row per method or route, each naming its integration and authorizer and carrying its own
 * handle. Rows can be dragged onto another card (a method to another resource, a route to another path).
 */
function ApiCardView({ id, type }: NodeProps<ElementNode>) {
  const store = usePorticoStore();
  const rows = usePortico((s) => designCards(s.design).byId.get(id)?.rows.join('\n') ?? '');
  const title = usePortico((s) => designCards(s.design).byId.get(id)?.title ?? '');
  const pathPart = usePortico((s) => (type === 'resource' ? s.design.resources[id as ResourceId]?.pathPart : undefined));
  const webSocket = usePortico((s) => s.design.api.type === 'WEBSOCKET');
  const selectionExpression = usePortico((s) => (webSocket ? s.design.api.routeSelectionExpression : ''));
  const problems = usePortico((s) => s.findingsByTarget[id]?.length ?? 0);
  const mark = useChangeMark(id);
  const renaming = useCanvasUi((s) => s.renaming === id);
  const startRename = useCanvasUi((s) => s.startRename);
  const zoomedOut = useZoomedOut();
  const [dropping, setDropping] = useState(false);
  const rowIds = rows === '' ? [] : (rows.split('\n') as RowId[]);
  const resource = type === 'resource';
  const root = resource && pathPart === '';
  const label = `${resource ? 'Resource' : 'Routes'} ${title}${problems > 0 ? ` (${problems} ${problems === 1 ? 'problem' : 'problems'})` : ''}${describeMark(mark)}`;

  const acceptsRow = (event: DragEvent) =>
    event.dataTransfer.types.includes(rowMimeType) && !event.dataTransfer.types.includes(`${rowMimeType}-from-${id}`) && !webSocket;
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    if (!acceptsRow(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const rowId = event.dataTransfer.getData(rowMimeType);
    const state = store.getState();
    if (resource && Object.hasOwn(state.design.methods, rowId)) {
      if (state.apply('Move method', (d) => moveMethod(d, rowId as MethodId, id as ResourceId))) state.select([rowId as MethodId]);
      return;
    }
    const route = state.design.routes[rowId as RouteId];
    const parsed = route ? parseHttpRouteKey(route.routeKey) : undefined;
    if (route && parsed && !resource && title.startsWith('/'))
      if (state.apply('Move route', (d) => updateRoute(d, route.id, { routeKey: `${parsed.method} ${title}` }))) state.select([route.id]);
  };

  if (zoomedOut)
    return (
      // biome-ignore lint/a11y/useSemanticElements: a card drawn far out is a named group, not a form fieldset
      <div
        data-testid={`node-${id}`}
        data-element-id={id}
        role="group"
        aria-label={label}
        {...markAttributes(mark)}
        className={`h-full w-full rounded-md bg-indigo-500 ${changeClass(mark)}`}
      />
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card is a named group of rows and handles, not a form fieldset
    <div
      data-testid={`node-${id}`}
      data-element-id={id}
      role="group"
      aria-label={label}
      {...markAttributes(mark)}
      onDragOver={(event) => {
        if (!acceptsRow(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      className={`relative flex h-full w-full flex-col rounded-lg border bg-white text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${
        dropping ? 'border-violet-500 ring-2 ring-violet-400' : 'border-slate-300 dark:border-slate-600'
      } ${changeClass(mark)}`}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click to rename is the pointer shortcut; F2 and the context menu rename from the keyboard */}
      <div
        className="portico-card-header flex h-10 shrink-0 cursor-grab items-center gap-2 rounded-t-lg border-l-4 border-indigo-500 px-2.5 active:cursor-grabbing"
        onDoubleClick={(event) => {
          if (!resource || root) return;
          event.stopPropagation();
          startRename(id);
        }}
      >
        {resource ? (
          <FolderTree aria-hidden="true" className="h-4 w-4 shrink-0 text-indigo-600 dark:text-indigo-400" />
        ) : (
          <Signpost aria-hidden="true" className="h-4 w-4 shrink-0 text-sky-600 dark:text-sky-400" />
        )}
        {renaming && resource && pathPart !== undefined ? (
          <InlineRename
            value={pathPart}
            label="New path part"
            onCommit={(next) => {
              const state = store.getState();
              // Checked at once: a name API Gateway would refuse keeps the field open, saying why. The rename
              // with every reference to the path part loads on first use (it is not needed to draw the canvas).
              const trial = applyOperation(state.design, (d) => renameResource(d, id as ResourceId, next));
              if (!trial.ok) {
                state.notify({ tone: 'error', message: trial.error.message });
                return false;
              }
              void Promise.all([import('../../core/model/operations/rename-references'), import('../../state/rename-notice')]).then(
                ([{ renameResourceEverywhere }, { renameOperation }]) =>
                  store.getState().apply(
                    'Rename resource',
                    renameOperation(store, `${id}.pathPart`, (d) => renameResourceEverywhere(d, id as ResourceId, next)),
                  ),
              );
              return true;
            }}
            onDone={() => startRename(null)}
          />
        ) : (
          <PathTitle
            title={title}
            greedy={pathPart !== undefined && isGreedy(pathPart)}
            parameter={pathPart !== undefined && isPathParameter(pathPart)}
          />
        )}
        {webSocket ? (
          <span className="truncate font-mono text-xs text-slate-600 dark:text-slate-300" title="Route selection expression">
            {selectionExpression}
          </span>
        ) : null}
        <ChangeBadge mark={mark} />
        {problems > 0 ? (
          <span
            aria-hidden="true"
            title={`${problems} ${problems === 1 ? 'problem' : 'problems'}`}
            className="h-2 w-2 shrink-0 rounded-full bg-amber-500"
          />
        ) : null}
      </div>
      {rowIds.map((rowId) => (
        <Row key={rowId} rowId={rowId} cardId={id} cardTitle={title} webSocket={webSocket} />
      ))}
      <Handle type="target" id={inHandleId} position={Position.Left} className={handleClass} style={{ top: 20 }} />
      {resource ? (
        <Handle
          type="source"
          id={treeHandleId}
          position={Position.Bottom}
          isConnectable={false}
          className="portico-tree-handle"
          style={{ left: 12 }}
        />
      ) : null}
      <Handle type="target" id={bodyHandleId} position={Position.Left} isConnectableStart={false} className="portico-body-handle" />
    </div>
  );
}

export const ApiCard = memo(ApiCardView);
