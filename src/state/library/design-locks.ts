/**
 * One writer per design across tabs, with a Web Lock per design (`portico-design:<id>`): two tabs can
 * edit two designs at once; a second tab on the same design is a read-only follower until the user
 * takes over (which steals the lock). Without Web Locks every tab is a writer, and the revision check
 * of each save still refuses a second writer.
 */
export interface DesignLocks {
  /** Resolves true when this tab now holds the design's lock (or already did). */
  acquire(id: string): Promise<boolean>;
  /** Takes the lock from the tab that holds it. */
  takeOver(id: string): Promise<boolean>;
  /** Waits for the lock (the other tab closes or leaves the design); false when `signal` gave up first. */
  waitFor(id: string, signal: AbortSignal): Promise<boolean>;
  release(id: string): void;
  /** Runs `work` while holding the lock of a design no tab has open; `{ ok: false }` when one has. */
  whileFree<T>(id: string, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }>;
  /** Designs open for editing in other tabs. */
  heldElsewhere(): Promise<Set<string>>;
  /** Called when another tab takes a design's lock from this one. */
  onLost(listener: (id: string) => void): void;
}

const prefix = 'portico-design:';

/** `null`: a browser without Web Locks. */
export function createDesignLocks(available: LockManager | null | undefined = globalThis.navigator?.locks): DesignLocks {
  const locks = available ?? undefined;
  const held = new Map<string, () => void>();
  const lostListeners: ((id: string) => void)[] = [];

  const hold = (id: string, mode: 'try' | 'steal' | AbortSignal) =>
    new Promise<boolean>((resolve) => {
      if (!locks) {
        resolve(true);
        return;
      }
      if (held.has(id) && mode !== 'steal') {
        resolve(true);
        return;
      }
      let release: (() => void) | undefined;
      const released = new Promise<void>((done) => {
        release = done;
      });
      locks
        .request(
          `${prefix}${id}`,
          mode === 'steal' ? { steal: true } : mode === 'try' ? { ifAvailable: true } : { signal: mode },
          (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            held.set(id, release as () => void);
            resolve(true);
            // Held until this tab leaves the design (or closes).
            return released;
          },
        )
        .catch(() => {
          // Given up while waiting: never held.
          if (mode instanceof AbortSignal && !held.has(id)) resolve(false);
          // Another tab stole it ("Edit here instead" there), unless we let it go ourselves first.
          if (held.get(id) !== release) return;
          held.delete(id);
          for (const listener of lostListeners) listener(id);
        });
    });

  return {
    acquire: (id) => hold(id, 'try'),
    takeOver: (id) => hold(id, 'steal'),
    waitFor: (id, signal) => hold(id, signal),
    release: (id) => {
      const release = held.get(id);
      held.delete(id);
      release?.();
    },
    whileFree: async (id, work) => {
      if (!locks) return { ok: true, value: await work() };
      if (held.has(id)) return { ok: true, value: await work() };
      let outcome: { ok: true; value: unknown } | { ok: false } = { ok: false };
      await locks.request(`${prefix}${id}`, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        outcome = { ok: true, value: await work() };
      });
      return outcome as { ok: true; value: Awaited<ReturnType<typeof work>> } | { ok: false };
    },
    heldElsewhere: async () => {
      const names = new Set<string>();
      if (!locks) return names;
      const snapshot = await locks.query();
      for (const lock of snapshot.held ?? []) {
        const id = lock.name?.startsWith(prefix) ? lock.name.slice(prefix.length) : undefined;
        if (id && !held.has(id)) names.add(id);
      }
      return names;
    },
    onLost: (listener) => {
      lostListeners.push(listener);
    },
  };
}

/** Designs whose lock any tab holds (this one included), for lists that mark "open in another tab". */
export async function lockedDesigns(locks: LockManager | undefined = globalThis.navigator?.locks): Promise<Set<string>> {
  const names = new Set<string>();
  if (!locks) return names;
  try {
    const snapshot = await locks.query();
    for (const lock of snapshot.held ?? []) if (lock.name?.startsWith(prefix)) names.add(lock.name.slice(prefix.length));
  } catch {
    // Not knowing only hides the marks; every change is still checked when it is made.
  }
  return names;
}
