// Opening the app in a fresh browser context and reading its state through window.swarmscope.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/**
 * Opens the page with `query` (e.g. "?seed=7&host=worker") and waits until the simulation has
 * booted. Console errors and warnings and uncaught page errors are collected in `problems`.
 */
export async function openApp(browser, baseUrl, query = '', { initScript, viewport } = {}) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1360, height: 860 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(baseUrl + query);
  await page.waitForFunction(() => window.swarmscope?.snapshot().ready === true, null, { timeout: 30_000 });
  return { page, problems, close: () => context.close() };
}

/** { ready, nowMs, playing, speed, seed, host, nodes: [{ id, up, role, term, lead, commit, lastIndex }] } */
export function snapshot(page) {
  return page.evaluate(() => window.swarmscope.snapshot());
}

/**
 * Polls the app's snapshot until `predicate(snap)` returns true. On timeout the error says what
 * was awaited and shows the last snapshot, so a failure explains itself.
 */
export async function waitForSnapshot(page, what, predicate, { timeoutMs = 20_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await snapshot(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state:\n${describe(last)}`);
    await page.waitForTimeout(intervalMs);
  }
}

export function describe(snap) {
  if (!snap) return '(none)';
  const nodes = snap.nodes.map((n) => `  ${n.id} ${n.up ? n.role : 'DOWN'} term=${n.term} lead=${n.lead || '-'} commit=${n.commit} last=${n.lastIndex}`);
  return [`  t=${snap.nowMs}ms playing=${snap.playing} speed=${snap.speed} seed=${snap.seed} host=${snap.host}`, ...nodes].join('\n');
}

/** The nodes that run Raft: every node but the swarm's workers. */
export function managers(snap) {
  return snap.nodes.filter((n) => n.certRole !== 'worker' && n.role !== 'worker');
}

export function leaders(snap) {
  return snap.nodes.filter((n) => n.up && n.role === 'leader');
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
