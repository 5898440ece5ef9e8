// A minimal POSIX ustar writer: regular files only, names up to 100 bytes, enough for a handful of
// PEM files that `tar xf` unpacks anywhere.

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarEntry {
  name: string;
  data: string | Uint8Array;
  /** Modification time, epoch ms (the archive is reproducible when it is fixed). */
  mtimeMs: number;
  /** Permission bits, e.g. 0o600 for a private key. */
  mode?: number;
}

/** An octal field of `width` bytes: digits padded with zeros, then a NUL. */
function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtimeMs: number, mode: number): Uint8Array {
  const nameBytes = encoder.encode(name);
  if (nameBytes.length > 100) throw new Error(`tar: name longer than 100 bytes: ${name}`);
  const h = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => h.set(encoder.encode(text), offset);
  h.set(nameBytes, 0);
  put(100, octal(mode, 8));
  put(108, octal(0, 8)); // uid
  put(116, octal(0, 8)); // gid
  put(124, octal(size, 12));
  put(136, octal(Math.floor(mtimeMs / 1000), 12));
  put(148, '        '); // the checksum counts its own field as spaces
  put(156, '0'); // regular file
  put(257, 'ustar\x0000');
  const sum = h.reduce((acc, b) => acc + b, 0);
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** The archive: a header and the data (padded to 512 bytes) per file, then two zero blocks. */
export function ustar(entries: readonly TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? encoder.encode(e.data) : e.data;
    parts.push(header(e.name, data.length, e.mtimeMs, e.mode ?? 0o644), data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
