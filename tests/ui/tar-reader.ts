// Reads back what src/ui/store/ustar.ts writes, the way tar does: header fields, checksum, data.

export interface TarFile {
  name: string;
  mode: number;
  mtimeS: number;
  text: string;
}

const decoder = new TextDecoder();

function field(block: Uint8Array, offset: number, length: number): string {
  const raw = decoder.decode(block.subarray(offset, offset + length));
  const nul = raw.indexOf('\0');
  return nul < 0 ? raw : raw.slice(0, nul);
}

export function readTar(bytes: Uint8Array): TarFile[] {
  if (bytes.length % 512 !== 0) throw new Error(`tar length ${bytes.length} is not a multiple of 512`);
  const files: TarFile[] = [];
  for (let at = 0; at < bytes.length; ) {
    const block = bytes.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    const sum = block.reduce((acc, b, i) => acc + (i >= 148 && i < 156 ? 32 : b), 0);
    if (parseInt(field(block, 148, 8), 8) !== sum) throw new Error(`bad checksum at ${at}`);
    if (field(block, 257, 6) !== 'ustar' || field(block, 263, 2) !== '00') throw new Error('not ustar');
    const size = parseInt(field(block, 124, 12), 8);
    files.push({
      name: field(block, 0, 100),
      mode: parseInt(field(block, 100, 8), 8),
      mtimeS: parseInt(field(block, 136, 12), 8),
      text: decoder.decode(bytes.subarray(at + 512, at + 512 + size)),
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
