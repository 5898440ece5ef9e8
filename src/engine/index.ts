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
export { bootNode, SimNode, type NodeBootArgs } from './node/sim-node';
