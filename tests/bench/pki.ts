// Costs of the swarm PKI and mTLS: one mutual TLS 1.3 handshake (both ends, real ECDHE and ECDSA),
// one worker join inside a running swarm, and a full root CA rotation of 3 managers + 20 workers
// (InlineHost, virtual and wall time).
import { Rng, createCsr, createRootCA, generateKeyPair, issueNodeCertificate, verifyChain } from '../../src/engine/index';
import { TlsClient, TlsServer } from '../../src/engine/tls/index';
import type { PeerVerifier, TlsEndpoint } from '../../src/engine/tls/index';
import { InlineHost } from '../../src/sim/host/inline-host';
import { Simulation } from '../../src/sim/kernel/simulation';
import { defaultScenario } from '../../src/sim/scenario/scenario';

const NOW = Date.UTC(2026, 0, 1);

function identity(rng: Rng, root: ReturnType<typeof createRootCA>, role: 'manager' | 'worker') {
  const key = generateKeyPair(rng);
  const cert = issueNodeCertificate({ csr: createCsr(key), nodeId: `n${role}`, role, clusterId: 'c', signerCert: root.cert, signerKey: root.key, nowMs: NOW, expiryMs: 3_600_000 * 24, rng });
  return { chain: [cert], privateKey: key.privateKey };
}

/** Milliseconds for one complete mutual handshake, both ends in this thread. */
export function benchHandshakeMs(rounds: number): number {
  const rng = new Rng(1);
  const root = createRootCA(rng, NOW);
  const verifier = (serverName?: string): PeerVerifier => (chain) => {
    const r = verifyChain(chain, [root.cert], NOW, serverName ? { serverName } : undefined);
    return r.ok ? { ok: true, publicKey: r.leaf.publicKey } : { ok: false, alert: 'bad_certificate', reason: r.reason };
  };
  const mgr = identity(rng, root, 'manager');
  const wrk = identity(rng, root, 'worker');
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const client = new TlsClient({ serverName: 'swarm-manager', identity: wrk, verifyServer: verifier('swarm-manager'), random: rng });
    const server = new TlsServer({ identity: mgr, clientAuth: 'ifGiven', verifyClient: verifier(), random: rng });
    pump(client, server, client.start().send);
    if (client.state !== 'connected' || server.state !== 'connected') throw new Error('bench: handshake did not complete');
  }
  return (performance.now() - start) / rounds;
}

function pump(client: TlsEndpoint, server: TlsEndpoint, first: Uint8Array[]): void {
  let toServer = first;
  for (let i = 0; i < 10 && toServer.length > 0; i++) {
    const toClient = toServer.flatMap((b) => server.receive(b).send);
    toServer = toClient.flatMap((b) => client.receive(b).send);
  }
}

/** A worker joining a formed swarm: virtual ms from the action to its certificate, and wall ms. */
export function benchJoin(): { virtualMs: number; wallMs: number } {
  const sim = new Simulation(defaultScenario(3, { managers: 3 }), new InlineHost(), { traceLimit: Infinity });
  sim.start();
  sim.runUntilSync(30_000);
  sim.act({ type: 'joinNode', role: 'worker' });
  const from = sim.nowMs;
  const start = performance.now();
  const joined = () => sim.view().nodes.find((n) => n.id === 'node-4')?.status?.swarm?.phase === 'ready';
  while (!joined() && sim.nowMs < from + 60_000) sim.runUntilSync(sim.nowMs + 5);
  const wall = performance.now() - start;
  if (!joined()) throw new Error('bench: the worker did not join');
  const virtualMs = sim.nowMs - from;
  sim.dispose();
  return { virtualMs, wallMs: wall };
}

/** `docker swarm ca --rotate` on 3 managers + 20 workers: virtual and wall time to completion. */
export function benchCaRotation(): { virtualMs: number; wallMs: number } {
  const sim = new Simulation(defaultScenario(5, { managers: 3, workers: 20 }), new InlineHost(), { traceLimit: 0 });
  sim.start();
  sim.runUntilSync(30_000);
  sim.act({ type: 'rotateCA' });
  const from = sim.nowMs;
  let done = false;
  const off = sim.onEvent((e) => {
    if (e.text.startsWith('CA rotation complete')) done = true;
  });
  const start = performance.now();
  while (!done && sim.nowMs < from + 600_000) sim.runUntilSync(sim.nowMs + 100);
  const wall = performance.now() - start;
  off();
  if (!done) throw new Error('bench: the CA rotation did not complete in 10 virtual minutes');
  const virtualMs = sim.nowMs - from;
  sim.dispose();
  return { virtualMs, wallMs: wall };
}
