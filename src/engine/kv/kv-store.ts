// The small replicated key-value store that runs on top of Raft: the state machine every manager
// applies committed entries to. Missing keys read as '' (the history format says so too).
import type { KvOp } from '../node/types';

export interface KvResult {
  /** The value a get returned at apply time ('' for a missing key). */
  value?: string;
  /** Whether a cas found the expected value and wrote. */
  casOk?: boolean;
}

export class KvStore {
  private readonly data = new Map<string, string>();

  get(key: string): string {
    return this.data.get(key) ?? '';
  }

  get size(): number {
    return this.data.size;
  }

  apply(op: KvOp): KvResult {
    switch (op.op) {
      case 'put':
        this.data.set(op.key, op.value);
        return {};
      case 'get':
        return { value: this.get(op.key) };
      case 'append':
        this.data.set(op.key, this.get(op.key) + op.value);
        return {};
      case 'cas': {
        const casOk = this.get(op.key) === op.expected;
        if (casOk) this.data.set(op.key, op.value);
        return { casOk };
      }
    }
  }

  /** Key-sorted pairs, so equal stores serialise to equal text whatever the order of writes. */
  entries(): [string, string][] {
    return [...this.data.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  serialise(): string {
    return JSON.stringify(this.entries());
  }

  /** Rebuilds a store from serialise() output; '' (no snapshot data) is the empty store. */
  static restore(text: string): KvStore {
    const store = new KvStore();
    if (text === '') return store;
    const pairs: unknown = JSON.parse(text);
    if (!Array.isArray(pairs)) throw new Error('KvStore.restore: snapshot data is not an array of pairs');
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
        throw new Error(`KvStore.restore: bad pair ${JSON.stringify(pair)}`);
      }
      store.data.set(pair[0], pair[1]);
    }
    return store;
  }
}
