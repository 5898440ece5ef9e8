// Carries out one user action at the current virtual time. Actions are processed alone (never
// inside a batching window) because they change what the window would see: who is up, which
// links are cut, how long messages take.
import { deriveSeed, Rng, wallMs, type KvOp } from '../../engine/index';
import { otherSwarmToken, wrongSecretToken } from './founding';
import type { MaybePromise } from '../host/types';
import { describeAction, type UserAction } from '../scenario/actions';
import type { Kernel } from './kernel';
import { andThen } from './maybe';

export interface ActionContext {
  k: Kernel;
  /** Number of the next UI proposal ("proposal 7"). */
  nextProposal(): number;
  /** Told about each UI proposal as it is sent (the sweep's history includes them). */
  onProposal(n: number, op: KvOp): void;
}

export function runAction(ctx: ActionContext, action: UserAction): MaybePromise<void> {
  const k = ctx.k;
  k.record({ t: k.nowMs, k: 'action', action: JSON.stringify(action) });
  k.emit(null, 'action', describeAction(action));
  switch (action.type) {
    case 'kill':
      return kill(k, action.node);
    case 'restart':
      return restart(k, action.node);
    case 'cut':
    case 'heal':
      return setLink(k, action.from, action.to, action.both, action.type === 'cut');
    case 'isolate':
      k.network.isolate(action.node);
      return k.emit(action.node, 'network', `${action.node} isolated: every link to and from it is cut`);
    case 'healAll':
      k.network.healAll();
      return k.emit(null, 'network', 'every link healed');
    case 'setLoss':
      k.network.setLoss(action.ratio);
      return k.emit(null, 'network', `every link now loses ${Math.round(action.ratio * 1000) / 10}% of messages`);
    case 'setLatency':
      k.network.setLatency(action.latencyMs, action.jitterMs);
      k.updateLookahead();
      return k.emit(null, 'network', `every link now takes ${action.latencyMs} ms +/- ${action.jitterMs} ms`);
    case 'propose':
      return propose(ctx, action.value, action.node);
    case 'transferLeader':
      return toLeader(k, 'transfer leadership', { kind: 'transferLeader', to: action.to });
    case 'addManager':
      return k.cfg.options.security === 'mtls' ? joinNode(k, 'manager', 'valid', undefined) : addManager(k);
    case 'joinNode':
      return joinNode(k, action.role, action.token, action.via);
    case 'rotateJoinToken':
      return toLeader(k, 'rotate the join token', { kind: 'swarm', command: { cmd: 'rotateJoinToken', role: action.role } });
    case 'rotateCA':
      return toLeader(k, 'rotate the CA', { kind: 'swarm', command: { cmd: 'rotateCA' } });
    case 'setCertExpiry':
      return toLeader(k, 'change the certificate expiry', { kind: 'swarm', command: { cmd: 'setCertExpiry', ms: Math.round(action.hours * 3_600_000) } });
    case 'removeNode':
      return toLeader(k, `remove ${action.node}`, { kind: 'swarm', command: { cmd: 'removeNode', hostname: action.node, force: action.force } });
    case 'removeManager':
      return toLeader(k, `remove ${action.node}`, { kind: 'removeMember', nodeId: action.node });
    case 'setPreVote':
      k.preVote = action.enabled;
      return k.emit(null, 'config', `PreVote ${action.enabled ? 'on' : 'off'} for nodes booted from now on`);
  }
}

function kill(k: Kernel, node: string): void {
  const slot = k.slot(node);
  if (!slot.up) return k.emit(node, 'killed', `${node} is already down`);
  k.killSlot(slot);
  k.emit(node, 'killed', `${node} was killed`);
}

function restart(k: Kernel, node: string): MaybePromise<void> {
  const slot = k.slot(node);
  if (slot.up) kill(k, node);
  const d = slot.disk;
  k.emit(node, 'restarted', `${node} restarted from its disk (term ${d.hardState.term}, log ${d.firstIndex}..${d.lastIndex}, snapshot at ${d.snapshotIndex})`);
  return k.bootSlot(slot);
}

function setLink(k: Kernel, from: string, to: string, both: boolean, cut: boolean): void {
  k.network.setCut(from, to, cut);
  if (both) k.network.setCut(to, from, cut);
  k.emit(null, 'network', `link ${from} ${both ? '<->' : '->'} ${to} ${cut ? 'cut' : 'healed'}`);
}

function propose(ctx: ActionContext, value: string, via: string | undefined): void {
  const k = ctx.k;
  const n = ctx.nextProposal();
  const node = via ?? leaderOf(k) ?? k.slots[0].id;
  const op: KvOp = { op: 'put', key: 'x', value };
  k.scheduleInput(node, { kind: 'client', clientId: 0, reqId: n, op }, k.nowMs);
  ctx.onProposal(n, op);
  k.emit(node, 'proposal', `proposal ${n} (put x=${value}) sent to ${node}`);
}

function toLeader(k: Kernel, what: string, input: Parameters<Kernel['scheduleInput']>[1]): void {
  const leader = leaderOf(k);
  if (!leader) return k.emit(null, 'action', `no leader to ${what}`);
  k.scheduleInput(leader, input, k.nowMs);
}

function addManager(k: Kernel): MaybePromise<void> {
  const id = `node-${k.slots.length + 1}`;
  const slot = k.addSlot(id, []);
  k.emit(id, 'restarted', `${id} started with an empty disk, waiting to be added`);
  return andThen(k.bootSlot(slot), () => toLeader(k, `add ${id}`, { kind: 'addMember', nodeId: id }));
}

/** `docker swarm join --token <token> <via>:2377` on a brand-new machine. */
function joinNode(k: Kernel, role: 'manager' | 'worker', kind: 'valid' | 'wrong' | 'rotated' | 'otherSwarm', via: string | undefined): MaybePromise<void> {
  const id = `node-${k.slots.length + 1}`;
  const target = via ?? leaderOf(k) ?? k.slots.find((s) => s.up && s.status?.raft)?.id ?? 'node-1';
  const rng = new Rng(deriveSeed(k.cfg.seed, 'join-token', k.nowMs, id));
  const current = k.tokens.current(role);
  let token: string;
  if (!current) token = otherSwarmToken(rng, wallMs(k.nowMs));
  else if (kind === 'valid') token = current;
  else if (kind === 'wrong') token = wrongSecretToken(current, rng);
  else if (kind === 'rotated') token = k.tokens.previous(role) ?? wrongSecretToken(current, rng);
  else token = otherSwarmToken(rng, wallMs(k.nowMs));
  if (kind === 'rotated' && !k.tokens.previous(role)) k.emit(id, 'action', `the ${role} token was never rotated: ${id} uses a made-up secret instead`);
  const slot = k.addSlot(id, []);
  slot.swarm = { start: 'join', token, via: target };
  k.emit(id, 'restarted', `${id} started with an empty disk and runs docker swarm join via ${target}`);
  return k.bootSlot(slot);
}

/** The live node that believes it leads the highest term (there can be a stale one below it). */
export function leaderOf(k: Kernel): string | null {
  let best: { id: string; term: number } | null = null;
  for (const s of k.slots) {
    const st = s.status;
    if (s.up && st?.role === 'leader' && (!best || st.term > best.term)) best = { id: s.id, term: st.term };
  }
  return best?.id ?? null;
}
