import type { Clock } from '../../common/clock.js';

/** NOTIFY channel: something auth_resolve_session reads changed (Migration20261217000000SessionFacts). */
export const SESSION_FACTS_CHANNEL = 'session_facts_changed';

/** What a listener on SESSION_FACTS_CHANNEL tells the cache. */
export interface SessionFactsObserver {
  /** LISTEN is in place: from now on every change is heard. */
  listening(): void;
  /** The LISTEN connection is gone: changes may go unheard. */
  lost(): void;
  /** A change committed. */
  changed(): void;
}

interface Entry<Row> {
  row: Row;
  /** By the platform's clock, so a test that moves the clock sees sessions looked up again. */
  fetchedAt: number;
}

/**
 * The session rows this instance resolved lately, by token hash, so that most requests need no round trip before
 * their first statement. An entry is trusted only while this instance is LISTENing for session_facts_changed: a
 * revocation, a disabled account or any other change forgets every entry on every instance as soon as the notice
 * arrives, and while the LISTEN connection is down nothing is kept at all. An entry is also looked up again after
 * `maxAgeMs` (which keeps auth_session.last_seen_at to about a minute, as before). Unknown tokens are never kept.
 * What changes with time alone (expiry, grace periods) is judged again on every use by the caller.
 */
export class SessionCache<Row> implements SessionFactsObserver {
  private readonly entries = new Map<string, Entry<Row>>();
  private live = false;
  /** Moves on every forgetting, so a lookup that began before a change is not kept after it. */
  private generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
    private readonly maxEntries: number,
  ) {}

  listening(): void {
    this.forgetAll();
    this.live = true;
  }

  lost(): void {
    this.live = false;
    this.forgetAll();
  }

  changed(): void {
    this.forgetAll();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The row kept for `key`, or the lookup's row (kept if nothing changed meanwhile). */
  async resolve(key: string, lookUp: () => Promise<Row | undefined>): Promise<Row | undefined> {
    const now = this.clock.now().getTime();
    const entry = this.live && this.maxAgeMs > 0 ? this.entries.get(key) : undefined;
    if (entry && now >= entry.fetchedAt && now - entry.fetchedAt < this.maxAgeMs) return entry.row;
    const generation = this.generation;
    const row = await lookUp();
    if (row === undefined || !this.live || this.maxAgeMs === 0 || generation !== this.generation) return row;
    // Oldest first: re-inserting moves the key to the end, so the front is what has aged out.
    this.entries.delete(key);
    this.entries.set(key, { row, fetchedAt: now });
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && now - old.fetchedAt < this.maxAgeMs) break;
      this.entries.delete(oldKey);
    }
    return row;
  }

  private forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
