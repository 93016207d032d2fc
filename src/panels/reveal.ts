import { type RefObject, useEffect, useSyncExternalStore } from 'react';

/** Elements that live in a panel rather than on the canvas. */
export type RevealKind = 'stage' | 'model' | 'request-validator' | 'usage-plan' | 'api-key';

/** A request to show one element in its panel: open, scrolled into view, focused. */
export interface RevealRequest {
  kind: RevealKind;
  id: string;
  /** Tells two requests for the same element apart, so that asking twice reveals twice. */
  serial: number;
}

/*
 * Module state, not the store: what a panel has unfolded and which field has focus is view state of the
 * panels, not of the design, and the request must wait for a panel that loads lazily (the stages panel
 * is its own chunk) to mount and take it.
 */
let pending: RevealRequest | null = null;
let serial = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the panel that edits the element to show it; the caller opens that panel. */
export function requestReveal(kind: RevealKind, id: string): RevealRequest {
  serial += 1;
  pending = { kind, id, serial };
  notify();
  return pending;
}

/** The request waiting to be taken, if any. */
export function pendingReveal(): RevealRequest | null {
  return pending;
}

/** Marks a request as done, so that a panel mounted later does not reveal the element again. */
export function settleReveal(request: RevealRequest): void {
  if (pending !== request) return;
  pending = null;
  notify();
}

/** The waiting request for elements of `kind`, or null. */
export function useRevealRequest(kind: RevealKind): RevealRequest | null {
  return useSyncExternalStore(subscribe, () => (pending?.kind === kind ? pending : null));
}

/**
 * Shows an element of a panel: unfolds the sections around it, scrolls it into view and focuses its first
 * field. Run it a frame after the request: the command palette's dialog gives focus back to where it was
 * when it closes, which would otherwise take it from the field again.
 */
export function revealElement(element: HTMLElement): void {
  for (let section = element.closest('details'); section; section = section.parentElement?.closest('details') ?? null) section.open = true;
  element.scrollIntoView({ block: 'start' });
  element.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
}

/** Reveals `ref`'s element when a request for this element (`kind`, `id`) arrives, or is waiting at mount. */
export function useReveal(kind: RevealKind, id: string, ref: RefObject<HTMLElement | null>, ready = true): void {
  const request = useRevealRequest(kind);
  const mine = ready && request?.id === id ? request : null;
  useEffect(() => {
    if (!mine) return;
    const frame = requestAnimationFrame(() => {
      settleReveal(mine);
      if (ref.current) revealElement(ref.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [mine, ref]);
}
