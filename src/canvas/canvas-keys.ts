import { type RefObject, useEffect, useRef } from 'react';
import { copyElements, deleteElements, type NodeId, pasteClipboard } from '../core/model';
import type { PorticoStore } from '../state/store';

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
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (isTextField(event.target)) return;
      const inCanvas =
        event.target === document.body || (event.target instanceof Node && Boolean(container.current?.contains(event.target)));
      if (!inCanvas) return;
      const state = store.getState();
      if (state.dialog !== null) return;
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
        state.select([
          ...Object.keys(design.resources),
          ...Object.keys(design.methods),
          ...Object.keys(design.routes),
          ...Object.keys(design.authorizers),
          ...Object.keys(design.integrations),
        ] as NodeId[]);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, container]);
}
