import type { Design } from '../../core/model';

/** A design to lay out; the answer carries the same `seq`. */
export interface LayoutRequest {
  seq: number;
  design: Design;
}

export type LayoutAnswer = { seq: number; ok: true; layout: Design['layout']; ms: number } | { seq: number; ok: false; message: string };

/** What Auto layout gives back: the new positions, or why there are none (the design is never changed here). */
export type LayoutOutcome =
  | {
      ok: true;
      layout: Design['layout'];
      /** Milliseconds the worker spent laying out (without starting up or passing the design over). */
      ms: number;
    }
  | {
      ok: false;
      /** 'cancelled': the caller's signal, or a newer layout; 'timeout': over the time limit; 'failed': ELK or the worker failed. */
      reason: 'cancelled' | 'timeout' | 'failed';
      message: string;
    };

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Runs one request with `layout` (the worker's `layoutWithElk`): every failure becomes an answer, never an exception. */
export async function answerRequest(
  request: LayoutRequest,
  layout: (design: Design) => Promise<Design['layout']>,
  now: () => number = () => performance.now(),
): Promise<LayoutAnswer> {
  const started = now();
  try {
    const positions = await layout(request.design);
    return { seq: request.seq, ok: true, layout: positions, ms: Math.round(now() - started) };
  } catch (error) {
    return { seq: request.seq, ok: false, message: firstLine(error) || 'unknown error' };
  }
}

function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y } = value as { x?: unknown; y?: unknown };
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y);
}

/**
 * The answer to request `seq` read from a worker message, or undefined when the message is not that
 * (an answer to an older request, or anything malformed): positions go into the design, so they are
 * checked before they are believed.
 */
export function readAnswer(data: unknown, seq: number): LayoutAnswer | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const answer = data as Partial<Record<keyof LayoutAnswer | 'layout' | 'message' | 'ms', unknown>>;
  if (answer.seq !== seq) return undefined;
  if (answer.ok === false) return { seq, ok: false, message: typeof answer.message === 'string' ? answer.message : 'unknown error' };
  if (answer.ok !== true || typeof answer.layout !== 'object' || answer.layout === null) return undefined;
  if (!Object.values(answer.layout).every(isPosition)) return undefined;
  return { seq, ok: true, layout: answer.layout as Design['layout'], ms: typeof answer.ms === 'number' ? answer.ms : 0 };
}
