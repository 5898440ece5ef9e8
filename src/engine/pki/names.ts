// Distinguished names as Go's crypto/x509 writes them: one attribute per RDN in the order
// O, OU, CN (pkix.Name.ToRDNSequence), PrintableString when the text allows it, else UTF8String.
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import type { DistinguishedName } from './types';

const OID_CN = '2.5.4.3';
const OID_OU = '2.5.4.11';
const OID_O = '2.5.4.10';
const SHORT: Record<string, string> = { [OID_CN]: 'CN', [OID_OU]: 'OU', [OID_O]: 'O', '2.5.4.6': 'C' };
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function attribute(type: string, text: string): RelativeDistinguishedName {
  const value = PRINTABLE.test(text)
    ? new AttributeValue({ printableString: text })
    : new AttributeValue({ utf8String: text });
  return new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
}

export function buildName(dn: DistinguishedName): Name {
  const rdns = [
    ...dn.o.map((o) => attribute(OID_O, o)),
    ...dn.ou.map((ou) => attribute(OID_OU, ou)),
    ...(dn.cn ? [attribute(OID_CN, dn.cn)] : []),
  ];
  return new Name(rdns);
}

export function readName(name: Name): DistinguishedName {
  const dn: DistinguishedName = { cn: '', ou: [], o: [] };
  for (const rdn of name) {
    for (const atv of rdn) {
      const text = atv.value.toString();
      if (atv.type === OID_CN && !dn.cn) dn.cn = text;
      else if (atv.type === OID_OU) dn.ou.push(text);
      else if (atv.type === OID_O) dn.o.push(text);
    }
  }
  return dn;
}

/** "O=..., OU=..., CN=..." in DER order, for the inspector. */
export function nameText(name: Name): string {
  const parts: string[] = [];
  for (const rdn of name) {
    for (const atv of rdn) parts.push(`${SHORT[atv.type] ?? atv.type}=${atv.value.toString()}`);
  }
  return parts.join(', ');
}

/** Short label of a certificate in error details: its CN, as Go's errors name certificates. */
export function cnLabel(dn: DistinguishedName): string {
  return `CN=${dn.cn}`;
}
