// PEM armour (RFC 7468) for certificates, keys and CSRs.
import { fromBase64, toBase64 } from './encoding';
import { PkiError } from './errors';

/** Base64 in 64-column lines between BEGIN/END labels, ending with a newline, as Go writes it. */
export function toPem(der: Uint8Array, label: string): string {
  const body = toBase64(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** Every PEM block in the text, in order. Text outside blocks (comments, headers) is skipped. */
export function parsePem(text: string): { label: string; der: Uint8Array }[] {
  const blocks: { label: string; der: Uint8Array }[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const der = fromBase64(stripHeaders(m[2]).replace(/\s+/g, ''));
    if (!der) throw new PkiError(`malformed PEM block ${m[1]}`);
    blocks.push({ label: m[1], der });
  }
  return blocks;
}

/** Drops RFC 1421 headers ("raft-dek: ..." in swarm-node.key), which end at the first blank line. */
function stripHeaders(body: string): string {
  const lines = body.split(/\r?\n/);
  if (!lines[0].includes(':')) return body;
  const blank = lines.findIndex((line) => line.trim() === '');
  return blank < 0 ? body : lines.slice(blank + 1).join('\n');
}
