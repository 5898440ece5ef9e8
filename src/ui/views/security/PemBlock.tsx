// The certificate as PEM, with copy and download so it can be checked with openssl outside the page.
import { useState } from 'react';
import { Button } from '../../components/Button';
import './security.css';

/** The file name the download uses, and the hint's openssl command reads. */
const PEM_FILE = 'cert.pem';
/** Some browsers still read the object URL after click() returns; free it well after. */
const REVOKE_AFTER_MS = 10_000;

export function PemBlock({ pem }: { pem: string }) {
  const [status, setStatus] = useState('');
  const copy = () => {
    void copyText(pem).then((ok) => setStatus(ok ? 'PEM copied.' : 'Copy failed: the clipboard is not available here.'));
  };
  return (
    <div className="sec-pem">
      <pre aria-label="Certificate in PEM">{pem}</pre>
      <div className="button-row">
        <Button label="Copy the PEM to the clipboard" onClick={copy}>
          Copy PEM
        </Button>
        <Button label={`Download the certificate as ${PEM_FILE}`} onClick={() => downloadText(pem, PEM_FILE)}>
          Download .pem
        </Button>
        <span className="sec-status" role="status">
          {status}
        </span>
      </div>
      <p className="hint">
        Read it with <code>openssl x509 -noout -text -in {PEM_FILE}</code>
      </p>
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  // navigator.clipboard exists only in secure contexts (https, localhost).
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
