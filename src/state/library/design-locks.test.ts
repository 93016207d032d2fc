import { describe, expect, it } from 'vitest';
import { createDesignLocks, lockedDesigns } from './design-locks';

type Grant = { name: string; done: Promise<unknown>; fail: (error: Error) => void };
type Waiter = { name: string; start: () => void; abort: () => void };

/**
 * The Web Locks rules the design locks rely on (exclusive locks; `ifAvailable` answers null when held;
 * `steal` takes a held lock and rejects the holder's request with an AbortError; a waiting request is
 * granted on release, or rejected when its signal aborts), shared by the "tabs" of one test.
 */
function fakeLockManager(): LockManager {
  const granted = new Map<string, Grant>();
  const waiting: Waiter[] = [];
  const abortError = () => Object.assign(new Error('The lock request was aborted.'), { name: 'AbortError' });
  const next = (name: string) => {
    const index = waiting.findIndex((waiter) => waiter.name === name);
    if (index === -1) return;
    const [waiter] = waiting.splice(index, 1);
    waiter?.start();
  };
  const request = (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const grant = () => {
        let fail: (error: Error) => void = reject;
        const done = Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then(
          (value) => {
            if (granted.get(name)?.fail !== fail) return;
            granted.delete(name);
            resolve(value);
            next(name);
          },
          (error) => reject(error),
        );
        fail = (error) => reject(error);
        granted.set(name, { name, done, fail });
      };
      const holder = granted.get(name);
      if (!holder) return grant();
      if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
        return;
      }
      if (options.steal) {
        granted.delete(name);
        holder.fail(abortError());
        return grant();
      }
      const waiter: Waiter = { name, start: grant, abort: () => reject(abortError()) };
      waiting.push(waiter);
      options.signal?.addEventListener('abort', () => {
        const index = waiting.indexOf(waiter);
        if (index === -1) return;
        waiting.splice(index, 1);
        waiter.abort();
      });
    });
  return {
    request: ((name: string, optionsOrCallback: LockOptions | LockGrantedCallback<unknown>, maybe?: LockGrantedCallback<unknown>) =>
      typeof optionsOrCallback === 'function'
        ? request(name, {}, optionsOrCallback)
        : request(name, optionsOrCallback, maybe as LockGrantedCallback<unknown>)) as LockManager['request'],
    query: async () => ({ held: [...granted.keys()].map((name) => ({ name, mode: 'exclusive' as const, clientId: '' })), pending: [] }),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('design locks', () => {
  it('one writer per design, two designs in two tabs at once', async () => {
    const manager = fakeLockManager();
    const one = createDesignLocks(manager);
    const two = createDesignLocks(manager);
    expect(await one.acquire('a')).toBe(true);
    expect(await two.acquire('a')).toBe(false);
    expect(await two.acquire('b')).toBe(true);
    expect([...(await two.heldElsewhere())]).toEqual(['a']);
    expect([...(await lockedDesigns(manager))].sort()).toEqual(['a', 'b']);
    expect(await two.whileFree('a', async () => 'renamed')).toEqual({ ok: false });
    one.release('a');
    await tick();
    expect(await two.whileFree('a', async () => 'renamed')).toEqual({ ok: true, value: 'renamed' });
  });

  it('taking over tells the tab that had the design, and not the tab that let it go itself', async () => {
    const manager = fakeLockManager();
    const one = createDesignLocks(manager);
    const two = createDesignLocks(manager);
    const lost: string[] = [];
    one.onLost((id) => lost.push(id));
    await one.acquire('a');
    expect(await two.takeOver('a')).toBe(true);
    await tick();
    expect(lost).toEqual(['a']);
    await one.acquire('b');
    one.release('b');
    await tick();
    expect(lost).toEqual(['a']);
  });

  it('a waiting tab gets the design when the other lets go, and stops waiting when asked', async () => {
    const manager = fakeLockManager();
    const one = createDesignLocks(manager);
    const two = createDesignLocks(manager);
    const lost: string[] = [];
    two.onLost((id) => lost.push(id));
    await one.acquire('a');
    const waited = two.waitFor('a', new AbortController().signal);
    one.release('a');
    expect(await waited).toBe(true);
    expect(await one.acquire('a')).toBe(false);

    await one.acquire('b');
    const controller = new AbortController();
    const given = two.waitFor('b', controller.signal);
    controller.abort();
    expect(await given).toBe(false);
    expect(lost).toEqual([]);
  });

  it('without Web Locks every tab writes (the revision check of each save still guards)', async () => {
    const bare = createDesignLocks(null);
    expect(await bare.acquire('a')).toBe(true);
    expect(await bare.whileFree('a', async () => 1)).toEqual({ ok: true, value: 1 });
    expect(await bare.heldElsewhere()).toEqual(new Set());
  });
});
