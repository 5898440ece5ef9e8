// The engine's public surface: the only module the simulator may import from src/engine.
export * from './core/prng';
export * from './raft/types';
export {
  describeEntries, describeEntry, describeHardState, describeMessage, describeReady, describeSnapshot,
  describeSoftState, decodeConfChange, encodeConfChange, quorumSize,
} from './raft/index';
export * from './node/types';
export * from './kv/kv-store';
export * from './kv/command';
export * from './node/entry-digest';
export { bootEngineNode, bootNode, SimNode, type EngineNode, type NodeBootArgs } from './node/sim-node';
export * from './pki/index';
export type * from './tls/types';
export { formSwarm, type FormedSwarm, type FormSwarmArgs } from './swarm/form';
export { SIM_EPOCH_MS, wallMs, virtualMs } from './swarm/clock';
export { isSwarmEntryData, decodeManagerSnapshot, describeSwarmEntry } from './store/entry';
export { CERT_FILE, KEY_FILE, ROOT_FILE, STATE_FILE } from './swarm/security';
