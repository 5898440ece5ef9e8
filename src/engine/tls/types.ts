// Shapes of the TLS 1.3 subset that every node-to-node connection runs, shared with the swarm node,
// the simulator and the handshake view. All bytes are real: records as they go on the wire.

export interface TlsIdentity {
  /** DER certificates, leaf first, then intermediates (e.g. the cross-signed root). */
  chain: Uint8Array[];
  /** 32-byte P-256 private scalar of the leaf. */
  privateKey: Uint8Array;
}

/** TLS alert descriptions this implementation sends (RFC 8446 section 6). */
export type AlertName =
  | 'close_notify'
  | 'unexpected_message'
  | 'bad_record_mac'
  | 'handshake_failure'
  | 'bad_certificate'
  | 'certificate_expired'
  | 'certificate_unknown'
  | 'unknown_ca'
  | 'decode_error'
  | 'decrypt_error'
  | 'protocol_version'
  | 'illegal_parameter'
  | 'missing_extension'
  | 'internal_error'
  | 'certificate_required'
  | 'unrecognized_name';

/**
 * Decides whether a peer's certificate chain is acceptable. Returns the leaf's public key (65-byte
 * uncompressed P-256) so CertificateVerify can be checked, or an alert and a reason for people.
 */
export type PeerVerifier = (chain: Uint8Array[]) =>
  | { ok: true; publicKey: Uint8Array }
  | { ok: false; alert: AlertName; reason: string };

export type TlsGroup = 'x25519' | 'secp256r1';

/** Bytes source for randoms and ephemeral keys; the engine passes a seeded PRNG. */
export interface RandomSource {
  bytes(n: number): Uint8Array;
}

export interface TlsClientConfig {
  serverName: string;
  /** Sent when the server asks for a certificate; without it an empty Certificate goes. */
  identity?: TlsIdentity;
  verifyServer: PeerVerifier;
  random: RandomSource;
  group?: TlsGroup;
}

export interface TlsServerConfig {
  identity: TlsIdentity;
  /** 'require': no certificate is an error; 'ifGiven': swarmkit's VerifyClientCertIfGiven. */
  clientAuth: 'require' | 'ifGiven';
  verifyClient: PeerVerifier;
  random: RandomSource;
}

export type TlsState = 'start' | 'handshaking' | 'connected' | 'failed' | 'closed';

/** One handshake message as the handshake view shows it, in the order it was sent or received. */
export interface HandshakeStep {
  direction: 'sent' | 'received';
  /** e.g. "ClientHello", "ServerHello", "EncryptedExtensions", "CertificateRequest", "Certificate", "CertificateVerify", "Finished". */
  type: string;
  /** true when it travelled inside an encrypted record (everything after ServerHello). */
  encrypted: boolean;
  /** The handshake message bytes (type + length + body). */
  plaintext: Uint8Array;
  /** The record(s) that carried it, as on the wire (for encrypted ones: the ciphertext record). */
  record: Uint8Array;
  /** Decoded fields for people, e.g. [{name:'cipher_suite', value:'TLS_AES_128_GCM_SHA256'}]. */
  fields: { name: string; value: string }[];
}

/** RFC 8446 key schedule values of one connection (hex), for the handshake view. */
export interface TlsSecrets {
  sharedSecret: string;
  handshakeSecret: string;
  clientHandshakeTrafficSecret: string;
  serverHandshakeTrafficSecret: string;
  masterSecret: string;
  clientApplicationTrafficSecret: string;
  serverApplicationTrafficSecret: string;
}

export interface TlsFailure {
  /** The handshake step being processed when it failed, e.g. "server Certificate". */
  step: string;
  alert: AlertName;
  reason: string;
  /** true when the peer told us (we received the alert), false when we detected it. */
  remote: boolean;
}

/** What one call into a connection produced. */
export interface TlsOutput {
  /** Bytes to write to the transport, in order (whole records). */
  send: Uint8Array[];
  /** Application data received, in order. */
  data: Uint8Array[];
  /** true on the call where the handshake completed. */
  connected: boolean;
  /** Set on the call where the connection failed (we sent or received a fatal alert). */
  failure?: TlsFailure;
}
