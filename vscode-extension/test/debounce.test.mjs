import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDebouncer } from '../src/core/debounce.js';

/** Timers driven by hand. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map();
  return {
    setTimeout(fn, ms) {
      const id = next++;
      pending.set(id, { fn, at: now + ms });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          pending.delete(id);
          t.fn();
        }
      }
    },
  };
}

test('one lint after the typing stops, per document', () => {
  const timers = manualTimers();
  const debouncer = createDebouncer(timers);
  const runs = [];
  debouncer.schedule('a', 300, () => runs.push('a1'));
  timers.advance(200);
  debouncer.schedule('a', 300, () => runs.push('a2'));
  debouncer.schedule('b', 300, () => runs.push('b1'));
  timers.advance(200);
  assert.deepEqual(runs, []);
  assert.ok(debouncer.isPending('a'));
  timers.advance(100);
  assert.deepEqual(runs, ['a2', 'b1']);
  assert.ok(!debouncer.isPending('a'));
});

test('cancel (a closed document), flush and dispose', () => {
  const timers = manualTimers();
  const debouncer = createDebouncer(timers);
  const runs = [];
  debouncer.schedule('a', 300, () => runs.push('a'));
  debouncer.cancel('a');
  debouncer.schedule('b', 300, () => runs.push('b'));
  debouncer.flush('b');
  debouncer.flush('b');
  debouncer.schedule('c', 300, () => runs.push('c'));
  debouncer.dispose();
  timers.advance(1000);
  assert.deepEqual(runs, ['b']);
});
