// The join token view: the four parts marked in the token and listed with their lengths, the CA
// digest check line, and the parse error.
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../../src/ui/views/security/join-token-parts';
import { JoinTokenView, type JoinTokenViewProps } from '../../../src/ui/views/security/JoinTokenView';
import { render, textOf, textsByClass } from './markup';

// The example token from docker's `swarm join-token` docs.
const DIGEST = '3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl';
const SECRET = '1awxwuwd3z9j1z3puu7rcgdbx';
const TOKEN = `SWMTKN-1-${DIGEST}-${SECRET}`;
const OTHER_DIGEST = `${DIGEST.slice(0, 10)}00${DIGEST.slice(12)}`;

const base: JoinTokenViewProps = {
  token: TOKEN,
  parsed: { version: 1, digest: DIGEST, secret: SECRET, fips: false },
  error: null,
  caPemDigest: DIGEST,
  caMatches: true,
  role: 'worker',
};

/** The rows of the parts table as [part, value, length, meaning]. */
function partRows(html: string): string[][] {
  const body = html.split('<tbody>')[1].split('</tbody>')[0];
  return body.split('</tr>').filter((r) => r.includes('<t')).map((r) => r.split(/<\/t[hd]>/).slice(0, 4).map(textOf));
}

describe('JoinTokenView', () => {
  it('marks the four parts in the token text', () => {
    const html = render(JoinTokenView, base);
    expect(textsByClass(html, 'sec-token')).toEqual([TOKEN]);
    expect(html).toContain(`<span class="sec-part sec-part-prefix" title="prefix">SWMTKN</span>`);
    expect(html).toContain(`<span class="sec-part sec-part-version" title="version">1</span>`);
    expect(html).toContain(`<span class="sec-part sec-part-digest" title="digest">${DIGEST}</span>`);
    expect(html).toContain(`<span class="sec-part sec-part-secret" title="secret">${SECRET}</span>`);
    expect(textOf(html)).toContain('Worker join token');
    expect(textOf(html)).toContain('joins as a worker; 85 characters');
  });

  it('lists part, value, length and meaning', () => {
    expect(partRows(render(JoinTokenView, base))).toEqual([
      ['prefix', 'SWMTKN', '6', 'marks a Docker swarm join token'],
      ['version', '1', '1', 'token format 1 (format 2 only when the cluster requires FIPS)'],
      ['digest', DIGEST, '50', 'SHA-256 of the root CA certificate (PEM) in base 36, 50 chars - pins the CA'],
      ['secret', SECRET, '25', '16 random bytes in base 36, 25 chars - the password for this role'],
    ]);
  });

  it('reads a FIPS (version 2) token with its flag inside the version part', () => {
    const html = render(JoinTokenView, { ...base, token: `SWMTKN-2-1-${DIGEST}-${SECRET}`, parsed: { ...base.parsed!, version: 2, fips: true }, role: 'manager' });
    expect(partRows(html)[1]).toEqual(['version', '2-1', '3', 'token format 2, then the FIPS flag: the cluster requires FIPS']);
    expect(textOf(html)).toContain('Manager join token');
  });

  it('says the CA matches the pinned digest', () => {
    const html = render(JoinTokenView, base);
    expect(textsByClass(html, 'sec-verdict')).toEqual(['✓ matches: the CA is the one the token pins']);
    expect(textOf(html)).toContain(`digest in token${DIGEST}digest of the CA this node was shown${DIGEST}`);
  });

  it('says a different CA does not match and marks where it differs', () => {
    const html = render(JoinTokenView, { ...base, caPemDigest: OTHER_DIGEST, caMatches: false });
    expect(textsByClass(html, 'sec-verdict')).toEqual(['✗ remote CA does not match fingerprint']);
    expect(html).toContain(`${DIGEST.slice(0, 10)}<mark>00</mark>${DIGEST.slice(12)}`);
  });

  it('compares the digests itself when the engine has not decided', () => {
    const verdict = (p: Partial<JoinTokenViewProps>) => textsByClass(render(JoinTokenView, { ...base, ...p }), 'sec-verdict')[0];
    expect(verdict({ caMatches: null })).toBe('✓ matches: the CA is the one the token pins');
    expect(verdict({ caMatches: null, caPemDigest: OTHER_DIGEST })).toBe('✗ remote CA does not match fingerprint');
    expect(verdict({ caMatches: null, caPemDigest: null })).toBe('… not checked yet: this node has not been shown a CA');
  });

  it('shows the parse error and the raw token when it did not parse', () => {
    const html = render(JoinTokenView, { ...base, token: 'SWMTKN-1-abc', parsed: null, error: 'invalid join token', caPemDigest: null, caMatches: null });
    expect(textsByClass(html, 'sec-fail')).toEqual(['The token did not parse: invalid join token']);
    expect(textsByClass(html, 'sec-token')).toEqual(['SWMTKN-1-abc']);
    expect(html).not.toContain('<table');
    expect(textOf(html)).toContain('digest in token–digest of the CA this node was shownno CA fetched yet');
  });
});

describe('diffRuns', () => {
  it('splits a string into runs equal to and different from another', () => {
    expect(diffRuns('abcdef', 'abXYef')).toEqual([
      { text: 'ab', same: true },
      { text: 'cd', same: false },
      { text: 'ef', same: true },
    ]);
    expect(diffRuns('abc', 'a')).toEqual([
      { text: 'a', same: true },
      { text: 'bc', same: false },
    ]);
  });
});
