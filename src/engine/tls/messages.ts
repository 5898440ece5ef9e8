// Handshake messages (RFC 8446 section 4): the type + 24-bit length framing and the bodies of the
// messages this subset sends or reads. Decoders check lengths exactly and leave meaning to the
// client and server state machines.
import { fail } from './alerts';
import { concat, readU16List, Reader, u16, u24, u8, vec16, vec24, vec8, encodeU16List } from './bytes';
import { decodeExtensions, encodeExtensions, type Extension } from './extensions';

export const HandshakeType = {
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  endOfEarlyData: 5,
  encryptedExtensions: 8,
  certificate: 11,
  certificateRequest: 13,
  certificateVerify: 15,
  finished: 20,
  keyUpdate: 24,
} as const;

const TYPE_NAMES: Record<number, string> = {
  1: 'ClientHello', 2: 'ServerHello', 4: 'NewSessionTicket', 5: 'EndOfEarlyData', 8: 'EncryptedExtensions',
  11: 'Certificate', 13: 'CertificateRequest', 15: 'CertificateVerify', 20: 'Finished', 24: 'KeyUpdate',
};

export function handshakeTypeName(type: number): string {
  return TYPE_NAMES[type] ?? `handshake type ${type}`;
}

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
  /** Type, length and body: what goes into the transcript hash. */
  raw: Uint8Array;
}

export function encodeHandshake(type: number, body: Uint8Array): HandshakeMessage {
  return { type, body, raw: concat(u8(type), u24(body.length), body) };
}

export interface Hello {
  random: Uint8Array;
  sessionId: Uint8Array;
  extensions: Extension[];
}

export interface ClientHello extends Hello {
  cipherSuites: number[];
  compressionMethods: Uint8Array;
}

export interface ServerHello extends Hello {
  cipherSuite: number;
  compressionMethod: number;
}

export function encodeClientHello(ch: ClientHello): Uint8Array {
  return concat(u16(0x0303), ch.random, vec8(ch.sessionId), vec16(encodeU16List(ch.cipherSuites)),
    vec8(ch.compressionMethods), encodeExtensions(ch.extensions));
}

export function decodeClientHello(body: Uint8Array): ClientHello {
  const r = new Reader(body, 'ClientHello');
  r.u16();
  const random = r.take(32);
  const sessionId = r.vec8();
  if (sessionId.length > 32) fail('illegal_parameter', 'ClientHello legacy_session_id is longer than 32 bytes');
  const cipherSuites = readU16List(r.vec16(), 'ClientHello cipher_suites');
  const compressionMethods = r.vec8();
  const extensions = decodeExtensions(r.vec16(), 'ClientHello');
  r.end();
  return { random, sessionId, cipherSuites, compressionMethods, extensions };
}

export function encodeServerHello(sh: ServerHello): Uint8Array {
  return concat(u16(0x0303), sh.random, vec8(sh.sessionId), u16(sh.cipherSuite), u8(sh.compressionMethod),
    encodeExtensions(sh.extensions));
}

export function decodeServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body, 'ServerHello');
  r.u16();
  const random = r.take(32);
  const sessionId = r.vec8();
  const cipherSuite = r.u16();
  const compressionMethod = r.u8();
  const extensions = decodeExtensions(r.vec16(), 'ServerHello');
  r.end();
  return { random, sessionId, cipherSuite, compressionMethod, extensions };
}

export function decodeEncryptedExtensions(body: Uint8Array): Extension[] {
  const r = new Reader(body, 'EncryptedExtensions');
  const extensions = decodeExtensions(r.vec16(), 'EncryptedExtensions');
  r.end();
  return extensions;
}

export interface CertificateRequest {
  context: Uint8Array;
  extensions: Extension[];
}

export function encodeCertificateRequest(cr: CertificateRequest): Uint8Array {
  return concat(vec8(cr.context), encodeExtensions(cr.extensions));
}

export function decodeCertificateRequest(body: Uint8Array): CertificateRequest {
  const r = new Reader(body, 'CertificateRequest');
  const context = r.vec8();
  const extensions = decodeExtensions(r.vec16(), 'CertificateRequest');
  r.end();
  return { context, extensions };
}

export interface CertificateMessage {
  context: Uint8Array;
  /** DER certificates, leaf first; per-entry extensions (OCSP, SCT) are not used and dropped. */
  chain: Uint8Array[];
}

export function encodeCertificate(msg: CertificateMessage): Uint8Array {
  const entries = msg.chain.map((der) => concat(vec24(der), vec16(new Uint8Array(0))));
  return concat(vec8(msg.context), vec24(concat(...entries)));
}

export function decodeCertificate(body: Uint8Array): CertificateMessage {
  const r = new Reader(body, 'Certificate');
  const context = r.vec8();
  const list = new Reader(r.vec24(), 'Certificate certificate_list');
  r.end();
  const chain: Uint8Array[] = [];
  while (list.remaining > 0) {
    const der = list.vec24();
    if (der.length === 0) fail('decode_error', 'Certificate has an empty cert_data');
    list.vec16();
    chain.push(der.slice());
  }
  return { context, chain };
}

export interface CertificateVerify {
  algorithm: number;
  signature: Uint8Array;
}

export function encodeCertificateVerify(cv: CertificateVerify): Uint8Array {
  return concat(u16(cv.algorithm), vec16(cv.signature));
}

export function decodeCertificateVerify(body: Uint8Array): CertificateVerify {
  const r = new Reader(body, 'CertificateVerify');
  const cv = { algorithm: r.u16(), signature: r.vec16() };
  r.end();
  return cv;
}

export function decodeKeyUpdate(body: Uint8Array): { updateRequested: boolean } {
  const r = new Reader(body, 'KeyUpdate');
  const request = r.u8();
  r.end();
  if (request > 1) fail('illegal_parameter', `KeyUpdate request_update is ${request}`);
  return { updateRequested: request === 1 };
}
