// A binary min-heap of timed events ordered by (timeMs, rank, seq). seq is assigned on push, so
// events at the same millisecond come out in the order they were scheduled: the tie-break that
// makes a run reproducible. rank puts user actions after everything else due at their
// millisecond, which is where a person acting on a paused simulation puts them.

export interface Queued {
  timeMs: number;
  /** 0 for ordinary events, 1 for user actions. */
  rank: number;
  seq: number;
}

export class EventQueue<T extends Queued> {
  private readonly heap: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Sets seq and inserts; returns the event. */
  push(event: T): T {
    if (!Number.isInteger(event.timeMs) || event.timeMs < 0) throw new Error(`EventQueue.push: bad time ${event.timeMs}`);
    event.seq = this.nextSeq++;
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = event;
    return event;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) siftDown(heap, last);
    return top;
  }

  /** Every queued event, in no particular order (for views). */
  items(): readonly T[] {
    return this.heap;
  }
}

function before(a: Queued, b: Queued): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.seq < b.seq;
}

function siftDown<T extends Queued>(heap: T[], item: T): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && before(heap[right], heap[left]) ? right : left;
    if (!before(heap[child], item)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = item;
}
