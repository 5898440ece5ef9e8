// The swarm page without a browser: a 3-manager, 2-worker mTLS run on InlineHost. Workers sit on
// the outer ring and read WORKER; each node shows the role from its certificate and its renewal;
// the selected node's certificate, handshakes and join token reach the inspector; the swarm
// actions join, refuse, rotate and export.
import { describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, ROOT_FILE } from '../../src/sim/api';
import { certificateLook, tokenLook } from '../../src/ui/views/swarm/security-props';
import { leaderSwarm, managerIds, nodeCard, outerIds, swarmLeaderId } from '../../src/ui/store/selectors';
import { nodeAriaLabel, nodeLook } from '../../src/ui/viz/node-look';
import { settle } from './fake-frames';
import { openPage, runTo, saved } from './page-harness';
import { readTar } from './tar-reader';

const swarmPage = () => openPage(11, 3, { security: 'mtls', workers: 2 });

describe('swarm page', () => {
  it('draws managers inside and workers outside, each with its certificate role and renewal', async () => {
    const p = await swarmPage();
    await runTo(p, 20_000);
    const s = p.store.getState();
    expect(managerIds(s)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(outerIds(s)).toEqual(['node-4', 'node-5']);
    const worker = nodeCard(s, 'node-4')!;
    expect(worker).toMatchObject({ member: 'worker', raft: false, certRole: 'worker', phase: 'ready' });
    expect(nodeLook(worker).word).toBe('WORKER');
    expect(nodeAriaLabel(worker)).toBe('node-4, worker, up');
    expect(worker.renewIn).toMatch(/^renews in \d+ d$/);
    expect(nodeCard(s, 'node-1')).toMatchObject({ raft: true, certRole: 'manager', member: 'voter' });
    expect(leaderSwarm(s)?.tokens.worker).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
  });

  it("publishes the selected node's certificate chain, own handshakes and join start", async () => {
    const p = await swarmPage();
    await runTo(p, 20_000);
    p.actions.selectNode('node-4');
    const pki = p.store.getState().nodePki!;
    expect(pki.node).toBe('node-4');
    expect(Object.keys(pki.files).sort()).toEqual([ROOT_FILE, CERT_FILE, KEY_FILE, 'state.json'].sort());
    expect(pki.start?.start).toBe('founding');
    expect(pki.handshakes.length).toBeGreaterThan(0);
    for (const h of pki.handshakes) expect(h.side === 'client' ? h.client : h.server).toBe('node-4');
    const look = certificateLook(pki.files[CERT_FILE], pki.files[ROOT_FILE])!;
    expect(look.chain.map((c) => c.subject)).toEqual([expect.stringMatching(/^CN=[0-9a-z]{25}, OU=swarm-worker, O=[0-9a-z]{25}$/), 'CN=swarm-ca']);
    expect(look.chain[1].isCA).toBe(true);
    expect(look.fields.find((f) => f.name === 'Subject')?.value).toContain('OU=swarm-worker');
    expect(look.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
  });

  it('joins a worker, refuses a token of another swarm, and the manager refuses a cert expiry under 1 h', async () => {
    const p = await swarmPage();
    await runTo(p, 20_000);
    p.actions.joinWorker();
    p.actions.joinWithToken('worker', 'otherSwarm');
    p.actions.setCertExpiry(0.5);
    await settle();
    expect(nodeCard(p.store.getState(), 'node-6')?.phase).toBe('joining');
    await runTo(p, 45_000);
    const s = p.store.getState();
    expect(nodeCard(s, 'node-6')).toMatchObject({ phase: 'ready', certRole: 'worker' });
    expect(nodeCard(s, 'node-7')).toMatchObject({ phase: 'failed', certRole: null });
    expect(nodeLook(nodeCard(s, 'node-7')!).word).toBe('FAILED');
    expect(s.events.find((e) => e.kind === 'expiry')?.text).toMatch(/minimum certificate expiry time is: 1h0m0s/);
    p.actions.selectNode('node-6');
    const pki = p.store.getState().nodePki!;
    expect(pki.start).toMatchObject({ start: 'join', via: expect.stringMatching(/^node-[123]$/) });
    const start = pki.start as { token: string };
    expect(tokenLook(start.token, pki.viaRoot, 'worker')).toMatchObject({ error: null, caMatches: true });
  });

  it("opens the leader's tokens, checked against its root file", async () => {
    const p = await swarmPage();
    await runTo(p, 20_000);
    p.actions.selectToken('manager');
    p.actions.currentSession()!.publishSelected();
    const s = p.store.getState();
    expect(s.selection).toEqual({ kind: 'token', role: 'manager' });
    const leader = swarmLeaderId(s)!;
    expect(s.leaderRoot).toBe(p.actions.currentSession()!.sim.nodeFiles(leader)[ROOT_FILE]);
    expect(tokenLook(leaderSwarm(s)!.tokens.manager, s.leaderRoot, 'manager')).toMatchObject({ caMatches: true, role: 'manager' });
  });

  it('downloads the PKI as a tar of the live files and the tokens', async () => {
    const p = await swarmPage();
    await runTo(p, 20_000);
    saved.length = 0;
    p.actions.downloadPki();
    const s = p.store.getState();
    const lv = leaderSwarm(s)!;
    expect(saved.map((f) => f.name)).toEqual([`swarm-pki-${lv.clusterId}.tar`]);
    const files = readTar(saved[0].bytes);
    expect(files.map((f) => f.name)).toEqual(['ca.pem', 'manager.pem', 'manager.key', 'worker.pem', 'worker.key', 'tokens.txt', 'README.txt']);
    const sim = p.actions.currentSession()!.sim;
    const leader = swarmLeaderId(s)!;
    expect(files[0].text).toBe(sim.nodeFiles(leader)[ROOT_FILE]);
    expect(files[1].text).toBe(sim.nodeFiles(leader)[CERT_FILE]);
    expect(files[2].text).toBe(sim.nodeFiles(leader)[KEY_FILE]);
    expect(files[2].mode).toBe(0o600);
    expect(files[5].text).toBe(`worker: ${lv.tokens.worker}\nmanager: ${lv.tokens.manager}\n`);
    expect(files[6].text).toContain('openssl verify -x509_strict -attime 1767225620 -purpose sslclient -CAfile ca.pem manager.pem worker.pem');
  });

  it('starts a fresh single-manager swarm on initSwarm', async () => {
    const p = await swarmPage();
    await p.actions.initSwarm();
    const s = p.store.getState();
    expect(s.config).toMatchObject({ managers: 1, workers: 0, security: 'mtls' });
    expect(s.view?.nodes.map((n) => n.id)).toEqual(['node-1']);
  });
});

describe('swarm actions in a Raft-only run', () => {
  it('are refused with a reason, not sent to the simulator', async () => {
    const p = await openPage();
    p.actions.joinWorker();
    await settle();
    expect(p.store.getState().error).toBe('joinNode needs a swarm with mTLS; this run is Raft only (turn mTLS on or press docker swarm init)');
    expect(p.store.getState().view!.nodes).toHaveLength(3);
  });
});
