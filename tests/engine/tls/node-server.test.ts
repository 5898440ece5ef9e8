// Our TlsClient against Node's tls server (OpenSSL 3) requiring a client certificate.
import tls, { type TLSSocket } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { TlsClient, type TlsClientConfig } from '../../../src/engine/tls';
import { makeTestPki, testVerifier, type TestCert, type TestPki } from './fixtures';
import { NodeWire, until } from './node-wire';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

interface NodeServerRun {
  client: TlsClient;
  wire: NodeWire;
  keylog: string[];
  secure: TLSSocket[];
  clientErrors: { code: string | undefined; authorizationError: unknown }[];
}

function connect(serverCert: TestCert, cfg: Partial<TlsClientConfig> = {}): NodeServerRun {
  const server = tls.createServer({
    key: serverCert.keyPem, cert: serverCert.certPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3',
  });
  const run: NodeServerRun = { client: null!, wire: null!, keylog: [], secure: [], clientErrors: [] };
  server.on('keylog', (line) => run.keylog.push(line.toString().trim()));
  server.on('secureConnection', (socket) => run.secure.push(socket));
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket) => {
    run.clientErrors.push({ code: err.code, authorizationError: socket.authorizationError });
  });
  run.client = new TlsClient({
    serverName: 'manager-1', identity: pki.client.identity, verifyServer: testVerifier(pki.caPem, Date.now(), 'manager-1'),
    random: new Rng(42), ...cfg,
  });
  run.wire = new NodeWire(run.client);
  server.emit('connection', run.wire.socket);
  run.wire.apply(run.client.start());
  return run;
}

/** Node's keylog lines as {label: secret hex}. */
function keylogSecrets(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => [line.split(' ')[0], line.split(' ')[2]]));
}

describe('our TlsClient <-> Node tls server', () => {
  it('completes mutual TLS: Node authorizes our certificate, data flows both ways', async () => {
    const run = connect(pki.server);
    await until(() => run.secure.length === 1 && run.client.state === 'connected', 'handshake');
    const socket = run.secure[0];
    expect(socket.authorized).toBe(true);
    expect(socket.getPeerCertificate().subject.CN).toBe('node-client');
    expect(socket.getProtocol()).toBe('TLSv1.3');
    expect(socket.getCipher().standardName).toBe('TLS_AES_128_GCM_SHA256');
    expect(run.client.peerChain[0]).toEqual(pki.server.der);

    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    socket.write('from node to us');
    run.wire.apply(run.client.write(new TextEncoder().encode('from us to node')));
    await until(() => run.wire.text() === 'from node to us' && Buffer.concat(received).toString() === 'from us to node', 'data');
  });

  it("derives exactly OpenSSL's traffic secrets (keylog)", async () => {
    const run = connect(pki.server);
    await until(() => run.client.state === 'connected' && run.keylog.length >= 5, 'handshake');
    const openssl = keylogSecrets(run.keylog);
    const ours = run.client.secrets!;
    expect(ours.clientHandshakeTrafficSecret).toBe(openssl.CLIENT_HANDSHAKE_TRAFFIC_SECRET);
    expect(ours.serverHandshakeTrafficSecret).toBe(openssl.SERVER_HANDSHAKE_TRAFFIC_SECRET);
    expect(ours.clientApplicationTrafficSecret).toBe(openssl.CLIENT_TRAFFIC_SECRET_0);
    expect(ours.serverApplicationTrafficSecret).toBe(openssl.SERVER_TRAFFIC_SECRET_0);
  });

  it('interoperates with an secp256r1 key share too', async () => {
    const run = connect(pki.server, { group: 'secp256r1' });
    await until(() => run.secure.length === 1 && run.client.state === 'connected', 'handshake');
    expect(run.secure[0].authorized).toBe(true);
    const share = run.client.steps[1].fields.find((f) => f.name === 'key_share')!.value;
    expect(share.startsWith('secp256r1 04')).toBe(true);
  });

  it('records the handshake as OpenSSL ran it, NewSessionTickets after it', async () => {
    const run = connect(pki.server);
    await until(() => run.client.steps.filter((s) => s.type === 'NewSessionTicket').length === 2, 'tickets');
    expect(run.client.steps.map((s) => `${s.direction} ${s.type}${s.encrypted ? ' (encrypted)' : ''}`)).toEqual([
      'sent ClientHello', 'received ServerHello', 'received EncryptedExtensions (encrypted)',
      'received CertificateRequest (encrypted)', 'received Certificate (encrypted)', 'received CertificateVerify (encrypted)',
      'received Finished (encrypted)', 'sent Certificate (encrypted)', 'sent CertificateVerify (encrypted)',
      'sent Finished (encrypted)', 'received NewSessionTicket (encrypted)', 'received NewSessionTicket (encrypted)',
    ]);
    expect(run.client.state).toBe('connected');
  });

  describe('Node refuses our certificate', () => {
    it('from another CA: UNABLE_TO_VERIFY_LEAF_SIGNATURE', async () => {
      const run = connect(pki.server, { identity: pki.strangerClient.identity });
      await until(() => run.clientErrors.length === 1 && run.wire.closed, 'refusal');
      expect(run.clientErrors[0].authorizationError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      expect(run.secure).toEqual([]);
    });

    it('expired: CERT_HAS_EXPIRED', async () => {
      const run = connect(pki.server, { identity: pki.expiredClient.identity });
      await until(() => run.clientErrors.length === 1 && run.wire.closed, 'refusal');
      expect(run.clientErrors[0].authorizationError).toBe('CERT_HAS_EXPIRED');
    });
  });

  describe("we refuse Node's certificate", () => {
    const cases = [
      ['from another CA', () => connect(pki.strangerServer), 'unknown_ca', 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'],
      ['expired', () => connect(pki.expiredServer), 'certificate_expired', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED'],
      ['for another name', () => connect(pki.server, { serverName: 'worker-9', verifyServer: testVerifier(pki.caPem, Date.now(), 'worker-9') }),
        'bad_certificate', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'],
    ] as const;
    for (const [what, start, alert, nodeCode] of cases) {
      it(`${what}: ${alert}, which Node reports as ${nodeCode}`, async () => {
        const run = start();
        await until(() => run.client.state === 'failed' && run.clientErrors.length === 1, 'refusal');
        expect(run.client.failure).toMatchObject({ step: 'server Certificate', alert, remote: false });
        expect(run.clientErrors[0].code).toBe(nodeCode);
      });
    }
  });
});
