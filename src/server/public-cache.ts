// The public's answers, kept. An anonymous reader sees published material only, and what is published changes
// only by a decision (a document accepted, a position, a verdict, a publication, a merge, a split, a reply),
// each of which appends to the audit log in the same transaction: so an answer stays right while the log keeps
// its size. When a major incident sends the public to the map, the same pages are asked for again and again;
// each is then read from the store once per decision instead of once per reader. Answers that depend on the
// clock (the dashboard's default period ends today) are kept no longer than `maxAgeMs` as well.

export interface CachedAnswer {
  readonly body: string;
  readonly contentType: string;
}

interface Entry extends CachedAnswer {
  /** The audit log's size when the answer was read. */
  readonly version: number;
  readonly storedAt: number;
}

export interface PublicCacheLimits {
  /** Bytes of answers kept (UTF-16 code units counted as two); the least recently used go first. */
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

export class PublicAnswerCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(private readonly limits: PublicCacheLimits) {}

  /** The answer kept for `key` if it was read at this `version` of the log and is not too old; else undefined. */
  get(key: string, version: number, nowMs: number): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.version !== version || nowMs - entry.storedAt > this.limits.maxAgeMs) {
      this.#remove(key, entry);
      return undefined;
    }
    // Most recently used last: a Map iterates in insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, version: number, answer: CachedAnswer, nowMs: number): void {
    const size = 2 * (key.length + answer.body.length);
    if (size > this.limits.maxBytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#remove(key, old);
    this.#entries.set(key, { ...answer, version, storedAt: nowMs });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.limits.maxBytes) break;
      this.#remove(oldest, entry);
    }
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= 2 * (key.length + entry.body.length);
  }
}
