// The TLS 1.3 key schedule of this connection, each secret cut short with the full hex on hover.
import { truncateHex } from './format';
import { SECRET_ROWS } from './handshake-ladder';
import type { TlsSecrets } from './types';
import './security.css';

/** Hex characters shown before the cut: 8 bytes tell secrets apart at a glance. */
export const SECRET_SHOWN_CHARS = 16;

export function SecretsTable({ secrets }: { secrets: TlsSecrets | null }) {
  if (!secrets) return <p className="hint">No secrets yet: they are derived once both key shares are known.</p>;
  return (
    <table className="sec-table" aria-label="Key schedule (RFC 8446 section 7.1)">
      <tbody>
        {SECRET_ROWS.map(([key, label]) => {
          const hex = secrets[key];
          return (
            <tr key={key}>
              <th scope="row">{label}</th>
              {hex ? (
                <td className="sec-mono" title={hex}>
                  {truncateHex(hex, SECRET_SHOWN_CHARS)}
                </td>
              ) : (
                <td className="sec-muted">not known yet</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
