// Linearizability of a key-value history (Wing & Gong's search with Lowe's memoisation, as in
// Porcupine). Each key is an independent register (linearizability is local), so keys are checked
// one by one. An operation whose return is null may have taken effect at any point after its call,
// or never: the search may place it anywhere after its call, and succeeds once every operation
// with a known outcome is placed.
import type { HistoryOp } from '../clients/history';

export type LinearizabilityResult =
  | { ok: true; keys: number; ops: number }
  | { ok: false; key: string; detail: string }
  | { ok: 'unknown'; key: string; detail: string };

/** Search steps allowed per key before giving up with 'unknown'. */
export const DEFAULT_STEP_LIMIT = 2_000_000;

interface Node {
  op: number;
  isCall: boolean;
  time: number;
  prev: Node | null;
  next: Node | null;
  match: Node | null;
}

export function checkLinearizable(history: readonly HistoryOp[], stepLimit = DEFAULT_STEP_LIMIT): LinearizabilityResult {
  const byKey = new Map<string, HistoryOp[]>();
  for (const op of history) {
    if (op.return !== null && op.return < op.call) return { ok: false, key: op.key, detail: `operation returns before its call: ${JSON.stringify(op)}` };
    const list = byKey.get(op.key) ?? [];
    list.push(op);
    byKey.set(op.key, list);
  }
  for (const key of [...byKey.keys()].sort()) {
    const verdict = checkKey(byKey.get(key)!, stepLimit);
    if (verdict === 'unknown') return { ok: 'unknown', key, detail: `gave up after ${stepLimit} search steps` };
    if (verdict !== null) return { ok: false, key, detail: verdict };
  }
  return { ok: true, keys: byKey.size, ops: history.length };
}

/** Applies op to a register value: the new value, or null when op could not have happened there. */
export function stepRegister(value: string, op: HistoryOp): string | null {
  switch (op.op) {
    case 'put':
      return op.value;
    case 'append':
      return value + op.value;
    case 'get':
      return value === op.output ? value : null;
    case 'cas':
      if (op.return === null) return value === op.expected ? op.value : value;
      if (op.ok) return value === op.expected ? op.value : null;
      return value !== op.expected ? value : null;
  }
}

/** Builds the time-ordered call/return list; calls sort before returns at equal times (concurrent). */
function buildList(ops: readonly HistoryOp[]): Node {
  const nodes: Node[] = [];
  ops.forEach((op, i) => {
    const call: Node = { op: i, isCall: true, time: op.call, prev: null, next: null, match: null };
    nodes.push(call);
    if (op.return !== null) {
      const ret: Node = { op: i, isCall: false, time: op.return, prev: null, next: null, match: null };
      call.match = ret;
      nodes.push(ret);
    }
  });
  nodes.sort((a, b) => a.time - b.time || (a.isCall === b.isCall ? a.op - b.op : a.isCall ? -1 : 1));
  const head: Node = { op: -1, isCall: false, time: -Infinity, prev: null, next: null, match: null };
  let last = head;
  for (const n of nodes) {
    last.next = n;
    n.prev = last;
    last = n;
  }
  return head;
}

function lift(call: Node): void {
  call.prev!.next = call.next;
  if (call.next) call.next.prev = call.prev;
  const ret = call.match;
  if (ret) {
    ret.prev!.next = ret.next;
    if (ret.next) ret.next.prev = ret.prev;
  }
}

function unlift(call: Node): void {
  const ret = call.match;
  if (ret) {
    ret.prev!.next = ret;
    if (ret.next) ret.next.prev = ret;
  }
  call.prev!.next = call;
  if (call.next) call.next.prev = call;
}

/** null when linearizable, 'unknown' past the step limit, otherwise why not. */
function checkKey(ops: readonly HistoryOp[], stepLimit: number): string | null | 'unknown' {
  const head = buildList(ops);
  const linearized = new Uint32Array((ops.length + 31) >>> 5);
  const cache = new Set<string>();
  const stack: { call: Node; value: string }[] = [];
  let known = ops.filter((op) => op.return !== null).length;
  let value = '';
  let entry = head.next;
  let deepest = 0;
  for (let steps = 0; known > 0; steps++) {
    if (steps > stepLimit) return 'unknown';
    if (entry === null) throw new Error('linearizability: ran off the list with known operations left');
    if (entry.isCall) {
      const next = stepRegister(value, ops[entry.op]);
      if (next !== null) {
        linearized[entry.op >>> 5] ^= 1 << (entry.op & 31);
        const key = `${linearized.join(',')}|${next}`;
        if (!cache.has(key)) {
          cache.add(key);
          stack.push({ call: entry, value });
          if (entry.match) known--;
          deepest = Math.max(deepest, stack.length);
          value = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        linearized[entry.op >>> 5] ^= 1 << (entry.op & 31);
      }
      entry = entry.next;
      continue;
    }
    // A return with its call not yet placed: something before must move.
    const top = stack.pop();
    if (!top) return describeFailure(ops, ops[entry.op], deepest);
    linearized[top.call.op >>> 5] ^= 1 << (top.call.op & 31);
    if (top.call.match) known++;
    value = top.value;
    unlift(top.call);
    entry = top.call.next;
  }
  return null;
}

function describeFailure(ops: readonly HistoryOp[], stuck: HistoryOp, deepest: number): string {
  return (
    `no linearization of ${ops.length} operations on key '${stuck.key}' (at most ${deepest} placed); ` +
    `cannot place ${JSON.stringify(stuck)}`
  );
}
