// One handshake message opened up: its decoded fields, then its bytes. An encrypted message shows
// the ciphertext record as it crossed the wire beside the plaintext it decrypts to.
import { HexBytes } from './HexBytes';
import type { HandshakeStep } from './types';
import './security.css';

/** Hex past this many bytes is cut (certificates run to a kilobyte and more). */
export const HEX_MAX_BYTES = 256;

export function HandshakeStepDetail({ step, id }: { step: HandshakeStep; id: string }) {
  return (
    <div id={id} className="sec-step-detail">
      {step.fields.length > 0 ? (
        <dl className="kv">
          {step.fields.map((f, i) => (
            <div key={`${i}:${f.name}`} style={{ display: 'contents' }}>
              <dt>{f.name}</dt>
              <dd className="sec-break">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="hint">No decoded fields.</p>
      )}
      {step.encrypted ? (
        <div className="sec-bytes-pair">
          <ByteBlock caption={`ciphertext record on the wire, ${step.record.length} bytes`} bytes={step.record} />
          <ByteBlock caption={`decrypted handshake message, ${step.plaintext.length} bytes`} bytes={step.plaintext} />
        </div>
      ) : (
        <ByteBlock caption={`record on the wire, in the clear, ${step.record.length} bytes`} bytes={step.record} />
      )}
    </div>
  );
}

function ByteBlock({ caption, bytes }: { caption: string; bytes: Uint8Array }) {
  return (
    <figure className="sec-bytes">
      <figcaption>{caption}</figcaption>
      <HexBytes bytes={bytes} max={HEX_MAX_BYTES} />
    </figure>
  );
}
