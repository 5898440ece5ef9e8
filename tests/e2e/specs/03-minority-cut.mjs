// A follower cut off from the others (by clicking links, or with the node's Isolate button): it
// never becomes leader while cut. With PreVote off its term keeps rising (each election timeout
// starts an election it cannot win); with PreVote on it only pre-votes and its term stays put.
// The majority keeps its leader and term and commits a proposal. After healing, all nodes agree
// on leader, term and commit index. Runs on InlineHost (the kill test covers workers).
import { assert, describe, leaders, managers, openApp, screenshot, snapshot, waitForSnapshot } from '../lib/app.mjs';

const CUT_FOR_MS = 60_000;
const AGREE_WITHIN_MS = 60_000;

function pairName(a, b) {
  return a < b ? `${a} – ${b}` : `${b} – ${a}`;
}

async function setLinks(page, node, others, verb) {
  for (const other of others) {
    const [a, b] = node < other ? [node, other] : [other, node];
    // Keyboard, not a click: at 100x a packet dot on the canvas above the link may take the click.
    const link = page.getByRole('button', { name: new RegExp(`^link ${pairName(a, b)}`) });
    await link.focus();
    await link.press('Enter');
    await page.getByRole('button', { name: `${verb} both ways between ${a} and ${b}` }).click();
  }
}

/** Records, inside the page, every role and term the watched node shows while we wait. */
function watch(page, id) {
  return page.evaluate((nodeId) => {
    const w = { wasLeader: false, maxTerm: 0 };
    window.__watch = w;
    window.__unwatch = window.swarmscope.store.subscribe((s) => {
      const n = s.view?.nodes.find((x) => x.id === nodeId);
      if (!n?.status) return;
      if (n.up && n.status.role === 'leader') w.wasLeader = true;
      w.maxTerm = Math.max(w.maxTerm, n.status.term);
    });
  }, id);
}

/** The managers agree (the swarm's workers take no part in Raft). */
function agreed(s) {
  const ms = managers(s);
  const up = ms.filter((n) => n.up);
  const lead = up[0]?.lead;
  return (
    up.length === ms.length &&
    leaders(s).length === 1 &&
    lead !== '' &&
    up.every((n) => n.lead === lead && n.term === up[0].term && n.commit === up[0].commit)
  );
}

async function minorityCut({ browser, url }, preVote) {
  const app = await openApp(browser, url, `?seed=5&speed=100&prevote=${preVote ? 1 : 0}&host=inline`);
  try {
    const { page } = app;
    const start = await waitForSnapshot(page, 'an agreed cluster', agreed);
    const leader = leaders(start)[0];
    const minority = start.nodes.find((n) => n.role === 'follower');
    const others = managers(start).filter((n) => n.id !== minority.id).map((n) => n.id);
    await watch(page, minority.id);
    if (preVote) {
      await page.getByRole('button', { name: new RegExp(`^${minority.id}, `) }).click();
      await page.getByRole('button', { name: `Isolate ${minority.id}` }).click();
    } else {
      await setLinks(page, minority.id, others, 'Cut');
    }
    const cutAt = (await snapshot(page)).nowMs;
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    const during = await waitForSnapshot(page, `${CUT_FOR_MS} ms of cut`, (s) => s.nowMs >= cutAt + CUT_FOR_MS, { timeoutMs: 30_000 });
    await screenshot(page, `minority-cut-prevote-${preVote ? 'on' : 'off'}`);
    const w = await page.evaluate(() => window.__watch);
    const m = during.nodes.find((n) => n.id === minority.id);
    assert(!w.wasLeader, `${minority.id} became leader while cut off`);
    if (preVote) {
      assert(w.maxTerm === minority.term, `with PreVote on ${minority.id}'s term should stay ${minority.term}; it reached ${w.maxTerm}`);
      assert(m.role === 'pre-candidate', `with PreVote on ${minority.id} should be pre-candidate, not ${m.role}`);
    } else {
      assert(m.term >= minority.term + 2, `with PreVote off ${minority.id}'s term should rise; it went ${minority.term} -> ${m.term}`);
      assert(m.role === 'candidate', `with PreVote off ${minority.id} should be candidate, not ${m.role}`);
    }
    const majority = leaders(during).filter((n) => n.id !== minority.id);
    assert(majority.length === 1 && majority[0].id === leader.id && majority[0].term === leader.term,
      `the majority should keep ${leader.id} as leader in term ${leader.term}:\n${describe(during)}`);
    assert(majority[0].commit > m.commit, `the majority should commit the proposal, the cut node not:\n${describe(during)}`);

    await setLinks(page, minority.id, others, 'Heal');
    const healedAt = (await snapshot(page)).nowMs;
    const end = await waitForSnapshot(page, 'agreement after healing', agreed, { timeoutMs: 30_000 });
    assert(end.nowMs - healedAt <= AGREE_WITHIN_MS, `agreement only ${end.nowMs - healedAt} ms after healing:\n${describe(end)}`);
    assert(managers(end).every((n) => n.commit >= majority[0].commit), `the proposal is not committed everywhere:\n${describe(end)}`);
    await page.evaluate(() => window.__unwatch());
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

export default [
  { name: 'a cut minority (PreVote off) cannot elect; its term rises; after healing all agree', run: (ctx) => minorityCut(ctx, false) },
  { name: 'an isolated node (PreVote on) cannot elect; its term stays; after healing all agree', run: (ctx) => minorityCut(ctx, true) },
];
