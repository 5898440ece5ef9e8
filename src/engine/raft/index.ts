// The Raft engine's public surface.
export { RawNode } from './rawnode';
export { decodeConfChange, encodeConfChange } from './confchange';
export { quorumSize } from './quorum';
export {
  describeEntries, describeEntry, describeHardState, describeMessage, describeReady,
  describeSnapshot, describeSoftState,
} from './describe';
export * from './types';
