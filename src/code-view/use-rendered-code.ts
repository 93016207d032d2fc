import { useEffect, useRef, useState } from 'react';
import type { Design } from '../core/model';
import { usePortico } from '../state/context';
import type { RenderAnswer, RenderMessage } from './render.worker';
import RenderWorker from './render.worker?worker';
import type { CodeRequest, RenderedCode } from './render-code';

export type RenderState = { status: 'rendering'; previous?: RenderedCode } | { status: 'done'; result: RenderedCode };

/** Quiet time after the last edit before the design is sent to the worker; a keystroke never waits on an export. */
const settleMs = 60;

/**
 * The export of the current design for one code view tab, rendered in a worker. Edits arriving while a
 * render runs are coalesced; answers to older requests are dropped.
 */
export function useRenderedCode(request: CodeRequest): RenderState {
  const design = usePortico((s) => s.design);
  const [state, setState] = useState<RenderState>({ status: 'rendering' });
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const latest = useRef<{ design: Design; request: CodeRequest } | null>(null);

  useEffect(() => {
    const instance = new RenderWorker();
    worker.current = instance;
    instance.onmessage = (event: MessageEvent<RenderAnswer>) => {
      if (event.data.seq !== seq.current) return;
      setState({ status: 'done', result: event.data.result });
    };
    instance.onerror = (event) => {
      setState({ status: 'done', result: { ok: false, message: `The export worker failed: ${event.message}` } });
    };
    return () => {
      instance.terminate();
      worker.current = null;
    };
  }, []);

  const { target, format, stageName } = request;
  useEffect(() => {
    latest.current = { design, request: { target, format, stageName } };
    seq.current += 1;
    const current = seq.current;
    setState((previous) => ({ status: 'rendering', previous: previous.status === 'done' ? previous.result : previous.previous }));
    const timer = setTimeout(() => {
      const message = latest.current;
      if (!message || !worker.current) return;
      worker.current.postMessage({ seq: current, design: message.design, request: message.request } satisfies RenderMessage);
    }, settleMs);
    return () => clearTimeout(timer);
  }, [design, target, format, stageName]);

  return state;
}
