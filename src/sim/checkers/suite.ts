// All safety checkers behind one set of hooks; the first finding stops the run.
import type { DiskWrite, NodeEvent, Role } from '../../engine/index';
import { ElectionSafety } from './election-safety';
import { LeaderAppendOnly } from './leader-append-only';
import { LeaderCompleteness } from './leader-completeness';
import { LogMatching } from './log-matching';
import { StateMachineSafety } from './state-machine-safety';
import type { Checker, CheckerName, DiskView, Finding } from './types';

export class SafetyCheckers {
  private readonly checkers: [CheckerName, Checker][] = [
    ['electionSafety', new ElectionSafety()],
    ['leaderAppendOnly', new LeaderAppendOnly()],
    ['logMatching', new LogMatching()],
    ['leaderCompleteness', new LeaderCompleteness()],
    ['stateMachineSafety', new StateMachineSafety()],
  ];

  beforeWrite(node: string, role: Role, disk: DiskView, write: DiskWrite): Finding | null {
    for (const [checker, c] of this.checkers) {
      const detail = c.beforeWrite?.(node, role, disk, write);
      if (detail) return { checker, detail };
    }
    return null;
  }

  afterWrite(node: string, disk: DiskView, write: DiskWrite): Finding | null {
    for (const [checker, c] of this.checkers) {
      const detail = c.afterWrite?.(node, disk, write);
      if (detail) return { checker, detail };
    }
    return null;
  }

  onEvent(node: string, event: NodeEvent, disk: DiskView): Finding | null {
    if (event.type !== 'applied' && event.type !== 'becameLeader') return null;
    for (const [checker, c] of this.checkers) {
      const detail = c.onEvent?.(node, event, disk);
      if (detail) return { checker, detail };
    }
    return null;
  }
}
