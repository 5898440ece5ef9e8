// The swarm's PKI from the page, on Web Workers: `docker swarm init`, two managers and two workers
// join through the buttons, every node's certificate and TLS handshakes can be read in the
// inspector, a CA rotation re-issues every certificate from a new root (with visible progress),
// and a node joining with the token from before the rotation is refused because the CA it is
// shown no longer matches the token's digest.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, describe, leaders, openApp, snapshot, waitForSnapshot } from '../lib/app.mjs';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results');

async function shot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

const allReady = (n) => (s) => s.nodes.length === n && s.nodes.every((x) => x.up && x.phase === 'ready' && x.certRole !== null) && leaders(s).length === 1;

/** The "Swarm" panel's buttons, by accessible name. */
const click = (page, name) => page.getByRole('button', { name, exact: true }).click();

async function formSwarm(page) {
  await click(page, 'Init swarm');
  await waitForSnapshot(page, 'node-1 alone, leading', (s) => s.ready && s.nodes.length === 1 && s.managers === 1 && leaders(s).length === 1, { timeoutMs: 30_000 });
  await click(page, 'Join manager');
  await click(page, 'Join manager');
  await click(page, 'Join worker');
  await click(page, 'Join worker');
  const snap = await waitForSnapshot(page, 'five ready nodes', allReady(5), { timeoutMs: 30_000 });
  // The page says so too: every node shows the role from its certificate and its renewal.
  await page.waitForFunction(() => [...document.querySelectorAll('.node-cert')].filter((t) => /^(manager|worker) cert · renews in \d+ d$/.test(t.textContent)).length === 5);
  assert(snap.nodes.filter((n) => n.certRole === 'manager').length === 3, `expected 3 managers:\n${describe(snap)}`);
  assert((await page.getByRole('button', { name: /^node-\d+, worker, up$/ }).count()) === 2, 'two workers should be drawn');
  return snap;
}

async function checkCertificate(page, node) {
  await page.getByRole('button', { name: new RegExp(`^${node}, (leader|follower)`) }).click();
  await page.getByRole('tab', { name: 'Certificate' }).click();
  const subject = await page.evaluate(() => {
    const name = [...document.querySelectorAll('.inspector .sec-field-name')].find((el) => el.textContent === 'Subject');
    return name?.parentElement?.querySelector('.sec-field-value')?.textContent ?? null;
  });
  assert(/^O=[0-9a-z]{25}, OU=swarm-manager, CN=[0-9a-z]{25}$/.test(subject ?? ''), `Subject field is "${subject}", not a manager's`);
  const fingerprint = await page.locator('.sec-fingerprint code').textContent();
  assert(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(fingerprint), `fingerprint "${fingerprint}" is not 32 colon-separated hex bytes`);
  await shot(page, 'pki-certificate');
}

async function checkHandshake(page) {
  await page.getByRole('tab', { name: 'Handshakes' }).click();
  const first = page.locator('.handshake-item', { hasText: 'connected' }).first();
  await first.click();
  const ladder = await page.locator('.sec-ladder-rows').textContent();
  const order = ['ClientHello', 'ServerHello', 'Certificate', 'CertificateVerify', 'Finished'].map((t) => ladder.indexOf(t));
  assert(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `ladder out of order or incomplete: ${ladder}`);
  const peer = await page.getByText(/Verified peer identity of node-\d+/).textContent();
  const ou = await page.locator('.sec-view dl.kv').last().textContent();
  assert(/swarm-(manager|worker)/.test(ou), `peer identity has no role OU: ${ou}`);
  await shot(page, 'pki-handshake');
  return peer;
}

async function rotateCA(page, before) {
  await click(page, 'Rotate CA');
  await page.getByText(/rotated TLS certificates \d+\/5/).first().waitFor({ timeout: 30_000 });
  await shot(page, 'pki-rotation');
  const after = await waitForSnapshot(
    page,
    'every certificate signed by the new root',
    (s) => allReady(5)(s) && s.nodes.every((n) => n.issuerKey !== before.get(n.id)),
    { timeoutMs: 40_000 },
  );
  await page.getByText('CA rotation complete').first().waitFor({ timeout: 30_000 });
  return after;
}

async function pkiFlow({ browser, url }) {
  const app = await openApp(browser, url, '?seed=5&host=worker');
  const { page } = app;
  try {
    await page.evaluate(() => window.swarmscope.actions.setSpeed(100));
    const formed = await formSwarm(page);
    await shot(page, 'pki-formed');
    await checkCertificate(page, formed.nodes.find((n) => n.certRole === 'manager' && n.role === 'follower').id);
    await checkHandshake(page);

    const before = new Map(formed.nodes.map((n) => [n.id, n.issuerKey]));
    const rotated = await rotateCA(page, before);
    assert(new Set(rotated.nodes.map((n) => n.issuerKey)).size === 1, `nodes disagree on the new root:\n${describe(rotated)}`);
    await page.getByRole('tab', { name: 'Certificate' }).click();
    await shot(page, 'pki-rotated');

    await page.getByRole('button', { name: 'Join a worker with the token from before the last rotation' }).click();
    await page.getByText(/remote CA does not match fingerprint/).first().waitFor({ timeout: 30_000 });
    const failed = await waitForSnapshot(page, 'node-6 refused', (s) => s.nodes.find((n) => n.id === 'node-6')?.phase === 'failed');
    assert(failed.nodes.find((n) => n.id === 'node-6').certRole === null, 'a refused node must not get a certificate');
    await shot(page, 'pki-rotated-token-refused');
    assert(app.problems.length === 0, `console problems:\n${app.problems.join('\n')}`);
  } catch (err) {
    await shot(page, 'pki-failure').catch(() => {});
    throw new Error(`${err.message}\n${describe(await snapshot(page).catch(() => null))}`, { cause: err });
  } finally {
    await app.close();
  }
}

export default [{ name: 'swarm PKI: init, join, certificates, handshakes, CA rotation, a rotated token refused', run: pkiFlow, timeoutMs: 120_000 }];
