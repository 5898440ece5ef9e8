// Hello and CertificateRequest extensions (RFC 8446 section 4.2) this subset speaks, with the
// names the handshake view prints. Unknown extensions from OpenSSL are kept and ignored.
import { fail } from './alerts';
import { concat, encodeU16List, readU16List, Reader, u16, u8, utf8, vec16, vec8 } from './bytes';

export const ExtensionType = {
  serverName: 0,
  supportedGroups: 10,
  signatureAlgorithms: 13,
  supportedVersions: 43,
  keyShare: 51,
} as const;

const EXTENSION_NAMES: Record<number, string> = {
  0: 'server_name', 5: 'status_request', 10: 'supported_groups', 11: 'ec_point_formats',
  13: 'signature_algorithms', 16: 'application_layer_protocol_negotiation', 22: 'encrypt_then_mac',
  23: 'extended_master_secret', 35: 'session_ticket', 41: 'pre_shared_key', 42: 'early_data',
  43: 'supported_versions', 44: 'cookie', 45: 'psk_key_exchange_modes', 47: 'certificate_authorities',
  49: 'post_handshake_auth', 50: 'signature_algorithms_cert', 51: 'key_share',
};

export const TLS13 = 0x0304;
export const TLS_AES_128_GCM_SHA256 = 0x1301;
export const ECDSA_SECP256R1_SHA256 = 0x0403;
export const GROUP_CODES = { x25519: 0x001d, secp256r1: 0x0017 } as const;

const GROUP_NAMES: Record<number, string> = { 0x1d: 'x25519', 0x17: 'secp256r1', 0x18: 'secp384r1', 0x19: 'secp521r1', 0x1e: 'x448' };
const SIGNATURE_NAMES: Record<number, string> = {
  0x0403: 'ecdsa_secp256r1_sha256', 0x0503: 'ecdsa_secp384r1_sha384', 0x0603: 'ecdsa_secp521r1_sha512',
  0x0804: 'rsa_pss_rsae_sha256', 0x0805: 'rsa_pss_rsae_sha384', 0x0806: 'rsa_pss_rsae_sha512',
  0x0807: 'ed25519', 0x0808: 'ed448', 0x0401: 'rsa_pkcs1_sha256',
};

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
export const extensionName = (t: number) => EXTENSION_NAMES[t] ?? `extension ${t}`;
export const groupName = (g: number) => GROUP_NAMES[g] ?? hex4(g);
export const signatureName = (s: number) => SIGNATURE_NAMES[s] ?? hex4(s);
export const suiteName = (s: number) => (s === TLS_AES_128_GCM_SHA256 ? 'TLS_AES_128_GCM_SHA256' : hex4(s));
export const versionName = (v: number) => (v === TLS13 ? 'TLS 1.3' : v === 0x0303 ? 'TLS 1.2' : hex4(v));

export interface Extension {
  type: number;
  data: Uint8Array;
}

export function encodeExtensions(extensions: Extension[]): Uint8Array {
  return vec16(concat(...extensions.map((e) => concat(u16(e.type), vec16(e.data)))));
}

/** Extensions in wire order; a repeated type is illegal_parameter (RFC 8446 section 4.2). */
export function decodeExtensions(block: Uint8Array, what: string): Extension[] {
  const r = new Reader(block, `${what} extensions`);
  const out: Extension[] = [];
  while (r.remaining > 0) {
    const type = r.u16();
    if (out.some((e) => e.type === type)) fail('illegal_parameter', `${what} repeats the ${extensionName(type)} extension`);
    out.push({ type, data: r.vec16() });
  }
  return out;
}

export function findExtension(extensions: Extension[], type: number): Uint8Array | undefined {
  return extensions.find((e) => e.type === type)?.data;
}

export function requireExtension(extensions: Extension[], type: number, what: string): Uint8Array {
  const data = findExtension(extensions, type);
  if (!data) fail('missing_extension', `${what} has no ${extensionName(type)} extension`);
  return data;
}

export function serverNameExtension(name: string): Extension {
  const entry = concat(u8(0), vec16(utf8(name)));
  return { type: ExtensionType.serverName, data: vec16(entry) };
}

/** The host_name entry of a server_name extension, '' if there is none. */
export function parseServerName(data: Uint8Array): string {
  const list = new Reader(new Reader(data, 'server_name').vec16(), 'server_name list');
  while (list.remaining > 0) {
    const kind = list.u8();
    const name = list.vec16();
    if (kind === 0) return new TextDecoder().decode(name);
  }
  return '';
}

export function u16ListExtension(type: number, values: number[], lengthBytes: 1 | 2): Extension {
  const list = encodeU16List(values);
  return { type, data: lengthBytes === 1 ? vec8(list) : vec16(list) };
}

export function parseU16ListExtension(data: Uint8Array, lengthBytes: 1 | 2, what: string): number[] {
  const r = new Reader(data, what);
  const list = lengthBytes === 1 ? r.vec8() : r.vec16();
  r.end();
  return readU16List(list, what);
}

export interface KeyShareEntry {
  group: number;
  key: Uint8Array;
}

export function encodeKeyShareEntry(entry: KeyShareEntry): Uint8Array {
  return concat(u16(entry.group), vec16(entry.key));
}

export function parseClientKeyShares(data: Uint8Array): KeyShareEntry[] {
  const outer = new Reader(data, 'key_share');
  const list = new Reader(outer.vec16(), 'key_share list');
  outer.end();
  const out: KeyShareEntry[] = [];
  while (list.remaining > 0) out.push({ group: list.u16(), key: list.vec16() });
  return out;
}

export function parseServerKeyShare(data: Uint8Array): KeyShareEntry {
  const r = new Reader(data, 'key_share');
  const entry = { group: r.u16(), key: r.vec16() };
  r.end();
  return entry;
}

export function parseSelectedVersion(data: Uint8Array): number {
  const r = new Reader(data, 'supported_versions');
  const version = r.u16();
  r.end();
  return version;
}
