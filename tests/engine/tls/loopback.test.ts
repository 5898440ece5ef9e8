// Our client against our server, in memory: determinism, chunking, closing, and every way a
// handshake must fail (tampering, wrong keys, missing certificates, messages out of order).
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/prng';
import { describeRecord, TlsClient, TlsServer, type TlsClientConfig, type TlsServerConfig } from '../../../src/engine/tls';
import { concat } from '../../../src/engine/tls/bytes';
import { nextTrafficSecret } from '../../../src/engine/tls/key-schedule';
import { encodeHandshake, HandshakeType } from '../../../src/engine/tls/messages';
import { ContentType, RecordProtection, type TlsRecord } from '../../../src/engine/tls/record-layer';
import { makeTestPki, testVerifier, type TestPki } from './fixtures';
import { pump } from './loopback';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const text = (s: string) => new TextEncoder().encode(s);
const untext = (parts: Uint8Array[]) => parts.map((d) => new TextDecoder().decode(d));
const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const record = (raw: Uint8Array): TlsRecord => ({ type: raw[0], fragment: raw.subarray(5), raw });

function pair(seed: number, client: Partial<TlsClientConfig> = {}, server: Partial<TlsServerConfig> = {}) {
  const now = Date.now();
  const c = new TlsClient({
    serverName: 'manager-1', identity: pki.client.identity, verifyServer: testVerifier(pki.caPem, now, 'manager-1'),
    random: new Rng(seed), ...client,
  });
  const s = new TlsServer({
    identity: pki.server.identity, clientAuth: 'require', verifyClient: testVerifier(pki.caPem, now),
    random: new Rng(seed + 1), ...server,
  });
  return { c, s };
}

describe('our client <-> our server', () => {
  it('completes a mutual handshake with equal secrets on both sides and carries data both ways', () => {
    const { c, s } = pair(1);
    expect(c.secrets).toBeNull();
    pump(c, s, c.start());
    expect([c.state, s.state]).toEqual(['connected', 'connected']);
    expect(s.peerChain).toEqual([pki.client.der]);
    expect(c.peerChain).toEqual([pki.server.der]);
    expect(c.secrets).toEqual(s.secrets);
    expect(Object.values(c.secrets!).every((hex) => /^[0-9a-f]{64}$/.test(hex))).toBe(true);
    const wire = pump(c, s, c.write(text('ping')));
    pump(c, s, s.write(text('pong')), 'server', wire);
    expect(untext(wire.serverData)).toEqual(['ping']);
    expect(untext(wire.clientData)).toEqual(['pong']);
  });

  it('is deterministic: the same seeds give byte-identical records', () => {
    const run = (seed: number) => {
      const { c, s } = pair(seed);
      return pump(c, s, c.start()).log.map((r) => `${r.from} ${Buffer.from(r.bytes).toString('hex')}`);
    };
    const first = run(7);
    expect(run(7)).toEqual(first);
    expect(run(8)).not.toEqual(first);
    expect(first.length).toBe(12);
  });

  it('works with secp256r1 key shares', () => {
    const { c, s } = pair(3, { group: 'secp256r1' });
    pump(c, s, c.start());
    expect(s.state).toBe('connected');
    expect(s.steps[1].fields.find((f) => f.name === 'key_share')!.value).toMatch(/^secp256r1 04[0-9a-f]{128}$/);
  });

  it('reassembles records fed one byte at a time and whole flights fed at once', () => {
    const { c, s } = pair(4);
    const hello = concat(...c.start().send);
    let flight: Uint8Array = new Uint8Array(0);
    for (const byte of hello) flight = concat(flight, ...s.receive(Uint8Array.of(byte)).send);
    const reply = c.receive(flight);
    expect(reply.connected).toBe(true);
    const done = s.receive(concat(...reply.send));
    expect(done.connected).toBe(true);
    expect(c.secrets).toEqual(s.secrets);
  });

  it('splits application data at 2^14 bytes and delivers it whole', () => {
    const { c, s } = pair(5);
    pump(c, s, c.start());
    const big = new Rng(9).bytes(40_000);
    const out = c.write(big);
    expect(out.send.map(describeRecord)).toEqual([
      'TLSCiphertext application_data, 16401 bytes', 'TLSCiphertext application_data, 16401 bytes',
      'TLSCiphertext application_data, 7249 bytes',
    ]);
    expect(concat(...pump(c, s, out).serverData)).toEqual(big);
  });

  it('close_notify closes both sides without a failure', () => {
    const { c, s } = pair(6);
    pump(c, s, c.start());
    const wire = pump(c, s, c.close());
    expect(wire.log.map((r) => `${r.from} ${describeRecord(r.bytes)}`)).toEqual([
      'client TLSCiphertext application_data, 19 bytes', 'server TLSCiphertext application_data, 19 bytes',
    ]);
    expect([c.state, s.state, c.failure, s.failure]).toEqual(['closed', 'closed', null, null]);
    expect(() => c.write(text('late'))).toThrow('TlsEndpoint.write: the connection is closed, not connected');
  });

  it('describes records and handshake fields for the handshake view', () => {
    const { c, s } = pair(2);
    pump(c, s, c.start());
    const hello = c.steps[0];
    expect(describeRecord(hello.record)).toBe(`TLSPlaintext handshake, ${hello.plaintext.length} bytes`);
    const fields = Object.fromEntries(hello.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      cipher_suites: 'TLS_AES_128_GCM_SHA256', server_name: 'manager-1', supported_versions: 'TLS 1.3',
      supported_groups: 'x25519, secp256r1', signature_algorithms: 'ecdsa_secp256r1_sha256',
    });
    expect(fields.legacy_session_id).toMatch(/^[0-9a-f]{64}$/);
    const serverHello = Object.fromEntries(c.steps[1].fields.map((f) => [f.name, f.value]));
    expect(serverHello).toMatchObject({ cipher_suite: 'TLS_AES_128_GCM_SHA256', supported_versions: 'TLS 1.3' });
    expect(serverHello.legacy_session_id_echo).toBe(fields.legacy_session_id);
    const finished = c.steps.find((st) => st.direction === 'sent' && st.type === 'Finished')!;
    expect(describeRecord(finished.record)).toBe('TLSCiphertext application_data, 53 bytes');
    expect(finished.encrypted).toBe(true);
    expect(c.steps.find((st) => st.type === 'CertificateRequest')!.fields).toEqual([
      { name: 'certificate_request_context', value: '' }, { name: 'signature_algorithms', value: 'ecdsa_secp256r1_sha256' },
    ]);
  });
});

describe('client certificates', () => {
  it("'ifGiven' accepts a client that has no certificate", () => {
    const { c, s } = pair(10, { identity: undefined }, { clientAuth: 'ifGiven' });
    pump(c, s, c.start());
    expect([c.state, s.state]).toEqual(['connected', 'connected']);
    expect(s.peerChain).toEqual([]);
    expect(c.steps.filter((st) => st.direction === 'sent').map((st) => st.type)).toEqual(['ClientHello', 'Certificate', 'Finished']);
  });

  it("'require' refuses it with certificate_required, which the client receives", () => {
    const { c, s } = pair(11, { identity: undefined });
    pump(c, s, c.start());
    expect(s.failure).toEqual({
      step: 'client Certificate', alert: 'certificate_required', reason: 'the client sent no certificate and one is required', remote: false,
    });
    expect(c.failure).toEqual({
      step: 'application data', alert: 'certificate_required', reason: 'the server sent a fatal certificate_required alert', remote: true,
    });
    expect([c.state, s.state]).toEqual(['failed', 'failed']);
  });

  it('the verifier decides: its alert and reason are sent and recorded', () => {
    const { c, s } = pair(12, { identity: pki.strangerClient.identity });
    pump(c, s, c.start());
    expect(s.failure).toEqual({
      step: 'client Certificate', alert: 'unknown_ca', reason: 'CN=stranger-client, OU=swarm-manager is not issued by CN=ca', remote: false,
    });
    expect(c.failure).toMatchObject({ alert: 'unknown_ca', remote: true });
    expect(s.peerChain).toEqual([pki.strangerClient.der]);
  });
});

describe('tampering and protocol errors', () => {
  it('a flipped byte in an encrypted record is bad_record_mac, and the peer hears it', () => {
    const { c, s } = pair(20);
    const flight = s.receive(concat(...c.start().send)).send;
    expect(flight.map(describeRecord).slice(0, 3)).toEqual([
      'TLSPlaintext handshake, 122 bytes', 'TLSPlaintext change_cipher_spec, 1 bytes', 'TLSCiphertext application_data, 23 bytes',
    ]);
    const tampered = flight.map((r) => r.slice());
    tampered[2][10] ^= 0x01;
    const out = c.receive(concat(...tampered));
    expect(out.failure).toEqual({
      step: 'server EncryptedExtensions', alert: 'bad_record_mac', reason: 'a protected record failed AES-GCM authentication', remote: false,
    });
    s.receive(concat(...out.send));
    expect(s.failure).toMatchObject({ alert: 'bad_record_mac', remote: true });
  });

  it('a flipped byte in application data is bad_record_mac too', () => {
    const { c, s } = pair(21);
    pump(c, s, c.start());
    const record = c.write(text('hello')).send[0].slice();
    record[record.length - 1] ^= 0x80;
    expect(s.receive(record).failure).toMatchObject({ step: 'application data', alert: 'bad_record_mac' });
  });

  it('a server signing with a key that is not its certificate key fails CertificateVerify', () => {
    const wrongKey = { chain: pki.server.identity.chain, privateKey: pki.client.identity.privateKey };
    const { c, s } = pair(22, {}, { identity: wrongKey });
    pump(c, s, c.start());
    expect(c.failure).toEqual({
      step: 'server CertificateVerify', alert: 'decrypt_error', reason: "CertificateVerify signature does not match the certificate's key", remote: false,
    });
    expect(s.failure).toMatchObject({ alert: 'decrypt_error', remote: true });
  });

  it('so does a client signing with the wrong key', () => {
    const wrongKey = { chain: pki.client.identity.chain, privateKey: pki.server.identity.privateKey };
    const { c, s } = pair(23, { identity: wrongKey });
    pump(c, s, c.start());
    expect(s.failure).toEqual({
      step: 'client CertificateVerify', alert: 'decrypt_error', reason: "CertificateVerify signature does not match the certificate's key", remote: false,
    });
  });

  it('a Finished that does not match the transcript is decrypt_error', () => {
    const { c, s } = pair(24);
    const flight = s.receive(concat(...c.start().send)).send;
    c.receive(concat(...flight.slice(0, -1)));
    // The real server handshake key, so the record decrypts and only verify_data is wrong.
    const protection = new RecordProtection(fromHex(c.secrets!.serverHandshakeTrafficSecret));
    for (let i = 0; i < 4; i++) protection.seal(ContentType.handshake, new Uint8Array(0));
    const forged = protection.seal(ContentType.handshake, encodeHandshake(HandshakeType.finished, new Uint8Array(32)).raw);
    expect(c.receive(forged).failure).toEqual({
      step: 'server Finished', alert: 'decrypt_error', reason: 'the server Finished does not match the transcript', remote: false,
    });
  });

  it('KeyUpdate rolls the keys; update_requested is answered with our own KeyUpdate', () => {
    const { c, s } = pair(25);
    pump(c, s, c.start());
    const clientSecret = fromHex(c.secrets!.clientApplicationTrafficSecret);
    const serverSecret = fromHex(c.secrets!.serverApplicationTrafficSecret);
    const request = encodeHandshake(HandshakeType.keyUpdate, Uint8Array.of(1)).raw;
    const answer = s.receive(new RecordProtection(clientSecret).seal(ContentType.handshake, request));
    const opened = new RecordProtection(serverSecret).open(record(answer.send[0]));
    expect(opened).toEqual({ type: ContentType.handshake, content: encodeHandshake(HandshakeType.keyUpdate, Uint8Array.of(0)).raw });
    const nextClient = new RecordProtection(nextTrafficSecret(clientSecret));
    expect(untext(s.receive(nextClient.seal(ContentType.applicationData, text('after update'))).data)).toEqual(['after update']);
    const reply = new RecordProtection(nextTrafficSecret(serverSecret)).open(record(s.write(text('rolled')).send[0]));
    expect(untext([reply.content])).toEqual(['rolled']);
  });

  it('a message out of order is unexpected_message', () => {
    const { c } = pair(26);
    const hello = c.start().send;
    const out = c.receive(concat(...hello));
    expect(out.failure).toEqual({
      step: 'server ClientHello', alert: 'unexpected_message', reason: 'expected ServerHello but the server sent ClientHello', remote: false,
    });
    expect(describeRecord(out.send[0])).toBe('TLSPlaintext alert, 2 bytes');
  });

  it('write before the handshake completes throws', () => {
    const { c } = pair(27);
    c.start();
    expect(() => c.write(text('early'))).toThrow('TlsEndpoint.write: the connection is handshaking, not connected');
  });
});
