// Killing the leader by clicking it: a different node becomes leader in a higher term within a
// bounded virtual time; the dead node's Web Worker is terminated, it is drawn DOWN, and it comes
// back (in a fresh Web Worker) from its disk on restart. The swarm's 3 managers and 2 workers each
// run in their own Web Worker.
import { assert, describe, leaders, openApp, screenshot, snapshot, waitForSnapshot } from '../lib/app.mjs';

/** Election timeout is at most 20 s; allow a couple of split votes on top. */
const NEW_LEADER_WITHIN_MS = 60_000;

async function killLeader({ browser, url }) {
  const app = await openApp(browser, url, '?seed=3&speed=100&host=worker');
  try {
    const { page } = app;
    const first = await waitForSnapshot(page, 'a first leader', (s) => leaders(s).length === 1);
    assert(first.liveWorkers === 5, `expected one Web Worker per node, found ${first.liveWorkers}`);
    const before = leaders(first)[0];
    await page.getByRole('button', { name: new RegExp(`^${before.id}, leader`) }).click();
    await page.getByRole('button', { name: `Kill ${before.id}` }).click();
    const killed = await waitForSnapshot(page, `${before.id} down`, (s) => !s.nodes.find((n) => n.id === before.id).up);
    assert(killed.liveWorkers === 4, `the killed node's worker should be terminated; ${killed.liveWorkers} alive`);
    await page.getByRole('button', { name: `${before.id}, down` }).waitFor();
    assert(await page.getByText('DOWN', { exact: true }).isVisible(), 'the dead node has no DOWN label');

    const after = await waitForSnapshot(page, 'a new leader', (s) => leaders(s).some((n) => n.id !== before.id));
    const leader = leaders(after).find((n) => n.id !== before.id);
    assert(leader.term > before.term, `new leader ${leader.id} has term ${leader.term}, not above ${before.term}`);
    assert(
      after.nowMs - killed.nowMs <= NEW_LEADER_WITHIN_MS,
      `new leader only ${after.nowMs - killed.nowMs} ms after the kill:\n${describe(after)}`,
    );
    await page.getByRole('button', { name: new RegExp(`^${leader.id}, leader`) }).waitFor();
    await page.getByText(new RegExp(`${before.id} was killed`)).first().waitFor();
    await screenshot(page, 'leader-killed');

    await page.getByRole('button', { name: `Restart ${before.id}` }).click();
    const back = await waitForSnapshot(page, `${before.id} back as a follower of ${leader.id}`, (s) => {
      const n = s.nodes.find((x) => x.id === before.id);
      return n.up && n.role === 'follower' && n.lead !== '' && n.term >= leader.term;
    });
    assert(back.liveWorkers === 5, `restart should start a fresh worker; ${back.liveWorkers} alive`);
    assert(leaders(back).length === 1, `expected one leader after the restart:\n${describe(await snapshot(page))}`);
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [{ name: 'killing the leader by clicking it elects a different leader', run: killLeader }];
