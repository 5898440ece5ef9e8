// Election Safety (Raft paper, Figure 3): at most one leader can be elected in a given term,
// over the whole run, whatever restarts happen in between.
import type { NodeEvent } from '../../engine/index';
import type { Checker } from './types';

export class ElectionSafety implements Checker {
  private readonly leaders = new Map<number, string>();

  onEvent(node: string, event: NodeEvent): string | null {
    if (event.type !== 'becameLeader') return null;
    const earlier = this.leaders.get(event.term);
    if (earlier !== undefined && earlier !== node) {
      return `${node} became leader in term ${event.term}, but ${earlier} was already leader in that term`;
    }
    this.leaders.set(event.term, node);
    return null;
  }

  leaderOf(term: number): string | undefined {
    return this.leaders.get(term);
  }
}
