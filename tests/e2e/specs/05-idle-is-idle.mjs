// A paused page does no work: no animation frames, no timers, almost no main-thread time. Play
// starts the frame loop; pause stops it again; a single step runs once and leaves it idle.
import { assert, openApp, snapshot, waitForSnapshot } from '../lib/app.mjs';

/** Counts every frame and timer the page asks for, from before any page script runs. */
function countScheduling() {
  const counts = { raf: 0, timeout: 0, interval: 0 };
  window.__scheduling = counts;
  const wrap = (name, key) => {
    const original = window[name].bind(window);
    window[name] = (...args) => {
      counts[key] += 1;
      return original(...args);
    };
  };
  wrap('requestAnimationFrame', 'raf');
  wrap('setTimeout', 'timeout');
  wrap('setInterval', 'interval');
}

async function quietSecond(page, cdp) {
  await page.evaluate(() => Object.keys(window.__scheduling).forEach((k) => (window.__scheduling[k] = 0)));
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const t0 = await taskSeconds();
  const before = await snapshot(page);
  await page.waitForTimeout(1000);
  const after = await snapshot(page);
  const busyMs = ((await taskSeconds()) - t0) * 1000;
  const counts = await page.evaluate(() => ({ ...window.__scheduling }));
  return { counts, busyMs, advancedMs: after.nowMs - before.nowMs };
}

function assertQuiet(q, when) {
  assert(q.counts.raf === 0, `${when}: ${q.counts.raf} animation frames requested in 1 s`);
  assert(q.counts.timeout === 0 && q.counts.interval === 0, `${when}: timers set in 1 s: ${JSON.stringify(q.counts)}`);
  assert(q.advancedMs === 0, `${when}: virtual time moved ${q.advancedMs} ms`);
  // The test's own polling costs a little main-thread time; an animating page costs far more.
  assert(q.busyMs < 60, `${when}: main thread busy ${q.busyMs.toFixed(1)} ms in 1 s`);
}

async function idleIsIdle({ browser, url }) {
  const app = await openApp(browser, url, '?seed=1&play=0', { initScript: countScheduling });
  try {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(300);
    assertQuiet(await quietSecond(page, cdp), 'paused from the start');

    await page.keyboard.press('Space');
    const start = (await snapshot(page)).nowMs;
    await waitForSnapshot(page, 'virtual time to move while playing', (s) => s.playing && s.nowMs > start + 200);
    const frames = await page.evaluate(() => window.__scheduling.raf);
    assert(frames > 0, 'playing requested no animation frames');

    await page.keyboard.press('Space');
    await waitForSnapshot(page, 'paused', (s) => !s.playing);
    await page.waitForTimeout(200);
    assertQuiet(await quietSecond(page, cdp), 'paused after playing');

    const beforeStep = await snapshot(page);
    await page.keyboard.press('s');
    await waitForSnapshot(page, 'one step to run', (s) => s.nowMs > beforeStep.nowMs && !s.playing);
    await page.waitForTimeout(200);
    assertQuiet(await quietSecond(page, cdp), 'paused after a single step');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [{ name: 'a paused page requests no frames or timers and stays idle', run: idleIsIdle }];
