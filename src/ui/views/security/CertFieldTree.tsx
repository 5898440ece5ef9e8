// The fields decoded from a certificate's DER as a tree: a group (an extension, a name, the key)
// folds into a <details>, so the long ones stay out of the way until opened.
import { looksLikeHex } from './format';
import type { CertField } from './types';
import './security.css';

export function CertFieldTree({ fields, depth = 0 }: { fields: CertField[]; depth?: number }) {
  return (
    <ul className="sec-fields">
      {fields.map((f, i) => (
        <FieldNode key={`${i}:${f.name}`} field={f} depth={depth} />
      ))}
    </ul>
  );
}

function FieldNode({ field, depth }: { field: CertField; depth: number }) {
  if (!field.children?.length) {
    return (
      <li className="sec-field">
        <FieldText field={field} />
      </li>
    );
  }
  // Top-level groups start open so the certificate reads at a glance; deeper ones start folded.
  return (
    <li className="sec-field">
      <details open={depth === 0}>
        <summary>
          <FieldText field={field} />
        </summary>
        <CertFieldTree fields={field.children} depth={depth + 1} />
      </details>
    </li>
  );
}

function FieldText({ field }: { field: CertField }) {
  return (
    <>
      <span className="sec-field-name">{field.name}</span>
      {field.value && (
        <>
          {' '}
          <span className={looksLikeHex(field.value) ? 'sec-field-value sec-mono' : 'sec-field-value'}>{field.value}</span>
        </>
      )}
    </>
  );
}
