/**
 * A binary min-heap of small integers under a caller's order. Fair share picks the source with the
 * lowest share thousands of times a cycle, and only the picked source's share changes, so the heap
 * needs just peek, pop and "the top got larger".
 */
export interface MinHeap {
  readonly size: number;
  peek(): number | undefined;
  pop(): void;
  /** Restores the order after the top item's key grew. */
  topIncreased(): void;
}

export function minHeap(items: readonly number[], before: (a: number, b: number) => boolean): MinHeap {
  const heap = [...items];
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left] ?? 0, heap[least] ?? 0)) least = left;
      if (right < heap.length && before(heap[right] ?? 0, heap[least] ?? 0)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] ?? 0, heap[i] ?? 0];
      i = least;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  return {
    get size() {
      return heap.length;
    },
    peek: () => heap[0],
    pop() {
      const last = heap.pop();
      if (heap.length > 0 && last !== undefined) {
        heap[0] = last;
        siftDown(0);
      }
    },
    topIncreased: () => siftDown(0),
  };
}
