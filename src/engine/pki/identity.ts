// swarmkit identity.NewID: the IDs of nodes, clusters, services and tasks.
import type { Rng } from '../core/prng';
import { base36 } from './encoding';

const ID_ENTROPY_BYTES = 17;
const ID_LENGTH = 25;

/**
 * 17 random bytes with the top bit set, in base 36, characters [1, 26). Setting the top bit fixes
 * the length of the base-36 text at 27, so slicing needs no padding; dropping the first character
 * removes the digit the set bit biases.
 */
export function newId(rng: Rng): string {
  const bytes = rng.bytes(ID_ENTROPY_BYTES);
  bytes[0] |= 0x80;
  return base36(bytes).slice(1, ID_LENGTH + 1);
}
