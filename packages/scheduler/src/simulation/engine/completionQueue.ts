/**
 * Running jobs ordered by the instant they end: a binary heap, because a busy trace keeps
 * thousands running and the loop asks for the next end after every step. Ties end in the order
 * they were admitted, so a run is reproducible.
 */
export interface CompletionQueue {
  readonly size: number;
  push(at: number, jobIndex: number): void;
  /** The earliest end, or Infinity when nothing runs. */
  peekAt(): number;
  pop(): { at: number; jobIndex: number } | undefined;
}

interface Entry {
  at: number;
  seq: number;
  jobIndex: number;
}

export function completionQueue(): CompletionQueue {
  const heap: Entry[] = [];
  let seq = 0;
  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number) => {
    const t = heap[i] as Entry;
    heap[i] = heap[j] as Entry;
    heap[j] = t;
  };
  return {
    get size() {
      return heap.length;
    },
    push(at, jobIndex) {
      heap.push({ at, seq: seq++, jobIndex });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
        swap(i, parent);
        i = parent;
      }
    },
    peekAt: () => heap[0]?.at ?? Infinity,
    pop() {
      const top = heap[0];
      if (!top) return undefined;
      const last = heap.pop() as Entry;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          const right = left + 1;
          let smallest = i;
          if (left < heap.length && before(heap[left] as Entry, heap[smallest] as Entry)) smallest = left;
          if (right < heap.length && before(heap[right] as Entry, heap[smallest] as Entry)) smallest = right;
          if (smallest === i) break;
          swap(i, smallest);
          i = smallest;
        }
      }
      return { at: top.at, jobIndex: top.jobIndex };
    },
  };
}
