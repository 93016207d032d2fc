import { type RefObject, useEffect, useRef } from 'react';
import { copyElements, deleteElements, designCards, type NodeId, pasteClipboard } from '../core/model';
import type { PorticoStore } from '../state/store';
import { useCanvasUi } from './canvas-ui';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Pastes the store's clipboard as one undo step and selects what was pasted. */
export function pasteIntoDesign(store: PorticoStore, offsetStep: number): boolean {
  const state = store.getState();
  const clip = state.clipboard;
  if (!clip) return false;
  let pasted: NodeId[] = [];
  const ok = state.apply('Paste', (design) => {
    const result = pasteClipboard(design, clip, { x: 40 * offsetStep, y: 40 * offsetStep });
    pasted = result.pastedIds;
    return result.design;
  });
  if (ok) store.getState().select(pasted);
  return ok;
}

/**
 * Copy, cut, paste and select all on the canvas (Mod+C/X/V/A). They act when focus is on the canvas or
 * nowhere in particular, never while typing in a field or with a dialog open.
 */
export function useCanvasKeys(store: PorticoStore, container: RefObject<HTMLElement | null>): void {
  const pasteCount = useRef(0);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      const inCanvas =
        event.target === document.body || (event.target instanceof Node && Boolean(container.current?.contains(event.target)));
      if (!inCanvas) return;
      const state = store.getState();
      if (state.dialog !== null) return;
      if (!event.ctrlKey && !event.metaKey && !event.altKey) {
        // Rows (methods, routes) are not React Flow nodes, so its Delete key does not reach them: delete here
        // (React Flow handles the cards, and may have marked the event handled, so that is not checked here).
        if (event.key === 'Delete' || event.key === 'Backspace') {
          const rows = state.selection.filter((id) => Object.hasOwn(state.design.methods, id) || Object.hasOwn(state.design.routes, id));
          if (rows.length === 0) return;
          event.preventDefault();
          state.apply('Delete', (design) => deleteElements(design, rows));
        } else if (event.key === 'F2' && state.selection.length === 1) {
          event.preventDefault();
          useCanvasUi.getState().startRename(state.selection[0] as string);
        }
        return;
      }
      if (event.defaultPrevented || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'c' || key === 'x') {
        if (state.selection.length === 0) return;
        event.preventDefault();
        state.setClipboard(copyElements(state.design, state.selection));
        pasteCount.current = 0;
        if (key === 'x') state.apply('Cut', (design) => deleteElements(design, state.selection));
      } else if (key === 'v') {
        if (!state.clipboard) return;
        event.preventDefault();
        pasteCount.current += 1;
        pasteIntoDesign(store, pasteCount.current);
      } else if (key === 'a') {
        event.preventDefault();
        const design = state.design;
        // Every card (route groups included) and every row.
        state.select([
          ...designCards(design).cards.map((card) => card.id),
          ...Object.keys(design.methods),
          ...Object.keys(design.routes),
        ] as NodeId[]);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, container]);
}
