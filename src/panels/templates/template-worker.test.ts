import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemplateWorkerChannel } from './template-worker';

/** A stand-in worker that answers only when the test says so, and records being stopped. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const create = () => new FakeWorker() as unknown as Worker;

describe('TemplateWorkerChannel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWorker.made = [];
  });
  afterEach(() => vi.useRealTimers());

  it('stops a worker that does not answer in time, says so, and starts a fresh one for the next request', async () => {
    const channel = new TemplateWorkerChannel<{ n: number }, string>(create, true, 2000);
    const late = channel.run({ n: 1 });
    vi.advanceTimersByTime(1999);
    expect(FakeWorker.made[0]?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(late).resolves.toEqual({ kind: 'timeout' });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    const next = channel.run({ n: 2 });
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1]?.answer('ok');
    await expect(next).resolves.toEqual({ kind: 'answer', answer: 'ok' });
  });

  it('runs one request at a time; with newestOnly a newer request replaces the one waiting', async () => {
    const channel = new TemplateWorkerChannel<{ n: number }, number>(create, true, 2000);
    const first = channel.run({ n: 1 });
    const second = channel.run({ n: 2 });
    const third = channel.run({ n: 3 });
    const worker = FakeWorker.made[0] as FakeWorker;
    expect(worker.received).toEqual([{ n: 1 }]);
    await expect(second).resolves.toEqual({ kind: 'superseded' });
    worker.answer(1);
    await expect(first).resolves.toEqual({ kind: 'answer', answer: 1 });
    expect(worker.received).toEqual([{ n: 1 }, { n: 3 }]);
    worker.answer(3);
    await expect(third).resolves.toEqual({ kind: 'answer', answer: 3 });
  });

  it('without newestOnly, answers every request in order', async () => {
    const channel = new TemplateWorkerChannel<{ n: number }, number>(create, false, 2000);
    const answers = [channel.run({ n: 1 }), channel.run({ n: 2 })];
    const worker = FakeWorker.made[0] as FakeWorker;
    worker.answer(1);
    await Promise.resolve();
    worker.answer(2);
    await expect(Promise.all(answers)).resolves.toEqual([
      { kind: 'answer', answer: 1 },
      { kind: 'answer', answer: 2 },
    ]);
  });

  it('answers a worker that fails to start or crashes, instead of waiting for ever', async () => {
    const failing = new TemplateWorkerChannel<object, string>(() => {
      throw new Error('workers are blocked');
    }, true);
    await expect(failing.run({})).resolves.toEqual({ kind: 'failed', message: 'workers are blocked' });
    const channel = new TemplateWorkerChannel<object, string>(create, true);
    const crashed = channel.run({});
    FakeWorker.made[0]?.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    await expect(crashed).resolves.toEqual({ kind: 'failed', message: 'boom' });
    expect(FakeWorker.made[0]?.terminated).toBe(true);
  });
});
