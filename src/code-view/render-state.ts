import type { TextEdit } from './incremental-openapi';
import type { CodeRequest, RenderedCode } from './render-code';

/**
 * What the code view shows. `version` counts texts; `change` says how this text came from the one of
 * version `change.base` (a few edits), so the editor can apply them instead of replacing its text.
 * `request` names the tab, format, stage and profile the state is for (see `requestKey`).
 */
export type RenderState =
  | { status: 'rendering'; previous?: RenderedCode; version: number; request: string }
  | { status: 'done'; result: RenderedCode; version: number; request: string; change?: { base: number; edits: TextEdit[] } };

/** One string per code view request: a state is the current one only for the request it was made for. */
export function requestKey({ target, format, stageName, profile }: CodeRequest): string {
  return JSON.stringify([target, format, stageName ?? null, profile]);
}

/**
 * The state as the code view should take it for `request`: between a new tab (or format, stage, profile)
 * and the effect that asks for it, the state is still the old request's, and is not done for this one
 * (a Download then would save the other tab's file under this tab).
 */
export function stateFor(state: RenderState, request: CodeRequest): RenderState {
  const current = requestKey(request);
  if (state.request === current || state.status !== 'done') return state;
  return { status: 'rendering', previous: state.result, version: state.version, request: current };
}
