// Randomized runs (in the spirit of TigerBeetle's simulator and etcd's rafttest): a safety
// phase with message drops, duplicates, reordering and delays, cut links, kills and restarts,
// proposals and snapshots, checking Raft's safety properties as it goes; then a liveness phase
// (everything healed and restarted) that must elect a leader and commit a new entry everywhere.
// A failure names the seed; rerun one with SEED=<n> npx vitest run tests/engine/raft/property.test.ts
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import type { NodeId } from '../../../src/engine/raft';
import { Net } from './harness';

interface RunOptions {
  membership: boolean;
  steps: number;
}

function pickConfig(rng: Rng) {
  return {
    preVote: rng.chance(0.5),
    checkQuorum: rng.chance(0.6),
    maxEntriesPerMsg: rng.int(1, 5),
    maxInflightMsgs: rng.int(1, 6),
    snapshotCatchUpEntries: rng.int(0, 4),
  };
}

/** Delivers this round's messages in random order; some are lost, duplicated or held back. */
function chaoticRound(net: Net, rng: Rng): void {
  const batch = net.queue;
  net.queue = [];
  for (let i = batch.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [batch[i], batch[j]] = [batch[j], batch[i]];
  }
  for (const m of batch) {
    const r = rng.float();
    if (r < 0.1) continue;
    if (r < 0.25) net.queue.push(m); // delayed to a later round
    else {
      net.deliverOne(m);
      if (r > 0.97) net.deliverOne(m);
    }
  }
}

function randomFault(net: Net, rng: Rng, ids: NodeId[]): void {
  const r = rng.float();
  const a = rng.pick(ids);
  const b = rng.pick(ids);
  if (r < 0.03 && a !== b) net.cut(a, b);
  else if (r < 0.045 && a !== b) net.cutOneWay(a, b);
  else if (r < 0.07) net.heal();
  else if (r < 0.085 && net.isUp(a) && net.upIds().length > 1) net.kill(a);
  else if (r < 0.11 && !net.isUp(a)) net.restart(a);
}

function maybeChangeMembership(net: Net, rng: Rng, ids: NodeId[]): void {
  const leader = net.leader();
  if (!leader || !rng.chance(0.02)) return;
  const voters = net.status(leader).voters;
  const outside = ids.filter((id) => !voters.includes(id) && net.isUp(id));
  if (outside.length > 0 && rng.chance(0.5)) net.proposeConfChange(leader, { type: 'addNode', nodeId: rng.pick(outside) });
  else if (voters.length > 3) net.proposeConfChange(leader, { type: 'removeNode', nodeId: rng.pick(voters) });
}

/**
 * Leader Completeness: a leader holds every entry committed in an earlier term (unless its
 * snapshot covers it). A stale leader of an older term may legitimately lack newer entries.
 */
function checkLeaders(net: Net, seed: number): void {
  for (const id of net.upIds()) {
    const st = net.status(id);
    if (st.role !== 'leader') continue;
    const disk = net.disks.get(id)!;
    const snapIndex = disk.snapshot ? disk.snapshot.meta.index : 0;
    const first = disk.entries.length > 0 ? disk.entries[0].index : snapIndex + 1;
    for (const [index, key] of net.appliedAt) {
      if (index <= snapIndex || net.committedBy.get(index)! >= st.term) continue;
      const e = disk.entries[index - first];
      if (!e || `${e.term}:${e.type}:${e.data}` !== key) {
        throw new Error(`seed ${seed}: leader completeness: leader ${id} (term ${net.status(id).term}) lacks committed entry ${index} (${key})`);
      }
    }
  }
}

/** Log Matching: two logs with the same term at an index agree on every entry up to it. */
function checkLogMatching(net: Net, ids: NodeId[], seed: number): void {
  const logs = ids.map((id) => new Map(net.disks.get(id)!.entries.map((e) => [e.index, e])));
  for (let x = 0; x < logs.length; x++) {
    for (let y = x + 1; y < logs.length; y++) {
      let agreeFrom = Infinity;
      const indexes = [...logs[x].keys()].filter((i) => logs[y].has(i)).sort((p, q) => q - p);
      for (const i of indexes) {
        const ex = logs[x].get(i)!;
        const ey = logs[y].get(i)!;
        if (ex.term === ey.term && agreeFrom === Infinity) agreeFrom = i;
        if (i <= agreeFrom && agreeFrom !== Infinity && (ex.term !== ey.term || ex.data !== ey.data)) {
          throw new Error(`seed ${seed}: log matching: ${ids[x]} and ${ids[y]} agree at ${agreeFrom} but differ at ${i}`);
        }
      }
    }
  }
}

/** After healing: a leader within bounded time, and a new entry applied on every voter. */
function liveness(net: Net, ids: NodeId[], seed: number): void {
  net.heal();
  net.dropIf = null;
  for (const id of ids) if (!net.isUp(id)) net.restart(id);
  net.deliver();
  // A proposal can be lost with a leader that is replaced before it commits; clients retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    let ticks = 0;
    for (; ticks < 200 && net.leader() === undefined; ticks++) net.tickAll();
    const leader = net.leader();
    if (!leader) throw new Error(`seed ${seed}: liveness: no leader ${ticks} ticks after healing`);
    const voters = net.status(leader).voters;
    const data = `final-${seed}-${attempt}`;
    const res = net.propose(leader, data);
    if (!res.ok) throw new Error(`seed ${seed}: liveness: leader ${leader} refused the final proposal: ${res.error}`);
    for (let i = 0; i < 40; i++) {
      net.tickAll();
      if (voters.every((id) => net.appliedData(id).includes(data))) return;
    }
  }
  throw new Error(`seed ${seed}: liveness: no final proposal was applied on every voter after 5 attempts`);
}

function runSeed(seed: number, opts: RunOptions): Net {
  const rng = new Rng(seed);
  const ids = rng.chance(0.5) ? ['n1', 'n2', 'n3'] : ['n1', 'n2', 'n3', 'n4', 'n5'];
  const net = new Net(ids, { seed, snapshotEvery: rng.pick([0, 6, 12]), raft: pickConfig(rng) });
  let proposals = 0;
  for (let step = 0; step < opts.steps; step++) {
    randomFault(net, rng, ids);
    if (opts.membership) maybeChangeMembership(net, rng, ids);
    if (rng.chance(0.35)) {
      const at = rng.pick(ids);
      if (net.isUp(at)) net.propose(at, `p${proposals++}`);
    }
    for (const id of net.upIds()) net.tick(id);
    chaoticRound(net, rng);
    checkLeaders(net, seed);
    if (step % 25 === 0) checkLogMatching(net, ids, seed);
  }
  checkLogMatching(net, ids, seed);
  if (!opts.membership) liveness(net, ids, seed);
  return net;
}

const only = process.env.SEED ? [Number(process.env.SEED)] : null;

describe('randomized runs', () => {
  it('200 seeds of drops, duplicates, reordering, delays, cuts, kills and snapshots: safe, then live once healed', () => {
    let committed = 0;
    let leaders = 0;
    for (const seed of only ?? Array.from({ length: 200 }, (_, i) => i + 1)) {
      const net = runSeed(seed, { membership: false, steps: 250 });
      committed += net.appliedAt.size;
      leaders += net.leaderOfTerm.size;
    }
    // The runs must actually do work, or the safety checks prove nothing.
    expect(committed).toBeGreaterThan((only ? 1 : 200) * 20);
    expect(leaders).toBeGreaterThan((only ? 1 : 200) * 2);
  });

  it('60 seeds with membership changes under the same faults stay safe', () => {
    let changes = 0;
    for (const seed of only ?? Array.from({ length: 60 }, (_, i) => 1000 + i)) {
      const net = runSeed(seed, { membership: true, steps: 250 });
      changes += [...net.appliedAt.values()].filter((k) => k.includes(':confChange:')).length;
    }
    expect(changes).toBeGreaterThan(only ? 0 : 60 * 3);
  });
});
