// State Machine Safety (Figure 3): if a server has applied a log entry at a given index, no other
// server ever applies a different entry at that index (restarted incarnations included).
import type { NodeEvent } from '../../engine/index';
import type { Checker } from './types';

export class StateMachineSafety implements Checker {
  private readonly applied: { digest: string; term: number; node: string }[] = [];

  onEvent(node: string, event: NodeEvent): string | null {
    if (event.type !== 'applied') return null;
    const earlier = this.applied[event.index];
    if (!earlier) {
      this.applied[event.index] = { digest: event.digest, term: event.term, node };
      return null;
    }
    if (earlier.digest !== event.digest || earlier.term !== event.term) {
      return (
        `${node} applied entry ${event.index} (term ${event.term}, digest ${event.digest}) but ${earlier.node} ` +
        `applied term ${earlier.term}, digest ${earlier.digest} there`
      );
    }
    return null;
  }
}
