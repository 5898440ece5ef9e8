// Every user intent is one named action: buttons, keys, the terminal, lessons and replays all go
// through these. They arrive from URLs and files too, so they are validated, never trusted.
import { z } from 'zod';

export const NODE_NAME = /^node-[1-9][0-9]{0,2}$/;
export const MAX_MANAGERS = 9;
/** Managers and workers together. */
export const MAX_NODES = 64;

const nodeName = z.string().regex(NODE_NAME, { message: "expected a node name like 'node-1'" });

export const UserActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('kill'), node: nodeName }),
  z.strictObject({ type: z.literal('restart'), node: nodeName }),
  z.strictObject({ type: z.literal('cut'), from: nodeName, to: nodeName, both: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('heal'), from: nodeName, to: nodeName, both: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('isolate'), node: nodeName }),
  z.strictObject({ type: z.literal('healAll') }),
  z.strictObject({ type: z.literal('propose'), node: nodeName.optional(), value: z.string().min(1).max(256) }),
  z.strictObject({ type: z.literal('setLoss'), ratio: z.number().min(0).max(1) }),
  z.strictObject({
    type: z.literal('setLatency'),
    latencyMs: z.number().int().min(0).max(60_000),
    jitterMs: z.number().int().min(0).max(60_000),
  }),
  z.strictObject({ type: z.literal('transferLeader'), to: nodeName }),
  z.strictObject({ type: z.literal('addManager') }),
  z.strictObject({ type: z.literal('removeManager'), node: nodeName }),
  z.strictObject({ type: z.literal('setPreVote'), enabled: z.boolean() }),
  /**
   * A new machine runs `docker swarm join` through a manager. token: the current token of the role
   * ('valid'), the same with a made-up secret ('wrong'), the role's previous token after a rotation
   * ('rotated'), or a token of another swarm ('otherSwarm': its digest pins a different CA).
   */
  z.strictObject({
    type: z.literal('joinNode'),
    role: z.enum(['manager', 'worker']),
    token: z.enum(['valid', 'wrong', 'rotated', 'otherSwarm']).default('valid'),
    via: nodeName.optional(),
  }),
  z.strictObject({ type: z.literal('rotateJoinToken'), role: z.enum(['manager', 'worker']) }),
  z.strictObject({ type: z.literal('rotateCA') }),
  /** `docker swarm update --cert-expiry`; below 1 h the manager refuses it, as swarmkit does. */
  z.strictObject({ type: z.literal('setCertExpiry'), hours: z.number().min(0).max(1_000_000) }),
  z.strictObject({ type: z.literal('removeNode'), node: nodeName, force: z.boolean().default(false) }),
]);

export type UserAction = z.output<typeof UserActionSchema>;
export type UserActionInput = z.input<typeof UserActionSchema>;
export type UserActionType = UserAction['type'];

export const TimedActionSchema = z.strictObject({
  atMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  action: UserActionSchema,
});

export type TimedAction = z.output<typeof TimedActionSchema>;

/** Node names an action refers to, for checking that they exist when it runs. */
export function nodesNamedBy(action: UserAction): { field: string; node: string }[] {
  switch (action.type) {
    case 'kill':
    case 'restart':
    case 'isolate':
    case 'removeManager':
    case 'removeNode':
      return [{ field: 'node', node: action.node }];
    case 'joinNode':
      return action.via === undefined ? [] : [{ field: 'via', node: action.via }];
    case 'propose':
      return action.node === undefined ? [] : [{ field: 'node', node: action.node }];
    case 'cut':
    case 'heal':
      return [
        { field: 'from', node: action.from },
        { field: 'to', node: action.to },
      ];
    case 'transferLeader':
      return [{ field: 'to', node: action.to }];
    default:
      return [];
  }
}

/** Plain words for the event list. */
export function describeAction(action: UserAction): string {
  switch (action.type) {
    case 'kill':
      return `kill ${action.node}`;
    case 'restart':
      return `restart ${action.node}`;
    case 'cut':
      return `cut ${action.from} ${action.both ? '<->' : '->'} ${action.to}`;
    case 'heal':
      return `heal ${action.from} ${action.both ? '<->' : '->'} ${action.to}`;
    case 'isolate':
      return `isolate ${action.node}`;
    case 'healAll':
      return 'heal every link';
    case 'propose':
      return `propose x=${action.value}${action.node ? ` via ${action.node}` : ''}`;
    case 'setLoss':
      return `set message loss to ${Math.round(action.ratio * 1000) / 10}%`;
    case 'setLatency':
      return `set latency to ${action.latencyMs} ms +/- ${action.jitterMs} ms`;
    case 'transferLeader':
      return `transfer leadership to ${action.to}`;
    case 'addManager':
      return 'add a manager';
    case 'removeManager':
      return `remove manager ${action.node}`;
    case 'setPreVote':
      return `turn PreVote ${action.enabled ? 'on' : 'off'} (takes effect as nodes restart)`;
    case 'joinNode':
      return `join a ${action.role}${TOKEN_WORDS[action.token]}${action.via ? ` via ${action.via}` : ''}`;
    case 'rotateJoinToken':
      return `docker swarm join-token --rotate ${action.role}`;
    case 'rotateCA':
      return 'docker swarm ca --rotate';
    case 'setCertExpiry':
      return `docker swarm update --cert-expiry ${action.hours}h`;
    case 'removeNode':
      return `docker node rm${action.force ? ' --force' : ''} ${action.node}`;
  }
}

const TOKEN_WORDS = { valid: '', wrong: ' with a wrong token', rotated: ' with its old (rotated) token', otherSwarm: " with another swarm's token" } as const;

/** The role of the node an action adds, or null when it adds none. */
export function addedNodeRole(action: UserAction): 'manager' | 'worker' | null {
  if (action.type === 'addManager') return 'manager';
  if (action.type === 'joinNode') return action.role;
  return null;
}
