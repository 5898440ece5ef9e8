// The page loads without console errors or warnings, shows a swarm of 3 managers and 2 workers by
// default (5 or 7 managers on request), and a leader is elected within a bounded virtual time.
import { assert, leaders, managers, openApp, screenshot, waitForSnapshot } from '../lib/app.mjs';

async function pageLoads({ browser, url }) {
  const app = await openApp(browser, url, '?seed=1&speed=20');
  try {
    const { page } = app;
    // Workers are named "node-N, worker, up"; managers by their Raft role.
    const managersDrawn = page.getByRole('button', { name: /^node-\d+, (leader|follower|candidate|pre-candidate)/ });
    const workersDrawn = page.getByRole('button', { name: /^node-\d+, worker, / });
    assert((await managersDrawn.count()) === 3, `expected 3 managers, found ${await managersDrawn.count()}`);
    assert((await workersDrawn.count()) === 2, `expected 2 workers, found ${await workersDrawn.count()}`);
    for (const name of ['Pause', 'Step one event', 'Propose value', 'New seed']) {
      assert(await page.getByRole('button', { name }).isVisible(), `control "${name}" is not visible`);
    }
    assert(await page.getByRole('slider', { name: 'Speed' }).isVisible(), 'speed slider missing');
    assert((await page.getByRole('button', { name: 'PreVote' }).getAttribute('aria-pressed')) === 'false', 'PreVote should be off');
    assert((await page.getByRole('button', { name: 'CheckQuorum' }).getAttribute('aria-pressed')) === 'true', 'CheckQuorum should be on');
    assert((await page.getByLabel('Seed', { exact: true }).textContent()) === '1', 'seed 1 should be shown');

    // Election timeout is 10-20 ticks of 1 s; one leader within 60 s of virtual time.
    const snap = await waitForSnapshot(page, 'a leader', (s) => leaders(s).length === 1, { timeoutMs: 20_000 });
    assert(snap.nowMs <= 60_000, `first leader only at ${snap.nowMs} ms`);
    const leader = leaders(snap)[0];
    await page.getByRole('button', { name: new RegExp(`^${leader.id}, leader`) }).waitFor();
    assert(await page.getByText('LEADER', { exact: true }).isVisible(), 'no LEADER label drawn');
    await page.getByText(/became leader in term/).first().waitFor();
    await screenshot(page, 'page-loaded');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

async function clusterSizes({ browser, url }) {
  const app = await openApp(browser, url, '?seed=2&speed=50');
  try {
    const { page } = app;
    for (const size of [5, 7]) {
      await page.getByRole('combobox', { name: 'Managers' }).selectOption(String(size));
      await waitForSnapshot(page, `${size} managers`, (s) => s.ready && managers(s).length === size && s.nodes.length === size + 2);
      const count = await page.getByRole('button', { name: /^node-\d+, (leader|follower|candidate|pre-candidate)/ }).count();
      assert(count === size, `expected ${size} managers drawn, found ${count}`);
      assert(new URL(page.url()).searchParams.get('managers') === String(size), 'URL does not carry the cluster size');
      await waitForSnapshot(page, `a leader among ${size}`, (s) => leaders(s).length === 1, { timeoutMs: 20_000 });
    }
    await page.getByRole('slider', { name: 'Speed' }).fill('0');
    await page.waitForTimeout(500);
    await screenshot(page, 'seven-managers');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [
  { name: 'page loads with 3 managers, no console errors, a leader appears', run: pageLoads },
  { name: 'the managers selector gives 5 and 7 managers', run: clusterSizes },
];
