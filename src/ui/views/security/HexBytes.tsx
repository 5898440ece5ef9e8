// Bytes as spaced hex that wraps, cut at `max` bytes with a count of what was left out.
import { spacedHex } from './format';
import './security.css';

export function HexBytes({ bytes, max }: { bytes: Uint8Array; max: number }) {
  const { text, more } = spacedHex(bytes, max);
  if (bytes.length === 0) return <code className="sec-hex">(no bytes)</code>;
  return (
    <code className="sec-hex">
      {text}
      {more > 0 && <span className="sec-hex-more"> ... {more} more bytes</span>}
    </code>
  );
}
