// Field lists for the handshake view: each handshake message decoded into name/value rows.
import { TlsAlertError } from './alerts';
import { concat, toHex } from './bytes';
import {
  extensionName, ExtensionType, groupName, parseClientKeyShares, parseSelectedVersion,
  parseServerKeyShare, parseServerName, parseU16ListExtension, signatureName, suiteName, versionName,
  type Extension,
} from './extensions';
import {
  decodeCertificate, decodeCertificateRequest, decodeCertificateVerify, decodeClientHello,
  decodeEncryptedExtensions, decodeServerHello, HandshakeType, handshakeTypeName, type HandshakeMessage,
} from './messages';
import type { HandshakeStep } from './types';

export interface Field {
  name: string;
  value: string;
}

/** One row of the handshake view; `records` are the record(s) that carried the message. */
export function handshakeStep(
  direction: HandshakeStep['direction'],
  message: HandshakeMessage,
  encrypted: boolean,
  records: Uint8Array[],
): HandshakeStep {
  return {
    direction, type: handshakeTypeName(message.type), encrypted, plaintext: message.raw,
    record: concat(...records), fields: describeFields(message.type, message.body),
  };
}

/** Never throws: a message too malformed to describe gets one row saying why. */
export function describeFields(type: number, body: Uint8Array): Field[] {
  try {
    return fieldsOf(type, body);
  } catch (e) {
    if (e instanceof TlsAlertError) return [{ name: 'malformed', value: e.reason }];
    throw e;
  }
}

function fieldsOf(type: number, body: Uint8Array): Field[] {
  switch (type) {
    case HandshakeType.clientHello: return clientHelloFields(body);
    case HandshakeType.serverHello: return serverHelloFields(body);
    case HandshakeType.encryptedExtensions: return extensionFields(decodeEncryptedExtensions(body));
    case HandshakeType.certificateRequest: return certificateRequestFields(body);
    case HandshakeType.certificate: return certificateFields(body);
    case HandshakeType.certificateVerify: {
      const cv = decodeCertificateVerify(body);
      return [{ name: 'algorithm', value: signatureName(cv.algorithm) }, { name: 'signature', value: toHex(cv.signature) }];
    }
    case HandshakeType.finished: return [{ name: 'verify_data', value: toHex(body) }];
    default: return [{ name: 'length', value: `${body.length} bytes` }];
  }
}

function clientHelloFields(body: Uint8Array): Field[] {
  const ch = decodeClientHello(body);
  return [
    { name: 'random', value: toHex(ch.random) },
    { name: 'legacy_session_id', value: toHex(ch.sessionId) },
    { name: 'cipher_suites', value: ch.cipherSuites.map(suiteName).join(', ') },
    ...extensionFields(ch.extensions, true),
  ];
}

function serverHelloFields(body: Uint8Array): Field[] {
  const sh = decodeServerHello(body);
  return [
    { name: 'random', value: toHex(sh.random) },
    { name: 'legacy_session_id_echo', value: toHex(sh.sessionId) },
    { name: 'cipher_suite', value: suiteName(sh.cipherSuite) },
    ...extensionFields(sh.extensions),
  ];
}

function certificateRequestFields(body: Uint8Array): Field[] {
  const cr = decodeCertificateRequest(body);
  return [{ name: 'certificate_request_context', value: toHex(cr.context) }, ...extensionFields(cr.extensions)];
}

function certificateFields(body: Uint8Array): Field[] {
  const { chain } = decodeCertificate(body);
  if (chain.length === 0) return [{ name: 'certificate_list', value: 'empty' }];
  return chain.map((der, i) => ({ name: `certificate[${i}]`, value: `${der.length} bytes DER` }));
}

/**
 * One row per extension; the ones this subset understands are decoded, the rest named. The same
 * extension has a list shape in ClientHello and a single value in ServerHello.
 */
function extensionFields(extensions: Extension[], inClientHello = false): Field[] {
  return extensions.map((e) => ({ name: extensionName(e.type), value: extensionValue(e, inClientHello) }));
}

function extensionValue(e: Extension, inClientHello: boolean): string {
  switch (e.type) {
    case ExtensionType.serverName: return e.data.length === 0 ? '(acknowledged)' : parseServerName(e.data);
    case ExtensionType.supportedGroups: return parseU16ListExtension(e.data, 2, 'supported_groups').map(groupName).join(', ');
    case ExtensionType.signatureAlgorithms:
      return parseU16ListExtension(e.data, 2, 'signature_algorithms').map(signatureName).join(', ');
    case ExtensionType.supportedVersions:
      return inClientHello ? parseU16ListExtension(e.data, 1, 'supported_versions').map(versionName).join(', ')
        : versionName(parseSelectedVersion(e.data));
    case ExtensionType.keyShare:
      return keyShareText(inClientHello ? parseClientKeyShares(e.data) : [parseServerKeyShare(e.data)]);
    default: return `${e.data.length} bytes`;
  }
}

function keyShareText(entries: { group: number; key: Uint8Array }[]): string {
  return entries.map((k) => `${groupName(k.group)} ${toHex(k.key)}`).join('; ');
}
