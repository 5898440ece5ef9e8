// The client side of the handshake: ClientHello, then the server's flight (ServerHello,
// EncryptedExtensions, optional CertificateRequest, Certificate, CertificateVerify, Finished),
// then its own Certificate/CertificateVerify when asked, and Finished. Each step sets the next.
import { fail } from './alerts';
import { equalBytes, toHex, vec16 } from './bytes';
import { checkCertificateVerify, signCertificateVerify } from './certificate-verify';
import { TlsEndpoint } from './endpoint';
import {
  ECDSA_SECP256R1_SHA256, ExtensionType, findExtension, GROUP_CODES, parseSelectedVersion, parseServerKeyShare, requireExtension,
  serverNameExtension, TLS13, TLS_AES_128_GCM_SHA256, u16ListExtension, encodeKeyShareEntry, versionName,
} from './extensions';
import type { ReceivedMessage } from './handshake-buffer';
import { applicationSecrets, finishedVerifyData, handshakeSecrets, type HandshakeSecrets } from './key-schedule';
import { generateEphemeral, sharedSecret, type EphemeralKey } from './key-exchange';
import {
  decodeCertificate, decodeCertificateRequest, decodeEncryptedExtensions, decodeServerHello,
  encodeCertificate, encodeCertificateVerify, encodeClientHello, encodeHandshake, HandshakeType,
} from './messages';
import type { TlsClientConfig, TlsOutput } from './types';

/** SHA-256("HelloRetryRequest"): a ServerHello with this random is a HelloRetryRequest. */
const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

export class TlsClient extends TlsEndpoint {
  private sessionId: Uint8Array = new Uint8Array(0);
  private ephemeral: EphemeralKey | null = null;
  private keys: HandshakeSecrets | null = null;
  private serverKey: Uint8Array = new Uint8Array(0);
  /** Set by a CertificateRequest: the context our Certificate must echo. */
  private certificateContext: Uint8Array | null = null;

  constructor(private readonly cfg: TlsClientConfig) {
    super('client');
  }

  start(): TlsOutput {
    if (this.state !== 'start') throw new Error(`TlsClient.start: already ${this.state}`);
    return this.run(() => {
      this.beginHandshake();
      const random = this.cfg.random.bytes(32);
      this.sessionId = this.cfg.random.bytes(32);
      this.ephemeral = generateEphemeral(this.cfg.group ?? 'x25519', this.cfg.random);
      const extensions = [
        serverNameExtension(this.cfg.serverName),
        u16ListExtension(ExtensionType.supportedVersions, [TLS13], 1),
        u16ListExtension(ExtensionType.supportedGroups, [GROUP_CODES.x25519, GROUP_CODES.secp256r1], 2),
        u16ListExtension(ExtensionType.signatureAlgorithms, [ECDSA_SECP256R1_SHA256], 2),
        { type: ExtensionType.keyShare, data: vec16(encodeKeyShareEntry({ group: this.ephemeral.code, key: this.ephemeral.publicKey })) },
      ];
      const hello = { random, sessionId: this.sessionId, cipherSuites: [TLS_AES_128_GCM_SHA256], compressionMethods: Uint8Array.of(0), extensions };
      this.sendHandshake(encodeHandshake(HandshakeType.clientHello, encodeClientHello(hello)));
      this.expect([HandshakeType.serverHello], (m) => this.onServerHello(m));
    });
  }

  private onServerHello(message: ReceivedMessage): void {
    const sh = decodeServerHello(message.body);
    if (toHex(sh.random) === HRR_RANDOM) fail('handshake_failure', 'the server sent a HelloRetryRequest for a key share we did not offer');
    const selected = findExtension(sh.extensions, ExtensionType.supportedVersions);
    // Without supported_versions the server is answering in TLS 1.2 or older.
    const version = selected ? parseSelectedVersion(selected) : 0x0303;
    if (version !== TLS13) fail('protocol_version', `the server selected ${versionName(version)}, not TLS 1.3`);
    if (!equalBytes(sh.sessionId, this.sessionId)) fail('illegal_parameter', 'ServerHello does not echo our legacy_session_id');
    if (sh.cipherSuite !== TLS_AES_128_GCM_SHA256) fail('illegal_parameter', 'the server chose a cipher suite we did not offer');
    if (sh.compressionMethod !== 0) fail('illegal_parameter', 'the server chose a compression method');
    const share = parseServerKeyShare(requireExtension(sh.extensions, ExtensionType.keyShare, 'ServerHello'));
    const own = this.ephemeral!;
    if (share.group !== own.code) fail('illegal_parameter', 'the server key share is for a group we did not send');
    const shared = sharedSecret(own, share.key);
    this.keys = handshakeSecrets(shared, this.transcript.hash());
    this.noteSecrets({
      sharedSecret: toHex(shared), handshakeSecret: toHex(this.keys.handshakeSecret),
      clientHandshakeTrafficSecret: toHex(this.keys.clientHandshakeTrafficSecret),
      serverHandshakeTrafficSecret: toHex(this.keys.serverHandshakeTrafficSecret),
    });
    this.setReadSecret(this.keys.serverHandshakeTrafficSecret);
    this.expect([HandshakeType.encryptedExtensions], (m) => this.onEncryptedExtensions(m));
  }

  /** Nothing this subset negotiates lives here; decoding still rejects a malformed message. */
  private onEncryptedExtensions(message: ReceivedMessage): void {
    decodeEncryptedExtensions(message.body);
    this.expect([HandshakeType.certificateRequest, HandshakeType.certificate], (m) => this.onCertificateRequestOrCertificate(m));
  }

  private onCertificateRequestOrCertificate(message: ReceivedMessage): void {
    if (message.type === HandshakeType.certificate) return this.onCertificate(message);
    this.certificateContext = decodeCertificateRequest(message.body).context;
    this.expect([HandshakeType.certificate], (m) => this.onCertificate(m));
  }

  private onCertificate(message: ReceivedMessage): void {
    const { context, chain } = decodeCertificate(message.body);
    if (context.length !== 0) fail('illegal_parameter', 'the server Certificate has a request context');
    if (chain.length === 0) fail('decode_error', 'the server sent an empty Certificate');
    this.chain = chain;
    const verdict = this.cfg.verifyServer(chain);
    if (!verdict.ok) fail(verdict.alert, verdict.reason);
    this.serverKey = verdict.publicKey;
    this.expect([HandshakeType.certificateVerify], (m) => this.onCertificateVerify(m));
  }

  private onCertificateVerify(message: ReceivedMessage): void {
    checkCertificateVerify('server', message.body, this.hashBeforeMessage, this.serverKey);
    this.expect([HandshakeType.finished], (m) => this.onFinished(m));
  }

  private onFinished(message: ReceivedMessage): void {
    const keys = this.keys!;
    const expected = finishedVerifyData(keys.serverHandshakeTrafficSecret, this.hashBeforeMessage);
    if (!equalBytes(expected, message.body)) fail('decrypt_error', 'the server Finished does not match the transcript');
    const app = applicationSecrets(keys.handshakeSecret, this.transcript.hash());
    this.noteSecrets({
      masterSecret: toHex(app.masterSecret),
      clientApplicationTrafficSecret: toHex(app.clientApplicationTrafficSecret),
      serverApplicationTrafficSecret: toHex(app.serverApplicationTrafficSecret),
    });
    this.sendChangeCipherSpec();
    this.setWriteSecret(keys.clientHandshakeTrafficSecret);
    if (this.certificateContext) this.sendClientCertificate(this.certificateContext);
    const verifyData = finishedVerifyData(keys.clientHandshakeTrafficSecret, this.transcript.hash());
    this.sendHandshake(encodeHandshake(HandshakeType.finished, verifyData));
    this.setWriteSecret(app.clientApplicationTrafficSecret);
    this.setReadSecret(app.serverApplicationTrafficSecret);
    this.becomeConnected();
  }

  /** Without an identity the answer is an empty Certificate and no CertificateVerify (RFC 8446 4.4.2). */
  private sendClientCertificate(context: Uint8Array): void {
    const identity = this.cfg.identity;
    const chain = identity ? identity.chain : [];
    this.sendHandshake(encodeHandshake(HandshakeType.certificate, encodeCertificate({ context, chain })));
    if (!identity) return;
    const signature = signCertificateVerify('client', this.transcript.hash(), identity.privateKey);
    const body = encodeCertificateVerify({ algorithm: ECDSA_SECP256R1_SHA256, signature });
    this.sendHandshake(encodeHandshake(HandshakeType.certificateVerify, body));
  }
}
