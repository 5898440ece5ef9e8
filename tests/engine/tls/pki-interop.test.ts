// Swarm node certificates from src/engine/pki in mutual TLS with Node's tls (OpenSSL 3): a worker
// dialling a manager with ServerName swarm-manager, as swarmkit nodes do, both ways round.
import tls, { type TLSSocket } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import {
  createCsr, createRootCA, encodePkcs8PrivateKey, generateKeyPair, issueNodeCertificate, toPem, verifyChain,
  type ChainFailure, type SwarmRole,
} from '../../../src/engine/pki';
import { TlsClient, TlsServer, type AlertName, type PeerVerifier } from '../../../src/engine/tls';
import { NodeWire, until } from './node-wire';

interface SwarmNode {
  nodeId: string;
  der: Uint8Array;
  certPem: string;
  keyPem: string;
  privateKey: Uint8Array;
}

const ALERTS: Record<ChainFailure, AlertName> = {
  malformed: 'bad_certificate', 'unknown authority': 'unknown_ca', 'bad signature': 'bad_certificate',
  expired: 'certificate_expired', 'not yet valid': 'certificate_expired', 'wrong server name': 'bad_certificate',
  'not a CA': 'bad_certificate',
};

let root: { cert: Uint8Array; pem: string };
let manager: SwarmNode;
let worker: SwarmNode;

function verifier(serverName?: string): PeerVerifier {
  return (chain) => {
    const result = verifyChain(chain, [root.cert], Date.now(), { serverName });
    if (!result.ok) return { ok: false, alert: ALERTS[result.reason], reason: result.detail };
    return { ok: true, publicKey: result.leaf.publicKey };
  };
}

beforeAll(() => {
  const rng = new Rng(2024);
  const now = Date.now();
  const ca = createRootCA(rng, now);
  root = { cert: ca.cert, pem: toPem(ca.cert, 'CERTIFICATE') };
  const issue = (nodeId: string, role: SwarmRole): SwarmNode => {
    const key = generateKeyPair(rng);
    const der = issueNodeCertificate({
      csr: createCsr(key), nodeId, role, clusterId: 'cluster0', signerCert: ca.cert, signerKey: ca.key,
      nowMs: now, expiryMs: 90 * 86_400_000, rng,
    });
    return { nodeId, der, certPem: toPem(der, 'CERTIFICATE'), keyPem: toPem(encodePkcs8PrivateKey(key), 'PRIVATE KEY'), privateKey: key.privateKey };
  };
  manager = issue('manager0node', 'manager');
  worker = issue('worker0node', 'worker');
});

describe('swarm PKI certificates over mutual TLS with Node', () => {
  it('our worker client <-> Node manager server: Node authorizes the worker', async () => {
    const server = tls.createServer({
      key: manager.keyPem, cert: manager.certPem, ca: root.pem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3',
    });
    const secure: TLSSocket[] = [];
    server.on('secureConnection', (socket) => secure.push(socket));
    const client = new TlsClient({
      serverName: 'swarm-manager', identity: { chain: [worker.der], privateKey: worker.privateKey },
      verifyServer: verifier('swarm-manager'), random: new Rng(1),
    });
    const wire = new NodeWire(client);
    server.emit('connection', wire.socket);
    wire.apply(client.start());
    await until(() => secure.length === 1 && client.state === 'connected', 'handshake');
    expect(secure[0].authorized).toBe(true);
    expect(secure[0].getPeerCertificate().subject).toMatchObject({ CN: 'worker0node', OU: 'swarm-worker', O: 'cluster0' });
    expect(client.peerChain[0]).toEqual(manager.der);
    secure[0].write('assignment');
    await until(() => wire.text() === 'assignment', 'data');
  });

  it('Node worker client <-> our manager server: we hold the worker certificate', async () => {
    const server = new TlsServer({
      identity: { chain: [manager.der], privateKey: manager.privateKey }, clientAuth: 'require', verifyClient: verifier(), random: new Rng(2),
    });
    const wire = new NodeWire(server);
    const socket = tls.connect({
      socket: wire.socket, ca: root.pem, cert: worker.certPem, key: worker.keyPem, servername: 'swarm-manager', minVersion: 'TLSv1.3',
    });
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    await until(() => socket.authorized && server.state === 'connected', 'handshake');
    expect(server.peerChain[0]).toEqual(worker.der);
    expect(socket.getPeerCertificate().subject.CN).toBe('manager0node');
    wire.apply(server.write(new TextEncoder().encode('heartbeat')));
    await until(() => Buffer.concat(received).toString() === 'heartbeat', 'data');
  });

  it('a worker certificate cannot serve as swarm-manager: our verifier refuses the name', async () => {
    const server = tls.createServer({
      key: worker.keyPem, cert: worker.certPem, ca: root.pem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3',
    });
    const errors: (string | undefined)[] = [];
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => errors.push(err.code));
    const client = new TlsClient({
      serverName: 'swarm-manager', identity: { chain: [manager.der], privateKey: manager.privateKey },
      verifyServer: verifier('swarm-manager'), random: new Rng(3),
    });
    const wire = new NodeWire(client);
    server.emit('connection', wire.socket);
    wire.apply(client.start());
    await until(() => client.state === 'failed' && errors.length === 1, 'refusal');
    expect(client.failure).toEqual({
      step: 'server Certificate', alert: 'bad_certificate', remote: false,
      reason: 'certificate is valid for swarm-worker, worker0node, not swarm-manager',
    });
    expect(errors[0]).toBe('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE');
  });
});
