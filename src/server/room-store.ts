import { ClassicLevel } from 'classic-level';

/** How many updates a room appends before they are folded into one state. */
const compactEvery = 500;

/** The sequence number as a fixed-width key part, so that keys sort in append order. */
const seqKey = (seq: number): string => seq.toString(16).padStart(13, '0');

/**
 * Durable rooms in an embedded LevelDB (classic-level: prebuilt binaries, no install step): each room is
 * its last folded state plus the updates appended since. Every update is appended the moment the room's
 * doc changes, so a server killed at any time keeps every change its clients were told was saved; the
 * updates are folded into one state from time to time, and when the room closes.
 */
export class RoomStore {
  private readonly nextSeq = new Map<string, number>();
  private readonly appended = new Map<string, number>();
  private pending = 0;
  private idle: (() => void)[] = [];

  private constructor(private readonly db: ClassicLevel<string, Uint8Array>) {}

  static async open(folder: string): Promise<RoomStore> {
    const db = new ClassicLevel<string, Uint8Array>(folder, { valueEncoding: 'view' });
    await db.open();
    return new RoomStore(db);
  }

  /** Writes that have not reached LevelDB yet. */
  get pendingWrites(): number {
    return this.pending;
  }

  /** Resolves when every write issued so far has reached LevelDB. */
  flushed(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private track<T>(write: Promise<T>): Promise<T> {
    this.pending += 1;
    const done = () => {
      this.pending -= 1;
      if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
    write.then(done, done);
    return write;
  }

  /** The room's content as updates to apply in order (none for a new room). */
  async load(room: string): Promise<Uint8Array[]> {
    const updates: Uint8Array[] = [];
    const state = await this.db.get(`room:${room}:state`);
    if (state) updates.push(state);
    let last = -1;
    for await (const [key, value] of this.db.iterator({ gte: `room:${room}:u:`, lt: `room:${room}:u;` })) {
      updates.push(value);
      last = Number.parseInt(key.slice(`room:${room}:u:`.length), 16);
    }
    this.nextSeq.set(room, last + 1);
    this.appended.set(room, 0);
    return updates;
  }

  /** Whether a room has ever been written. */
  async exists(room: string): Promise<boolean> {
    if (await this.db.get(`room:${room}:state`)) return true;
    for await (const _key of this.db.keys({ gte: `room:${room}:u:`, lt: `room:${room}:u;`, limit: 1 })) return true;
    return false;
  }

  /**
   * Appends one update (not awaited by the caller: LevelDB keeps writes in order of issue only per key,
   * so each update has its own key). Returns whether the room is due to be folded.
   */
  append(room: string, update: Uint8Array): boolean {
    const seq = this.nextSeq.get(room) ?? 0;
    this.nextSeq.set(room, seq + 1);
    this.track(this.db.put(`room:${room}:u:${seqKey(seq)}`, update)).catch(() => undefined);
    const count = (this.appended.get(room) ?? 0) + 1;
    this.appended.set(room, count);
    return count >= compactEvery;
  }

  /**
   * Replaces the room's appended updates by `state`, the room's whole content now. Updates appended after
   * `state` was taken keep their keys (their sequence numbers are higher).
   */
  async compact(room: string, state: Uint8Array): Promise<void> {
    const upTo = this.nextSeq.get(room) ?? 0;
    this.appended.set(room, 0);
    await this.track(this.db.put(`room:${room}:state`, state));
    await this.track(this.db.clear({ gte: `room:${room}:u:`, lt: `room:${room}:u:${seqKey(upTo)}` }));
  }

  /** Forgets a room's counters once it is closed (its data stays). */
  release(room: string): void {
    this.nextSeq.delete(room);
    this.appended.delete(room);
  }

  async close(): Promise<void> {
    await this.flushed();
    await this.db.close();
  }
}
