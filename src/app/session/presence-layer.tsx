import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { cardGeometry, cardSize, type Design, designCards } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ViewportCentre } from '../../state/session/presence';
import { useSessionUi } from '../../state/session/session-ui';

interface Outline {
  key: string;
  name: string;
  colour: string;
  elementId: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an element is drawn, in flow units: its card, or its row inside its card (a method, a route). */
function boxOf(design: Design, id: string): { x: number; y: number; width: number; height: number } | undefined {
  const { byId, cardOfRow } = designCards(design);
  const card = byId.get(id) ?? byId.get(cardOfRow.get(id) ?? '');
  const position = card ? design.layout[card.id] : undefined;
  if (!card || !position) return undefined;
  const size = cardSize(card);
  const row = card.rows.indexOf(id as (typeof card.rows)[number]);
  if (card.id === id || row === -1) return { x: position.x, y: position.y, ...size };
  return {
    x: position.x,
    y: position.y + cardGeometry.headerHeight + row * cardGeometry.rowHeight,
    width: size.width,
    height: cardGeometry.rowHeight,
  };
}

/** Publishes the owner's view while they ask others to follow it (a few times a second at most). */
function usePublishedView(publishing: boolean) {
  const flow = useStoreApi();
  const publish = useSessionUi((s) => s.controls?.publishViewport);
  useEffect(() => {
    if (!publishing || !publish) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      timer = undefined;
      const { transform, width, height } = flow.getState();
      const [x, y, zoom] = transform;
      if (width === 0 || height === 0) return;
      publish({ x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom } satisfies ViewportCentre);
    };
    send();
    const unsubscribe = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform && timer === undefined) timer = setTimeout(send, 120);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [publishing, publish, flow]);
}

/** Moves this canvas to the owner's view whenever it changes, while following. */
function useFollowedView(view: ViewportCentre | undefined) {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  useEffect(() => {
    if (!view) return;
    const { width, height } = flow.getState();
    void setViewport({ x: width / 2 - view.x * view.zoom, y: height / 2 - view.y * view.zoom, zoom: view.zoom }, { duration: 0 });
  }, [view, setViewport, flow]);
}

/**
 * Other people on this canvas: a coloured outline with their name on each card or row they have
 * selected; and the teaching mode "follow me" (the owner's view published, the others' canvases moved to it).
 */
export default function PresenceLayer() {
  const design = usePortico((s) => s.design);
  const participants = useSessionUi((s) => s.participants);
  const role = useSessionUi((s) => s.active?.role);
  const followOwner = useSessionUi((s) => s.active?.settings.followOwner === true);
  const following = useSessionUi((s) => s.following);
  const outlines = useMemo(() => {
    const list: Outline[] = [];
    for (const participant of participants)
      for (const id of participant.selection) {
        const box = boxOf(design, id);
        if (box)
          list.push({ key: `${participant.clientId}:${id}`, name: participant.name, colour: participant.colour, elementId: id, ...box });
      }
    return list;
  }, [participants, design]);
  const ownerView = participants.find((participant) => participant.role === 'owner')?.viewport;
  usePublishedView(role === 'owner' && followOwner);
  useFollowedView(role !== 'owner' && followOwner && following ? ownerView : undefined);
  return (
    <ViewportPortal>
      {outlines.map((outline) => (
        <div
          key={outline.key}
          data-testid="presence-outline"
          data-name={outline.name}
          data-element={outline.elementId}
          className="pointer-events-none absolute rounded-lg"
          style={{
            transform: `translate(${outline.x - 3}px, ${outline.y - 3}px)`,
            width: outline.width + 6,
            height: outline.height + 6,
            border: `2px solid ${outline.colour}`,
            zIndex: 1000,
          }}
        >
          <span
            className="absolute -top-5 left-0 rounded px-1 text-[11px] leading-4 font-medium whitespace-nowrap text-white"
            style={{ backgroundColor: outline.colour }}
          >
            {outline.name}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
