package org.vaultls.features.completion;

import java.util.Arrays;

/**
 * Keeps the {@code capacity} smallest of many {@code long} sort keys without boxing them, for ranking
 * thousands of names per keystroke: a max-heap whose root is the worst key kept so far.
 */
final class BestOf {
    private final long[] heap;
    private int size;
    private int offered;

    BestOf(int capacity) {
        heap = new long[capacity];
    }

    void offer(long key) {
        offered++;
        if (size < heap.length) {
            heap[size] = key;
            siftUp(size++);
        } else if (heap.length > 0 && key < heap[0]) {
            heap[0] = key;
            siftDown(0);
        }
    }

    /** True once {@code capacity} keys are kept: a new key must then beat {@link #worst()}. */
    boolean full() {
        return size == heap.length;
    }

    /** The largest key kept. */
    long worst() {
        return heap[0];
    }

    /** How many keys were offered in all, kept or not. */
    int offered() {
        return offered;
    }

    /** The kept keys, smallest first. */
    long[] sorted() {
        long[] out = Arrays.copyOf(heap, size);
        Arrays.sort(out);
        return out;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int largest = i;
            if (l < size && heap[l] > heap[largest]) {
                largest = l;
            }
            if (r < size && heap[r] > heap[largest]) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    private void swap(int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
