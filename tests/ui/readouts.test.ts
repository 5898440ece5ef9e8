// Small readouts the page shows: the election timer's fill, the log speed slider, clock and
// speed text, and what a message label is drawn as.
import { describe, expect, it } from 'vitest';
import { formatClock, formatSpeed } from '../../src/ui/components/format';
import { sliderToSpeed, SLIDER_STEPS, speedToSlider } from '../../src/ui/controls/speed-scale';
import { messageStyle } from '../../src/ui/viz/message-style';
import { timerArcPath, timerFraction } from '../../src/ui/viz/timer-arc';

describe('election timer', () => {
  const t = { electionElapsed: 5, randomizedElectionTimeout: 10, nextTickMs: 10_500 };

  it('interpolates between ticks from virtual time', () => {
    expect(timerFraction(t, 10_000, 1000)).toBeCloseTo(0.55);
    expect(timerFraction(t, 10_500, 1000)).toBeCloseTo(0.6);
    expect(timerFraction(t, 9_500, 1000)).toBeCloseTo(0.5);
  });

  it('stays within [0, 1] and is empty without a timeout', () => {
    expect(timerFraction({ ...t, electionElapsed: 12 }, 10_000, 1000)).toBe(1);
    expect(timerFraction({ ...t, randomizedElectionTimeout: 0 }, 10_000, 1000)).toBe(0);
    expect(timerArcPath(40, 0)).not.toContain('NaN');
    expect(timerArcPath(40, 0.5)).toMatch(/^M/);
  });
});

describe('speed slider', () => {
  it('spans 0.1x to 100x on a log scale with 1x a third of the way', () => {
    expect(sliderToSpeed(0)).toBe(0.1);
    expect(sliderToSpeed(SLIDER_STEPS)).toBe(100);
    expect(speedToSlider(1)).toBe(SLIDER_STEPS / 3);
    expect(speedToSlider(10)).toBe((2 * SLIDER_STEPS) / 3);
  });

  it('round-trips speeds and clamps outside the range', () => {
    for (const s of [0.1, 0.5, 1, 2.5, 20, 100]) expect(sliderToSpeed(speedToSlider(s))).toBeCloseTo(s, 1);
    expect(speedToSlider(1000)).toBe(SLIDER_STEPS);
    expect(speedToSlider(0.001)).toBe(0);
  });
});

describe('formats', () => {
  it('shows virtual time as m:ss.t and h:mm:ss.t', () => {
    expect(formatClock(0)).toBe('0:00.0');
    expect(formatClock(83_456)).toBe('1:23.4');
    expect(formatClock(3_723_000)).toBe('1:02:03.0');
  });

  it('shows speeds compactly', () => {
    expect(formatSpeed(0.1)).toBe('0.1x');
    expect(formatSpeed(0.25)).toBe('0.25x');
    expect(formatSpeed(1)).toBe('1x');
    expect(formatSpeed(2.5)).toBe('2.5x');
    expect(formatSpeed(40)).toBe('40x');
  });
});

describe('message styles', () => {
  it('gives requests and replies the same colour but different fill', () => {
    const app = messageStyle('AppendEntries');
    const resp = messageStyle('AppendResp');
    expect(app.colour).toBe(resp.colour);
    expect(app.shape).toBe('circle');
    expect(resp.shape).toBe('ring');
    expect(messageStyle('RequestVote').shape).toBe('triangle');
    expect(messageStyle('PreVoteResp').shape).toBe('diamond-open');
  });

  it('draws unknown labels with the catch-all style', () => {
    expect(messageStyle('SomethingNew').name).toMatch(/^Other/);
    expect(messageStyle('InstallSnapshot').name).toMatch(/^Other/);
  });
});
