// The handshake view: ladder order and sides, the failed step and who detected it, the opened
// message with ciphertext beside plaintext, the key schedule and the verified peer.
import { describe, expect, it } from 'vitest';
import { ladderRows, recordingSide } from '../../../src/ui/views/security/handshake-ladder';
import { HandshakeStepDetail } from '../../../src/ui/views/security/HandshakeStepDetail';
import { HandshakeView, type HandshakeViewProps } from '../../../src/ui/views/security/HandshakeView';
import type { HandshakeStep, TlsFailure, TlsSecrets } from '../../../src/ui/views/security/types';
import { render, textOf, textsByClass } from './markup';

/** Bytes 0, 1, 2, ... so the hex text is predictable. */
function counting(n: number, start = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
}

function step(direction: HandshakeStep['direction'], type: string, encrypted: boolean, size = 40): HandshakeStep {
  return { direction, type, encrypted, plaintext: counting(size - 21, 0x80), record: counting(size), fields: [{ name: 'length', value: String(size) }] };
}

// As the client records them; the server's Certificate record is 300 bytes, past the 256 shown.
const CLIENT_STEPS: HandshakeStep[] = [
  step('sent', 'ClientHello', false),
  step('received', 'ServerHello', false),
  step('received', 'EncryptedExtensions', true),
  step('received', 'CertificateRequest', true),
  step('received', 'Certificate', true, 300),
  step('received', 'CertificateVerify', true),
  step('received', 'Finished', true),
  step('sent', 'Certificate', true),
];

const SECRETS: TlsSecrets = {
  sharedSecret: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  handshakeSecret: 'ff'.repeat(32),
  clientHandshakeTrafficSecret: 'ab'.repeat(32),
  serverHandshakeTrafficSecret: 'cd'.repeat(32),
  masterSecret: '',
  clientApplicationTrafficSecret: '',
  serverApplicationTrafficSecret: '',
};

const base: HandshakeViewProps = {
  client: 'worker-1',
  server: 'manager-1',
  steps: CLIENT_STEPS,
  secrets: SECRETS,
  failure: null,
  state: 'connected',
  peerIdentity: { cn: 'mgr1id', ou: 'swarm-manager', o: 'cluster9' },
};

const EXPIRED: TlsFailure = { step: 'server Certificate', alert: 'certificate_expired', reason: 'the certificate expired 2 h ago', remote: false };

describe('HandshakeView ladder', () => {
  it('lists the messages in order, each from its sender', () => {
    const html = render(HandshakeView, base);
    expect(html).toContain('<ol role="list" class="sec-ladder-rows" aria-label="TLS handshake between worker-1 and manager-1">');
    expect(textsByClass(html, 'sec-msg')).toEqual([
      '1. ClientHello',
      '2. ServerHello',
      '3. EncryptedExtensions🔒 encrypted',
      '4. CertificateRequest🔒 encrypted',
      '5. Certificate🔒 encrypted',
      '6. CertificateVerify🔒 encrypted',
      '7. Finished🔒 encrypted',
      '8. Certificate🔒 encrypted',
    ]);
    const sides = [...html.matchAll(/class="sec-rung sec-from-(\w+)"/g)].map((m) => m[1]);
    expect(sides).toEqual(['client', 'server', 'server', 'server', 'server', 'server', 'server', 'client']);
    expect(html).toContain('aria-label="1. ClientHello, worker-1 to manager-1"');
    expect(html).toContain('aria-label="3. EncryptedExtensions, manager-1 to worker-1, encrypted"');
    expect(html.match(/aria-expanded="false"/g)).toHaveLength(8);
  });

  it('works out which side recorded the steps from the ClientHello', () => {
    const serverSteps = CLIENT_STEPS.map((s) => ({ ...s, direction: s.direction === 'sent' ? 'received' : 'sent' }) as HandshakeStep);
    expect(recordingSide(CLIENT_STEPS)).toBe('client');
    expect(recordingSide(serverSteps)).toBe('server');
    expect(ladderRows(serverSteps, null).map((r) => r.label)).toEqual(ladderRows(CLIENT_STEPS, null).map((r) => r.label));
  });

  it('shows the verified peer identity once connected', () => {
    expect(textOf(render(HandshakeView, base))).toContain('Verified peer identity of manager-1CN (node ID)mgr1idOU (role)swarm-managerO (cluster ID)cluster9');
    expect(textOf(render(HandshakeView, { ...base, state: 'handshaking' }))).not.toContain('Verified peer identity');
  });
});

describe('HandshakeView failure', () => {
  const failed = { ...base, failure: EXPIRED, state: 'failed', peerIdentity: null };

  it('says where it failed, with which alert and why, and who detected it', () => {
    const html = render(HandshakeView, failed);
    expect(textsByClass(html, 'sec-fail')).toEqual(['failed at server Certificate: certificate_expired - the certificate expired 2 h ago']);
    expect(textOf(html)).toContain('Detected here by worker-1 (the client), which sent the alert to manager-1.');
    const remote = render(HandshakeView, { ...failed, failure: { ...EXPIRED, step: 'client Certificate', alert: 'bad_certificate' as const, remote: true } });
    expect(textOf(remote)).toContain('Detected by the peer, manager-1 (the server), which sent the alert to worker-1.');
  });

  it('highlights the failed message, opens it, and ends the ladder with the alert', () => {
    const html = render(HandshakeView, failed);
    expect(html.match(/class="sec-rung [^"]*sec-rung-failed"/g)).toEqual(['class="sec-rung sec-from-server sec-rung-failed"']);
    expect(textsByClass(html, 'sec-tag-failed')).toEqual(['✗ failed here']);
    expect(html).toContain('aria-label="5. Certificate, manager-1 to worker-1, encrypted, failed here"');
    expect(html.match(/aria-expanded="true"/g)).toHaveLength(1);
    expect(textsByClass(html, 'sec-msg').at(-1)).toBe('⚠ alert: certificate_expired');
    expect(html).toContain('<li class="sec-rung sec-from-client sec-rung-alert" aria-label="alert certificate_expired, worker-1 to manager-1">');
    // The opened message: ciphertext (300 bytes) and plaintext (279 bytes) both cut at 256.
    expect(textsByClass(html, 'sec-hex-more')).toEqual([' ... 44 more bytes', ' ... 23 more bytes']);
  });
});

describe('HandshakeStepDetail', () => {
  it('puts the ciphertext record beside the plaintext, cut at 256 bytes', () => {
    const html = render(HandshakeStepDetail, { step: CLIENT_STEPS[4], id: 'd5' });
    const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]);
    expect(captions).toEqual(['ciphertext record on the wire, 300 bytes', 'decrypted handshake message, 279 bytes']);
    const hex = [...html.matchAll(/<code class="sec-hex">([\s\S]*?)<\/code>/g)].map((m) => textOf(m[1]));
    const first256 = Array.from(counting(256), (b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(hex[0]).toBe(`${first256} ... 44 more bytes`);
    expect(hex[1].startsWith('80 81 82 83')).toBe(true);
    expect(hex[1].endsWith('7e 7f ... 23 more bytes')).toBe(true);
    expect(textOf(html)).toContain('length300');
  });

  it('shows a message sent in the clear as its record only', () => {
    const html = render(HandshakeStepDetail, { step: CLIENT_STEPS[0], id: 'd1' });
    expect([...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1])).toEqual(['record on the wire, in the clear, 40 bytes']);
    expect(textsByClass(html, 'sec-hex')).toEqual([Array.from(counting(40), (b) => b.toString(16).padStart(2, '0')).join(' ')]);
  });
});

describe('SecretsTable', () => {
  it('cuts each secret to 16 hex characters with the full value in the title', () => {
    const html = render(HandshakeView, base);
    const rows = html.split('aria-label="Key schedule (RFC 8446 section 7.1)">')[1].split('</tr>').slice(0, 7).map(textOf);
    expect(rows).toEqual([
      '(EC)DHE shared secret0011223344556677…',
      'handshake secretffffffffffffffff…',
      'client handshake traffic secretabababababababab…',
      'server handshake traffic secretcdcdcdcdcdcdcdcd…',
      'master secretnot known yet',
      'client application traffic secretnot known yet',
      'server application traffic secretnot known yet',
    ]);
    expect(html).toContain(`title="${SECRETS.sharedSecret}"`);
  });

  it('says when no secret is known yet', () => {
    expect(textOf(render(HandshakeView, { ...base, secrets: null }))).toContain('No secrets yet: they are derived once both key shares are known.');
  });
});
