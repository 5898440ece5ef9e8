// Browser benchmarks in headless Chromium against the built app: WorkerHost real-time factor and
// frame times while the page draws, and how long node workers take to start.
import { launchBrowser } from '../e2e/lib/browser.mjs';
import { openApp } from '../e2e/lib/app.mjs';
import { buildOnce, serve } from '../e2e/lib/server.mjs';

async function realtime(browser, url, speed, wallMs, security = 'mtls') {
  const app = await openApp(browser, url, `?seed=3&managers=7&workers=0&security=${security}&host=worker&latency=5&play=0`);
  try {
    // Warm up past the start (every connection's first handshake, the first election): the
    // figure is the steady state.
    await app.page.evaluate(() => window.swarmscope.measureRealtime(1000, 3000));
    return await app.page.evaluate(([s, ms]) => window.swarmscope.measureRealtime(s, ms), [speed, wallMs]);
  } finally {
    await app.close();
  }
}

async function workerStart(browser, url, n) {
  const app = await openApp(browser, url, '?seed=1&play=0&host=inline');
  try {
    return await app.page.evaluate((count) => window.swarmscope.startWorkers(count), n);
  } finally {
    await app.close();
  }
}

/** Returns [name, value, unit] rows. */
export async function benchBrowser(root, { quick }) {
  await buildOnce(root);
  const server = await serve(root);
  const browser = await launchBrowser();
  const rows = [];
  try {
    const wallMs = quick ? 4000 : 10_000;
    const fast = await realtime(browser, server.url, 1000, wallMs);
    rows.push(['workerhost_7_managers_realtime_factor', fast.ratio, 'x']);
    rows.push(['workerhost_7_managers_frame_p95_at_max_speed', fast.frameP95Ms, 'ms']);
    const bare = await realtime(browser, server.url, 1000, wallMs, 'none');
    rows.push(['workerhost_7_managers_raft_only_realtime_factor', bare.ratio, 'x']);
    const oneX = await realtime(browser, server.url, 1, wallMs);
    rows.push(['workerhost_7_managers_frame_p95_at_1x', oneX.frameP95Ms, 'ms']);
    rows.push(['worker_start_50_nodes', await workerStart(browser, server.url, 50), 'ms']);
    rows.push(['worker_start_100_nodes', await workerStart(browser, server.url, 100), 'ms']);
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
