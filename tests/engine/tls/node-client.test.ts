// Node's tls client (OpenSSL 3) presenting a certificate to our TlsServer.
import tls, { type TLSSocket } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { TlsServer, type TlsServerConfig } from '../../../src/engine/tls';
import { makeTestPki, testVerifier, type TestCert, type TestPki } from './fixtures';
import { NodeWire, until } from './node-wire';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

interface NodeClientRun {
  server: TlsServer;
  wire: NodeWire;
  socket: TLSSocket;
  secureConnect: boolean;
  errors: (string | undefined)[];
  received: Buffer[];
}

function connect(
  clientCert: TestCert | null, cfg: Partial<TlsServerConfig> = {}, servername = 'manager-1', options: tls.ConnectionOptions = {},
): NodeClientRun {
  const server = new TlsServer({
    identity: pki.server.identity, clientAuth: 'require', verifyClient: testVerifier(pki.caPem, Date.now()), random: new Rng(7), ...cfg,
  });
  const wire = new NodeWire(server);
  const socket = tls.connect({
    socket: wire.socket, ca: pki.caPem, servername, minVersion: 'TLSv1.3',
    ...(clientCert ? { cert: clientCert.certPem, key: clientCert.keyPem } : {}), ...options,
  });
  const run: NodeClientRun = { server, wire, socket, secureConnect: false, errors: [], received: [] };
  socket.on('secureConnect', () => {
    run.secureConnect = true;
  });
  socket.on('error', (err: NodeJS.ErrnoException) => run.errors.push(err.code));
  socket.on('data', (d: Buffer) => run.received.push(d));
  return run;
}

describe('Node tls client <-> our TlsServer', () => {
  it('completes mutual TLS: we hold Node certificate, data flows both ways', async () => {
    const run = connect(pki.client);
    await until(() => run.secureConnect && run.server.state === 'connected', 'handshake');
    expect(run.socket.authorized).toBe(true);
    expect(run.socket.getPeerCertificate().subject.CN).toBe('node-server');
    expect(run.server.peerChain[0]).toEqual(pki.client.der);
    run.socket.write('from node to us');
    run.wire.apply(run.server.write(new TextEncoder().encode('from us to node')));
    await until(() => run.wire.text() === 'from node to us' && Buffer.concat(run.received).toString() === 'from us to node', 'data');
    expect(run.server.steps.map((s) => `${s.direction} ${s.type}`)).toEqual([
      'received ClientHello', 'sent ServerHello', 'sent EncryptedExtensions', 'sent CertificateRequest', 'sent Certificate',
      'sent CertificateVerify', 'sent Finished', 'received Certificate', 'received CertificateVerify', 'received Finished',
    ]);
  });

  it('closes cleanly: our close_notify ends the Node socket', async () => {
    const run = connect(pki.client);
    await until(() => run.server.state === 'connected', 'handshake');
    let ended = false;
    run.socket.on('end', () => {
      ended = true;
    });
    run.wire.apply(run.server.close());
    await until(() => ended, 'end');
    expect(run.server.state).toBe('closed');
    expect(run.server.failure).toBeNull();
  });

  it("with clientAuth 'ifGiven', accepts a client without a certificate", async () => {
    const run = connect(null, { clientAuth: 'ifGiven' });
    await until(() => run.secureConnect && run.server.state === 'connected', 'handshake');
    expect(run.server.peerChain).toEqual([]);
  });

  it("with clientAuth 'require', refuses a client without a certificate: certificate_required", async () => {
    const run = connect(null);
    await until(() => run.server.state === 'failed' && run.errors.length > 0, 'refusal');
    expect(run.server.failure).toMatchObject({ step: 'client Certificate', alert: 'certificate_required', remote: false });
    expect(run.errors[0]).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
  });

  describe("we refuse Node's certificate", () => {
    const cases = [
      ['from another CA', () => pki.strangerClient, 'unknown_ca', 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'],
      ['expired', () => pki.expiredClient, 'certificate_expired', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED'],
    ] as const;
    for (const [what, cert, alert, nodeCode] of cases) {
      it(`${what}: ${alert}, which Node reports as ${nodeCode}`, async () => {
        const run = connect(cert());
        await until(() => run.server.state === 'failed' && run.errors.length > 0, 'refusal');
        expect(run.server.failure).toMatchObject({ step: 'client Certificate', alert, remote: false });
        expect(run.errors[0]).toBe(nodeCode);
      });
    }
  });

  describe('Node refuses our certificate', () => {
    const cases = [
      ['from another CA', () => pki.strangerServer, 'manager-1', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
      ['expired', () => pki.expiredServer, 'manager-1', 'CERT_HAS_EXPIRED'],
      ['for another name', () => pki.server, 'worker-9', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ] as const;
    for (const [what, cert, servername, nodeCode] of cases) {
      it(`${what}: ${nodeCode}`, async () => {
        const run = connect(pki.client, { identity: cert().identity }, servername);
        await until(() => run.errors.length > 0, 'refusal');
        expect(run.errors[0]).toBe(nodeCode);
        expect(run.secureConnect).toBe(false);
        expect(run.server.state).not.toBe('connected');
      });
    }
  });

  describe('ClientHellos this subset refuses', () => {
    const cases = [
      ['TLS 1.2 only', { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }, 'protocol_version', 'the client does not offer TLS 1.3',
        'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'],
      ['only a secp384r1 key share', { ecdhCurve: 'secp384r1' }, 'handshake_failure', 'the client sent no x25519 or secp256r1 key share',
        'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'],
    ] as const;
    for (const [what, options, alert, reason, nodeCode] of cases) {
      it(`${what}: ${alert}`, async () => {
        const run = connect(pki.client, {}, 'manager-1', options);
        await until(() => run.server.state === 'failed' && run.errors.length > 0, 'refusal');
        expect(run.server.failure).toEqual({ step: 'client ClientHello', alert, reason, remote: false });
        expect(run.errors[0]).toBe(nodeCode);
      });
    }
  });
});
