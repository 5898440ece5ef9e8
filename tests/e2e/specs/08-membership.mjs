// Membership and leadership from the page, on Web Workers: "Add manager" starts a new node (in a
// new Web Worker) that joins the swarm as a manager (certificate, then Raft), lands on the
// managers' ring and catches up to the leader's commit index; "Transfer leadership here"
// makes a follower the leader; "Remove from cluster" leaves the node running but drawn REMOVED.
import { assert, describe, leaders, openApp, screenshot, snapshot, waitForSnapshot } from '../lib/app.mjs';

async function membership({ browser, url }) {
  const app = await openApp(browser, url, '?seed=8&speed=50&host=worker');
  const { page } = app;
  try {
    const first = await waitForSnapshot(page, 'a leader', (s) => leaders(s).length === 1);
    const newId = `node-${first.nodes.length + 1}`;
    await page.getByRole('button', { name: 'Add manager' }).click();
    const grown = await waitForSnapshot(page, `${newId} caught up with the leader`, (s) => {
      const leader = leaders(s)[0];
      const added = s.nodes.find((n) => n.id === newId);
      return added?.up && added.certRole === 'manager' && leader && added.voters.includes(newId) && added.commit === leader.commit && leader.voters.length === 4;
    });
    assert(grown.liveWorkers === first.nodes.length + 1, `the new manager should run in its own Web Worker; ${grown.liveWorkers} alive`);
    const drawn = await page.getByRole('button', { name: /^node-\d+, (leader|follower)/ }).count();
    assert(drawn === 4, `expected 4 managers on the ring, found ${drawn}`);

    const leader = leaders(grown)[0];
    const target = grown.nodes.find((n) => n.id !== leader.id && n.role === 'follower');
    await page.getByRole('button', { name: new RegExp(`^${target.id}, follower`) }).click();
    await page.getByRole('button', { name: `Transfer leadership to ${target.id}` }).click();
    const moved = await waitForSnapshot(page, `${target.id} leading`, (s) => leaders(s).length === 1 && leaders(s)[0].id === target.id);
    assert(leaders(moved)[0].term > leader.term, `the transfer should start a new term:\n${describe(moved)}`);
    await page.getByRole('button', { name: new RegExp(`^${target.id}, leader`) }).waitFor();

    const victim = moved.nodes.find((n) => n.role === 'follower' && n.id !== newId);
    await page.getByRole('button', { name: new RegExp(`^${victim.id}, follower`) }).click();
    await page.getByRole('button', { name: `Remove ${victim.id} from the cluster` }).click();
    await page.getByRole('button', { name: new RegExp(`^${victim.id}, removed, `) }).waitFor();
    assert(await page.getByText('REMOVED', { exact: true }).isVisible(), 'the removed node has no REMOVED label');
    const after = await waitForSnapshot(page, `${victim.id} out of the leader's voters`, (s) => !leaders(s)[0]?.voters.includes(victim.id));
    assert(after.nodes.find((n) => n.id === victim.id).up, `${victim.id} should keep running after its removal`);
    await page.keyboard.press('Space');
    await screenshot(page, 'membership');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } catch (err) {
    throw new Error(`${err.message}\n${describe(await snapshot(page).catch(() => null))}`, { cause: err });
  } finally {
    await app.close();
  }
}

export default [{ name: 'add a manager, transfer leadership to a follower, remove a manager', run: membership }];
