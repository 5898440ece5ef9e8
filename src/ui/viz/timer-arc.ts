// The election timer drawn as an arc that fills clockwise from the top as a follower's
// electionElapsed approaches its randomizedElectionTimeout. Between ticks the fill is interpolated
// from virtual time, so it moves smoothly instead of jumping once per tick.
import { arc } from 'd3';

export interface TimerInput {
  electionElapsed: number;
  randomizedElectionTimeout: number;
  nextTickMs: number;
}

/** How full the timer is, in [0, 1], at virtual time nowMs. */
export function timerFraction(t: TimerInput, nowMs: number, tickMs: number): number {
  if (t.randomizedElectionTimeout <= 0 || tickMs <= 0) return 0;
  const untilTick = Math.min(tickMs, Math.max(0, t.nextTickMs - nowMs));
  const sinceTick = 1 - untilTick / tickMs;
  return Math.min(1, Math.max(0, (t.electionElapsed + sinceTick) / t.randomizedElectionTimeout));
}

const arcPath = arc<{ innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }>();

/** SVG path of a ring sector around a node centred at (0, 0). */
export function timerArcPath(nodeRadius: number, fraction: number): string {
  return (
    arcPath({ innerRadius: nodeRadius + 4, outerRadius: nodeRadius + 9, startAngle: 0, endAngle: 2 * Math.PI * fraction }) ?? ''
  );
}
