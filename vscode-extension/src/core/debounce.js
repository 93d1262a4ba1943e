// Debouncing per document: lint once typing pauses. The timers are injected, so the tests
// drive them by hand instead of waiting.

/**
 * @param {{ setTimeout: (fn: () => void, ms: number) => unknown, clearTimeout: (handle: unknown) => void }} [timers]
 */
export function createDebouncer(timers = globalThis) {
  const pending = new Map();
  return {
    /** Runs `fn` after `delay` ms unless `schedule` is called again for `key` before. */
    schedule(key, delay, fn) {
      this.cancel(key);
      const entry = { fn, handle: null };
      entry.handle = timers.setTimeout(() => {
        if (pending.get(key) === entry) pending.delete(key);
        fn();
      }, delay);
      pending.set(key, entry);
    },
    /** Drops what is pending for `key`. */
    cancel(key) {
      const entry = pending.get(key);
      if (entry) {
        timers.clearTimeout(entry.handle);
        pending.delete(key);
      }
    },
    /** Runs what is pending for `key` now. */
    flush(key) {
      const entry = pending.get(key);
      if (entry) {
        this.cancel(key);
        entry.fn();
      }
    },
    /** Whether something is pending for `key`. */
    isPending(key) {
      return pending.has(key);
    },
    dispose() {
      for (const key of [...pending.keys()]) this.cancel(key);
    },
  };
}
