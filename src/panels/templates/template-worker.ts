import type { IntegrationTestAnswer, IntegrationTestMessage } from '../../core/templates/integration-test';
import type { TemplateAnswer, TemplateMessage } from '../../core/templates/render-request';

/**
 * How long a render may take before the worker is stopped. The engine checks its own deadline between
 * steps (given a little less, so that it usually answers with the line it was on); one step, a regular
 * expression, cannot be interrupted from inside, so the page terminates the worker after this.
 */
export const renderTimeLimitMs = 2000;
export const engineTimeLimitMs = 1500;

export type WorkerOutcome<A> =
  | { kind: 'answer'; answer: A }
  | { kind: 'timeout' }
  | { kind: 'superseded' }
  | { kind: 'failed'; message: string };

interface Pending<M, A> {
  message: M;
  resolve: (outcome: WorkerOutcome<A>) => void;
}

/**
 * One worker for one kind of request (syntax checks, test runs), one request at a time: a request made
 * while one runs waits; with `newestOnly`, a newer one replaces the one waiting (which answers
 * `superseded`). A late answer stops the worker (`timeout`); the next request starts a fresh one.
 */
export class TemplateWorkerChannel<M extends object, A> {
  private worker: Worker | undefined;
  private running: Pending<M, A> | undefined;
  private waiting: Pending<M, A>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly newestOnly: boolean,
    private readonly timeLimitMs = renderTimeLimitMs,
  ) {}

  run(message: M): Promise<WorkerOutcome<A>> {
    return new Promise((resolve) => {
      const request = { message, resolve };
      if (this.running) {
        if (this.newestOnly) for (const older of this.waiting.splice(0)) older.resolve({ kind: 'superseded' });
        this.waiting.push(request);
        return;
      }
      this.start(request);
    });
  }

  dispose(): void {
    this.stopWorker();
    this.running?.resolve({ kind: 'superseded' });
    for (const waiting of this.waiting.splice(0)) waiting.resolve({ kind: 'superseded' });
    this.running = undefined;
  }

  private stopWorker(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.worker?.terminate();
    this.worker = undefined;
  }

  private finish(outcome: WorkerOutcome<A>): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const done = this.running;
    this.running = undefined;
    done?.resolve(outcome);
    const next = this.waiting.shift();
    if (next) this.start(next);
  }

  private start(request: Pending<M, A>): void {
    this.running = request;
    try {
      if (!this.worker) {
        const worker = this.createWorker();
        worker.onmessage = (event: MessageEvent<A>) => this.finish({ kind: 'answer', answer: event.data });
        worker.onerror = (event) => {
          event.preventDefault();
          this.stopWorker();
          this.finish({ kind: 'failed', message: event.message || 'the template worker failed' });
        };
        this.worker = worker;
      }
      this.timer = setTimeout(() => {
        this.stopWorker();
        this.finish({ kind: 'timeout' });
      }, this.timeLimitMs);
      this.worker.postMessage(request.message);
    } catch (error) {
      this.stopWorker();
      this.finish({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
}

const createTemplateWorker = () =>
  new Worker(new URL('./template.worker.ts', import.meta.url), { type: 'module', name: 'mapping-templates' });

let checks: TemplateWorkerChannel<TemplateMessage, TemplateAnswer> | undefined;
let tests: TemplateWorkerChannel<IntegrationTestMessage, IntegrationTestAnswer> | undefined;

/** Syntax checks for the editors' markers (one shared worker). */
export function checkTemplateInWorker(template: string): Promise<WorkerOutcome<TemplateAnswer>> {
  checks ??= new TemplateWorkerChannel(createTemplateWorker, false);
  return checks.run({ type: 'check', template });
}

/** Test bench runs (their own worker, so that a slow test never holds up the editors' checks). */
export function runTestInWorker(message: Omit<IntegrationTestMessage, 'type' | 'limits'>): Promise<WorkerOutcome<IntegrationTestAnswer>> {
  tests ??= new TemplateWorkerChannel(createTemplateWorker, true);
  return tests.run({ ...message, type: 'integration-test', limits: { timeLimitMs: engineTimeLimitMs } });
}
