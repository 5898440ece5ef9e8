// The server side: reads ClientHello, answers with its whole flight at once (ServerHello,
// EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify, Finished), then reads
// the client's Certificate, CertificateVerify (when a certificate came) and Finished.
import { fail } from './alerts';
import { equalBytes, toHex, u16, vec16 } from './bytes';
import { checkCertificateVerify, signCertificateVerify } from './certificate-verify';
import { TlsEndpoint } from './endpoint';
import {
  ECDSA_SECP256R1_SHA256, encodeKeyShareEntry, ExtensionType, findExtension, GROUP_CODES, parseClientKeyShares,
  parseU16ListExtension, requireExtension, TLS13, TLS_AES_128_GCM_SHA256, u16ListExtension, type KeyShareEntry,
} from './extensions';
import type { ReceivedMessage } from './handshake-buffer';
import { applicationSecrets, finishedVerifyData, handshakeSecrets, type HandshakeSecrets } from './key-schedule';
import { generateEphemeral, groupFromCode, sharedSecret } from './key-exchange';
import {
  decodeCertificate, decodeClientHello, encodeCertificate, encodeCertificateRequest,
  encodeCertificateVerify, encodeHandshake, encodeServerHello, HandshakeType, type ClientHello,
} from './messages';
import type { TlsServerConfig } from './types';

export class TlsServer extends TlsEndpoint {
  private keys: HandshakeSecrets | null = null;
  private clientApplicationSecret: Uint8Array = new Uint8Array(0);
  private clientKey: Uint8Array = new Uint8Array(0);

  constructor(private readonly cfg: TlsServerConfig) {
    super('server');
    this.expect([HandshakeType.clientHello], (m) => this.onClientHello(m));
  }

  private onClientHello(message: ReceivedMessage): void {
    this.beginHandshake();
    const ch = decodeClientHello(message.body);
    const share = checkClientHello(ch);
    const group = groupFromCode(share.group)!;
    const random = this.cfg.random.bytes(32);
    const own = generateEphemeral(group, this.cfg.random);
    const extensions = [
      { type: ExtensionType.supportedVersions, data: u16(TLS13) },
      { type: ExtensionType.keyShare, data: encodeKeyShareEntry({ group: own.code, key: own.publicKey }) },
    ];
    const hello = { random, sessionId: ch.sessionId, cipherSuite: TLS_AES_128_GCM_SHA256, compressionMethod: 0, extensions };
    this.sendHandshake(encodeHandshake(HandshakeType.serverHello, encodeServerHello(hello)));
    // Middlebox compatibility mode: a client that sent a session id expects a CCS here (RFC 8446 D.4).
    if (ch.sessionId.length > 0) this.sendChangeCipherSpec();
    const shared = sharedSecret(own, share.key);
    this.keys = handshakeSecrets(shared, this.transcript.hash());
    this.noteSecrets({
      sharedSecret: toHex(shared), handshakeSecret: toHex(this.keys.handshakeSecret),
      clientHandshakeTrafficSecret: toHex(this.keys.clientHandshakeTrafficSecret),
      serverHandshakeTrafficSecret: toHex(this.keys.serverHandshakeTrafficSecret),
    });
    this.setReadSecret(this.keys.clientHandshakeTrafficSecret);
    this.setWriteSecret(this.keys.serverHandshakeTrafficSecret);
    this.sendEncryptedFlight(this.keys);
    this.expect([HandshakeType.certificate], (m) => this.onCertificate(m));
  }

  private sendEncryptedFlight(keys: HandshakeSecrets): void {
    this.sendHandshake(encodeHandshake(HandshakeType.encryptedExtensions, vec16(new Uint8Array(0))));
    const request = { context: new Uint8Array(0), extensions: [u16ListExtension(ExtensionType.signatureAlgorithms, [ECDSA_SECP256R1_SHA256], 2)] };
    this.sendHandshake(encodeHandshake(HandshakeType.certificateRequest, encodeCertificateRequest(request)));
    const { chain, privateKey } = this.cfg.identity;
    this.sendHandshake(encodeHandshake(HandshakeType.certificate, encodeCertificate({ context: new Uint8Array(0), chain })));
    const signature = signCertificateVerify('server', this.transcript.hash(), privateKey);
    this.sendHandshake(encodeHandshake(HandshakeType.certificateVerify, encodeCertificateVerify({ algorithm: ECDSA_SECP256R1_SHA256, signature })));
    this.sendHandshake(encodeHandshake(HandshakeType.finished, finishedVerifyData(keys.serverHandshakeTrafficSecret, this.transcript.hash())));
    const app = applicationSecrets(keys.handshakeSecret, this.transcript.hash());
    this.noteSecrets({
      masterSecret: toHex(app.masterSecret),
      clientApplicationTrafficSecret: toHex(app.clientApplicationTrafficSecret),
      serverApplicationTrafficSecret: toHex(app.serverApplicationTrafficSecret),
    });
    this.setWriteSecret(app.serverApplicationTrafficSecret);
    this.clientApplicationSecret = app.clientApplicationTrafficSecret;
  }

  private onCertificate(message: ReceivedMessage): void {
    const { context, chain } = decodeCertificate(message.body);
    if (context.length !== 0) fail('illegal_parameter', 'the client Certificate does not echo our empty request context');
    this.chain = chain;
    if (chain.length === 0) {
      if (this.cfg.clientAuth === 'require') fail('certificate_required', 'the client sent no certificate and one is required');
      this.expect([HandshakeType.finished], (m) => this.onFinished(m));
      return;
    }
    const verdict = this.cfg.verifyClient(chain);
    if (!verdict.ok) fail(verdict.alert, verdict.reason);
    this.clientKey = verdict.publicKey;
    this.expect([HandshakeType.certificateVerify], (m) => this.onCertificateVerify(m));
  }

  private onCertificateVerify(message: ReceivedMessage): void {
    checkCertificateVerify('client', message.body, this.hashBeforeMessage, this.clientKey);
    this.expect([HandshakeType.finished], (m) => this.onFinished(m));
  }

  private onFinished(message: ReceivedMessage): void {
    const expected = finishedVerifyData(this.keys!.clientHandshakeTrafficSecret, this.hashBeforeMessage);
    if (!equalBytes(expected, message.body)) fail('decrypt_error', 'the client Finished does not match the transcript');
    this.setReadSecret(this.clientApplicationSecret);
    this.becomeConnected();
  }
}

/** What the ClientHello must offer for this subset; returns the key share to answer. */
function checkClientHello(ch: ClientHello): KeyShareEntry {
  // A ClientHello without supported_versions is a TLS 1.2 (or older) one.
  const offered = findExtension(ch.extensions, ExtensionType.supportedVersions);
  const versions = offered ? parseU16ListExtension(offered, 1, 'supported_versions') : [];
  if (!versions.includes(TLS13)) fail('protocol_version', 'the client does not offer TLS 1.3');
  if (!ch.cipherSuites.includes(TLS_AES_128_GCM_SHA256)) fail('handshake_failure', 'the client does not offer TLS_AES_128_GCM_SHA256');
  if (ch.compressionMethods.length !== 1 || ch.compressionMethods[0] !== 0) fail('illegal_parameter', 'TLS 1.3 allows only null compression');
  const schemes = parseU16ListExtension(requireExtension(ch.extensions, ExtensionType.signatureAlgorithms, 'ClientHello'), 2, 'signature_algorithms');
  if (!schemes.includes(ECDSA_SECP256R1_SHA256)) fail('handshake_failure', 'the client does not accept ecdsa_secp256r1_sha256');
  requireExtension(ch.extensions, ExtensionType.supportedGroups, 'ClientHello');
  const shares = parseClientKeyShares(requireExtension(ch.extensions, ExtensionType.keyShare, 'ClientHello'));
  // No HelloRetryRequest: a client without an x25519 or secp256r1 share is refused outright.
  // A pre_shared_key offer is ignored; answering without one declines resumption (RFC 8446 4.2.11).
  const share = shares.find((s) => s.group === GROUP_CODES.x25519) ?? shares.find((s) => s.group === GROUP_CODES.secp256r1);
  if (!share) fail('handshake_failure', 'the client sent no x25519 or secp256r1 key share');
  return share;
}
