// How the swarm is drawn, without a run: two rings, packet styles for TLS and swarm RPCs, the
// encrypted mark, renewal countdowns, and the ustar archive.
import { describe, expect, it } from 'vitest';
import { renewsInWords } from '../../src/ui/components/format';
import { ustar } from '../../src/ui/store/ustar';
import { packetTypeWords } from '../../src/ui/views/packet-words';
import { isEncrypted, messageStyle } from '../../src/ui/viz/message-style';
import { ringLayout } from '../../src/ui/viz/ring-layout';
import { readTar } from './tar-reader';

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `node-${from + i}`);

describe('two rings', () => {
  it.each([
    [1, 2],
    [3, 2],
    [5, 8],
    [9, 55],
  ])('puts %i managers inside %i workers, all within the box', (m, w) => {
    const layout = ringLayout(ids(1, m), 980, 620, ids(m + 1, w));
    const dist = (id: string) => {
      const p = layout.positions.get(id)!;
      return Math.hypot((p.x - layout.center.x) / layout.ringRadiusX, (p.y - layout.center.y) / layout.ringRadiusY);
    };
    for (const id of ids(1, m)) expect(dist(id)).toBeLessThan(0.5);
    for (const id of ids(m + 1, w)) expect(dist(id)).toBeCloseTo(1);
    for (const p of layout.positions.values()) {
      expect(p.x - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(p.x + layout.nodeRadius).toBeLessThanOrEqual(980);
      expect(p.y - layout.nodeRadius).toBeGreaterThanOrEqual(0);
      expect(p.y + layout.nodeRadius).toBeLessThanOrEqual(620);
    }
  });

  it('puts a lone manager in the middle and the workers half a step off the top', () => {
    const layout = ringLayout(['node-1'], 800, 600, ['node-2', 'node-3']);
    expect(layout.positions.get('node-1')).toEqual(layout.center);
    const [a, b] = ['node-2', 'node-3'].map((id) => layout.positions.get(id)!);
    expect(a.y).toBeCloseTo(layout.center.y);
    expect(b.y).toBeCloseTo(layout.center.y);
    expect(a.x).toBeGreaterThan(layout.center.x);
    expect(b.x).toBeLessThan(layout.center.x);
  });

  it('keeps the single ring as it was when there are no workers', () => {
    expect(ringLayout(ids(1, 5), 900, 500, [])).toEqual(ringLayout(ids(1, 5), 900, 500));
  });
});

describe('packets of a swarm', () => {
  it('styles TLS handshakes and swarm RPCs by their first message, replies hollow', () => {
    expect(messageStyle('ClientHello').name).toBe('TLS handshake');
    expect(messageStyle('ServerHello +5').name).toBe('TLS handshake');
    expect(messageStyle('IssueNodeCertificate')).toMatchObject({ name: 'Swarm RPC (CA, dispatcher)', shape: 'square' });
    expect(messageStyle('IssueNodeCertificate reply +1')).toMatchObject({ name: 'Swarm RPC (CA, dispatcher)', shape: 'square-open' });
    expect(messageStyle('AppendEntries +1').name).toBe('AppendEntries');
    expect(packetTypeWords('Heartbeat +1')).toBe('AppendEntries (heartbeat)');
    expect(packetTypeWords('ClientHello')).toBe('TLS ClientHello (in the clear)');
  });

  it('marks a packet as encrypted only when it travels as ciphertext', () => {
    expect(isEncrypted('412 bytes of AES-128-GCM ciphertext carrying AppendEntries')).toBe(true);
    expect(isEncrypted('317 bytes in the clear: ClientHello')).toBe(false);
  });
});

describe('renewal countdown', () => {
  it('says the largest whole unit left', () => {
    expect(renewsInWords(57 * 86_400_000 + 5 * 3_600_000)).toBe('renews in 57 d');
    expect(renewsInWords(3 * 3_600_000 + 59 * 60_000)).toBe('renews in 3 h');
    expect(renewsInWords(12_999)).toBe('renews in 12 s');
    expect(renewsInWords(999)).toBe('renewing now');
    expect(renewsInWords(-5000)).toBe('renewing now');
  });
});

describe('ustar', () => {
  it('writes 512-byte blocks with checksummed headers and two zero blocks at the end', () => {
    const tar = ustar([
      { name: 'ca.pem', data: 'x'.repeat(513), mtimeMs: 1_767_225_600_999 },
      { name: 'k.key', data: 'secret\n', mtimeMs: 1_767_225_600_000, mode: 0o600 },
    ]);
    expect(tar.length).toBe(512 + 1024 + 512 + 512 + 1024);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);
    expect(readTar(tar)).toEqual([
      { name: 'ca.pem', mode: 0o644, mtimeS: 1_767_225_600, text: 'x'.repeat(513) },
      { name: 'k.key', mode: 0o600, mtimeS: 1_767_225_600, text: 'secret\n' },
    ]);
  });

  it('refuses a name tar cannot hold', () => {
    expect(() => ustar([{ name: 'a'.repeat(101), data: '', mtimeMs: 0 }])).toThrow('tar: name longer than 100 bytes');
  });
});
