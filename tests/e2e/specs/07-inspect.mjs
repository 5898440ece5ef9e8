// Inspecting while paused: clicking a message dot on the canvas shows that packet (its type in
// plain words, from and to, send and arrival times), and stepping on says when it was delivered.
// The node inspector's Raft log lists each entry under "committed" or "not committed yet",
// matching the node's commit index, before and after a proposal commits.
import { assert, describe, leaders, openApp, screenshot, snapshot, waitForSnapshot } from '../lib/app.mjs';

/** The page's clock format, m:ss.t. */
function clock(ms) {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${Math.floor(ms / 100) % 10}`;
}

async function pause(page) {
  if ((await snapshot(page)).playing) await page.keyboard.press('Space');
  await waitForSnapshot(page, 'paused', (s) => !s.playing);
}

/** Raft replication traffic between managers, by label (a packet carrying more says "+N"). */
const WORDS = { Heartbeat: 'AppendEntries (heartbeat)', HeartbeatResp: 'Heartbeat reply', AppendEntries: 'AppendEntries (log entries)', AppendResp: 'AppendEntries reply' };
const baseLabel = (label) => label.replace(/ \+\d+$/, '');

/**
 * Steps until some Raft packet between managers is drawn apart from the others (so a click cannot
 * pick a neighbour). Workers' dispatcher traffic also flies in a swarm; it is left alone here.
 */
async function lonePacket(page) {
  for (let i = 0; i < 60; i++) {
    const found = await page.evaluate((words) => {
      const { view } = window.swarmscope.store.getState();
      const workers = new Set(view.nodes.filter((n) => n.status?.raft === false).map((n) => n.id));
      const drawn = window.swarmscope.drawnPackets();
      const raft = (d) => {
        const m = view.inflight.find((x) => x.id === d.id);
        return m && m.fate === 'inflight' && !workers.has(m.from) && !workers.has(m.to) && words.includes(m.label.replace(/ \+\d+$/, '')) ? m : null;
      };
      const lone = drawn.find((d) => raft(d) && drawn.every((o) => o === d || Math.hypot(o.x - d.x, o.y - d.y) > 30));
      return lone ? { ...lone, message: raft(lone) } : null;
    }, Object.keys(WORDS));
    if (found) return found;
    await page.keyboard.press('s');
    await page.waitForTimeout(50);
  }
  throw new Error('no packet in flight to click');
}

/** The inspector's rows as { label: value }. */
function inspectorFacts(page) {
  return page.evaluate(() => {
    const dl = document.querySelector('.inspector dl');
    const out = {};
    for (const dt of dl?.querySelectorAll('dt') ?? []) out[dt.textContent] = dt.nextElementSibling?.textContent ?? '';
    return out;
  });
}

async function clickPacket({ browser, url }) {
  const app = await openApp(browser, url, '?seed=4&managers=5&speed=20&host=inline');
  try {
    const { page } = app;
    await waitForSnapshot(page, 'a leader', (s) => leaders(s).length === 1);
    await pause(page);
    const target = await lonePacket(page);
    const canvas = await page.locator('.swarm canvas').boundingBox();
    await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
    const m = target.message;
    const selected = await page.evaluate(() => window.swarmscope.store.getState().selection);
    assert(selected?.kind === 'packet' && selected.id === m.id, `clicking packet #${m.id} selected ${JSON.stringify(selected)}`);

    const heading = await page.locator('.inspector h3').textContent();
    assert(heading === WORDS[baseLabel(m.label)], `packet ${m.label} shown as "${heading}"`);
    const facts = await inspectorFacts(page);
    assert(facts['from → to'] === `${m.from} → ${m.to}`, `from/to shown as "${facts['from → to']}"`);
    assert(facts['sent at'] === clock(m.sendMs), `sent at "${facts['sent at']}", expected ${clock(m.sendMs)}`);
    assert(facts['arrives at'] === clock(m.recvMs), `arrives at "${facts['arrives at']}", expected ${clock(m.recvMs)}`);
    assert(facts['travel time'] === `${m.recvMs - m.sendMs} ms`, `travel time "${facts['travel time']}"`);
    assert(/^in flight, \d+% of the way$/.test(facts.fate), `fate "${facts.fate}"`);
    // Raft travels inside mTLS: the message, then the sealed record that carried it.
    assert(/^term \d+.*\(inside \d+ bytes of AES-128-GCM ciphertext\)$/.test(facts.carries), `carries "${facts.carries}"`);
    await screenshot(page, 'packet-selected');

    for (let i = 0; i < 40 && (await snapshot(page)).nowMs < m.recvMs; i++) await page.keyboard.press('s');
    await page.getByText(`delivered to ${m.to}`).waitFor();
    const after = await inspectorFacts(page);
    assert(after['delivered at'] === clock(m.recvMs), `delivered at "${after['delivered at']}", expected ${clock(m.recvMs)}`);
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } finally {
    await app.close();
  }
}

/** The log table's rows: index, text, and the heading of the part it is listed under. */
function logRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.log-table tbody')].flatMap((part) => {
      const heading = part.querySelector('.log-section th').textContent;
      return [...part.querySelectorAll('tr:not(.log-section)')].map((tr) => {
        const td = tr.querySelectorAll('td');
        return { index: Number(td[0].textContent), text: td[2].textContent, state: heading };
      });
    }),
  );
}

function assertLabels(rows, commit, when) {
  for (const r of rows) {
    const want = r.index <= commit ? `committed · up to index ${commit}` : 'not committed yet';
    assert(r.state === want, `${when}: entry ${r.index} is listed under "${r.state}" with commit index ${commit}`);
  }
}

async function nodeLog({ browser, url }) {
  const app = await openApp(browser, url, '?seed=6&speed=20&host=worker');
  try {
    const { page } = app;
    const first = await waitForSnapshot(page, 'a leader', (s) => leaders(s).length === 1);
    const leader = leaders(first)[0].id;
    await pause(page);
    await page.getByRole('button', { name: new RegExp(`^${leader}, leader`) }).click();
    await page.getByRole('tab', { name: 'Raft log' }).click();
    await page.keyboard.press('p');
    await page.locator('.log-table tbody tr', { hasText: 'put x=v1' }).waitFor();
    let snap = await snapshot(page);
    let node = snap.nodes.find((n) => n.id === leader);
    let rows = await logRows(page);
    assert(rows.at(-1).index === node.lastIndex, `last row ${rows.at(-1).index}, last index ${node.lastIndex}`);
    assert(rows.at(-1).state === 'not committed yet', `a fresh proposal should not be committed yet: ${JSON.stringify(rows.at(-1))}`);
    assertLabels(rows, node.commit, 'before commit');
    await screenshot(page, 'node-log-uncommitted');

    await page.keyboard.press('Space');
    snap = await waitForSnapshot(page, 'the proposal committed', (s) => s.nodes.find((n) => n.id === leader).commit >= rows.at(-1).index);
    await pause(page);
    snap = await snapshot(page);
    node = snap.nodes.find((n) => n.id === leader);
    await page.locator('.log-table tbody.committed tr', { hasText: 'put x=v1' }).waitFor();
    rows = await logRows(page);
    assertLabels(rows, node.commit, 'after commit');
    const head = await page.locator('.log-head').textContent();
    assert(head.includes(`commit index ${node.commit}`), `log header "${head}" does not show commit index ${node.commit}`);
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } catch (err) {
    throw new Error(`${err.message}\n${describe(await snapshot(app.page).catch(() => null))}`, { cause: err });
  } finally {
    await app.close();
  }
}

export default [
  { name: 'paused, clicking a message dot shows its type, from/to and times, then its delivery', run: clickPacket },
  { name: "the node inspector's log splits entries at the commit index, before and after a commit", run: nodeLog },
];
