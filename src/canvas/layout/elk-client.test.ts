import ELK from 'elkjs/lib/elk.bundled.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layoutWithElk } from '../../core/layout';
import type { Design } from '../../core/model';
import { restPetStore } from '../../core/model/testing/design-builder';
import { createLayoutClient, type LayoutWorker } from './elk-client';
import { answerRequest, type LayoutRequest } from './layout-protocol';

/** A worker stand-in: answers like the real one (real elkjs), or holds requests until the test lets them go. */
class FakeWorker implements LayoutWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: LayoutRequest[] = [];
  constructor(private readonly mode: 'answer' | 'hold') {
    FakeWorker.made.push(this);
  }
  postMessage(message: LayoutRequest): void {
    // A real worker receives a copy: a design that cannot be cloned fails here, as postMessage would.
    const copy = structuredClone(message);
    this.received.push(copy);
    if (this.mode === 'answer') void this.answer(copy);
  }
  async answer(request: LayoutRequest, override?: unknown): Promise<void> {
    const data = override ?? (await answerRequest(request, (design) => layoutWithElk(design, new ELK())));
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the layout client', () => {
  const design: Design = restPetStore();
  beforeEach(() => {
    FakeWorker.made = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts no worker before it is used, and keeps one worker for successive layouts', async () => {
    const client = createLayoutClient(() => new FakeWorker('answer'));
    expect(FakeWorker.made).toHaveLength(0);
    const first = await client.layout(design);
    const second = await client.layout(design);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.layout).toEqual(first.layout);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.received.map((request) => request.seq)).toEqual([1, 2]);
  });

  it('cancels through the signal: the worker is ended and the answer is a value', async () => {
    const client = createLayoutClient(() => new FakeWorker('hold'));
    const controller = new AbortController();
    const pending = client.layout(design, { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, reason: 'cancelled', message: 'Auto layout was cancelled.' });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    // An already-aborted signal starts nothing.
    expect(await client.layout(design, { signal: controller.signal })).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('stops a layout that takes longer than the limit, and the next layout gets a fresh worker', async () => {
    vi.useFakeTimers();
    let mode: 'hold' | 'answer' = 'hold';
    const client = createLayoutClient(() => new FakeWorker(mode));
    const pending = client.layout(design, { timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(FakeWorker.made[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({
      ok: false,
      reason: 'timeout',
      message: 'Auto layout did not finish within 60 s and was stopped. The design is unchanged.',
    });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    vi.useRealTimers();
    mode = 'answer';
    expect((await client.layout(design)).ok).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('lets a newer layout replace the one under way', async () => {
    const client = createLayoutClient(() => new FakeWorker('hold'));
    const older = client.layout(design);
    const newer = client.layout(design);
    expect(await older).toMatchObject({ ok: false, reason: 'cancelled', message: 'A newer Auto layout replaced this one.' });
    const [first, second] = FakeWorker.made;
    expect(first?.terminated).toBe(true);
    // A late answer of the ended worker is not taken for the newer request's.
    await first?.answer(first.received[0] as LayoutRequest);
    await second?.answer(second.received[0] as LayoutRequest);
    expect((await newer).ok).toBe(true);
  });

  it('reports a worker that fails to load, and an ELK failure, as values; malformed answers are ignored', async () => {
    const client = createLayoutClient(() => new FakeWorker('hold'));
    const loading = client.layout(design);
    FakeWorker.made[0]?.fail('Failed to fetch dynamically imported module');
    expect(await loading).toEqual({
      ok: false,
      reason: 'failed',
      message: 'Auto layout could not run (Failed to fetch dynamically imported module). The design is unchanged.',
    });
    const failing = client.layout(design);
    const worker = FakeWorker.made[1] as FakeWorker;
    await worker.answer(worker.received[0] as LayoutRequest, { seq: 2, ok: true, layout: { res_root: { x: 'left', y: 0 } } });
    await worker.answer(worker.received[0] as LayoutRequest, { seq: 2, ok: false, message: 'Node has no size' });
    expect(await failing).toEqual({
      ok: false,
      reason: 'failed',
      message: 'Auto layout failed: Node has no size. The design is unchanged.',
    });
  });

  it('reports a worker that cannot be created', async () => {
    const client = createLayoutClient(() => {
      throw new Error('Workers are blocked');
    });
    expect(await client.layout(design)).toEqual({
      ok: false,
      reason: 'failed',
      message: 'Auto layout could not start (Workers are blocked). The design is unchanged.',
    });
  });
});
