// What client and server share: the record layer in both directions, handshake reassembly, the
// transcript, alerts and the public TlsEndpoint surface. Every public call starts a fresh TlsOutput,
// and any TlsAlertError thrown below turns into one fatal alert, a TlsFailure and state 'failed'.
import { alertFromCode, fail, TlsAlertError } from './alerts';
import { handshakeStep } from './describe';
import { HandshakeBuffer, type ReceivedMessage } from './handshake-buffer';
import { nextTrafficSecret } from './key-schedule';
import { decodeKeyUpdate, encodeHandshake, HandshakeType, handshakeTypeName, type HandshakeMessage } from './messages';
import { ContentType, RecordBuffer, RecordProtection, type TlsRecord } from './record-layer';
import { RecordWriter } from './record-writer';
import { Transcript } from './transcript';
import type { AlertName, HandshakeStep, TlsFailure, TlsOutput, TlsSecrets, TlsState } from './types';

export type Role = 'client' | 'server';

interface Expectation {
  types: number[];
  handle: (message: ReceivedMessage) => void;
}

const NO_SECRETS: TlsSecrets = {
  sharedSecret: '', handshakeSecret: '', clientHandshakeTrafficSecret: '', serverHandshakeTrafficSecret: '',
  masterSecret: '', clientApplicationTrafficSecret: '', serverApplicationTrafficSecret: '',
};

export abstract class TlsEndpoint {
  private currentState: TlsState = 'start';
  private readonly stepList: HandshakeStep[] = [];
  private secretValues: TlsSecrets | null = null;
  private failureValue: TlsFailure | null = null;
  private readonly records = new RecordBuffer();
  private readonly handshake = new HandshakeBuffer();
  private out: TlsOutput = { send: [], data: [], connected: false };
  private expectation: Expectation | null = null;
  private activeStep: string | null = null;
  private readProtection: RecordProtection | null = null;
  private readSecret: Uint8Array = new Uint8Array(0);
  private readonly writer = new RecordWriter((record) => this.out.send.push(record));
  private closeSent = false;
  private peerClosed = false;
  protected readonly transcript = new Transcript();
  /** Transcript-Hash up to, not including, the message being handled (for CertificateVerify, Finished). */
  protected hashBeforeMessage: Uint8Array = new Uint8Array(0);
  protected chain: Uint8Array[] = [];

  protected constructor(private readonly role: Role) {}

  get state(): TlsState { return this.currentState; }
  get steps(): HandshakeStep[] { return this.stepList; }
  get secrets(): TlsSecrets | null { return this.secretValues; }
  get peerChain(): Uint8Array[] { return this.chain; }
  get failure(): TlsFailure | null { return this.failureValue; }

  /** Nothing more is read after a fatal alert or the peer's close_notify. */
  private get halted(): boolean {
    return this.currentState === 'failed' || this.peerClosed;
  }

  private get peer(): Role {
    return this.role === 'client' ? 'server' : 'client';
  }

  receive(bytes: Uint8Array): TlsOutput {
    return this.run(() => {
      if (this.halted) return;
      this.records.push(bytes);
      while (!this.halted) {
        const record = this.records.next();
        if (!record) return;
        this.onRecord(record);
      }
    });
  }

  write(data: Uint8Array): TlsOutput {
    if (this.currentState !== 'connected') {
      throw new Error(`TlsEndpoint.write: the connection is ${this.currentState}, not connected`);
    }
    return this.run(() => this.writer.applicationData(data));
  }

  close(): TlsOutput {
    return this.run(() => {
      if (this.currentState !== 'connected' && this.currentState !== 'handshaking') return;
      this.writer.alert('close_notify');
      this.closeSent = true;
      this.currentState = 'closed';
    });
  }

  protected run(action: () => void): TlsOutput {
    this.out = { send: [], data: [], connected: false };
    try {
      action();
    } catch (e) {
      if (!(e instanceof TlsAlertError)) throw e;
      this.abort(e.alert, e.reason);
    }
    return this.out;
  }

  private abort(alert: AlertName, reason: string): void {
    if (this.currentState === 'failed') return;
    this.writer.alert(alert);
    this.recordFailure({ step: this.stepName(), alert, reason, remote: false });
  }

  private recordFailure(failure: TlsFailure): void {
    this.failureValue = failure;
    this.out.failure = failure;
    this.currentState = 'failed';
  }

  private stepName(): string {
    if (this.activeStep) return this.activeStep;
    if (this.expectation) return `${this.peer} ${this.expectation.types.map(handshakeTypeName).join(' or ')}`;
    return this.currentState === 'start' ? 'handshake' : 'application data';
  }

  private onRecord(record: TlsRecord): void {
    if (record.type === ContentType.changeCipherSpec) return this.onChangeCipherSpec(record.fragment);
    if (record.type === ContentType.applicationData) {
      if (!this.readProtection) fail('unexpected_message', 'application_data record before any keys were agreed');
      const { type, content } = this.readProtection.open(record);
      return this.onContent(type, content, record.raw);
    }
    if (record.type === ContentType.handshake && this.readProtection) {
      fail('unexpected_message', 'unprotected handshake record after encryption began');
    }
    // Alerts may be plaintext while the handshake runs: a peer that cannot derive keys can only say so in clear.
    if (record.type === ContentType.alert && this.readProtection && this.currentState !== 'handshaking') {
      fail('unexpected_message', 'unprotected alert after the handshake');
    }
    this.onContent(record.type, record.fragment, record.raw);
  }

  /** Middlebox compatibility (RFC 8446 appendix D.4): a single 0x01 during the handshake is ignored. */
  private onChangeCipherSpec(fragment: Uint8Array): void {
    if (this.currentState !== 'handshaking') fail('unexpected_message', 'change_cipher_spec outside the handshake');
    if (fragment.length !== 1 || fragment[0] !== 1) fail('unexpected_message', 'malformed change_cipher_spec');
  }

  private onContent(type: number, content: Uint8Array, raw: Uint8Array): void {
    if (type === ContentType.alert) return this.onAlert(content);
    if (type === ContentType.handshake) {
      this.handshake.push(content, raw);
      return this.drainHandshake(this.readProtection !== null);
    }
    if (type === ContentType.applicationData && (this.currentState === 'connected' || this.currentState === 'closed')) {
      this.out.data.push(content.slice());
      return;
    }
    fail('unexpected_message', `unexpected ${type === ContentType.applicationData ? 'application data' : `content type ${type}`} during the handshake`);
  }

  private onAlert(content: Uint8Array): void {
    if (content.length !== 2) fail('decode_error', 'an alert record is not 2 bytes');
    const { alert, wireName } = alertFromCode(content[1]);
    if (wireName === 'user_canceled') return;
    if (alert === 'close_notify') {
      this.peerClosed = true;
      if (!this.closeSent) this.writer.alert('close_notify');
      this.closeSent = true;
      if (this.currentState !== 'failed') this.currentState = 'closed';
      return;
    }
    this.recordFailure({ step: this.stepName(), alert, reason: `the ${this.peer} sent a fatal ${wireName} alert`, remote: true });
  }

  private drainHandshake(encrypted: boolean): void {
    for (let message = this.handshake.next(); message; message = this.handshake.next()) {
      this.activeStep = `${this.peer} ${handshakeTypeName(message.type)}`;
      this.stepList.push(handshakeStep('received', message, encrypted, message.records));
      this.dispatch(message);
      this.activeStep = null;
      if (this.currentState === 'failed') return;
    }
  }

  private dispatch(message: ReceivedMessage): void {
    if (this.currentState === 'connected' || this.currentState === 'closed') return this.onPostHandshake(message);
    const expectation = this.expectation;
    if (!expectation || !expectation.types.includes(message.type)) {
      const wanted = expectation ? expectation.types.map(handshakeTypeName).join(' or ') : 'nothing';
      fail('unexpected_message', `expected ${wanted} but the ${this.peer} sent ${handshakeTypeName(message.type)}`);
    }
    this.hashBeforeMessage = this.transcript.hash();
    this.transcript.add(message.raw);
    this.expectation = null;
    expectation.handle(message);
  }

  /** NewSessionTicket is accepted and dropped (no resumption); KeyUpdate rolls the read keys. */
  private onPostHandshake(message: ReceivedMessage): void {
    if (message.type === HandshakeType.newSessionTicket && this.role === 'client') return;
    if (message.type !== HandshakeType.keyUpdate) {
      fail('unexpected_message', `${handshakeTypeName(message.type)} after the handshake`);
    }
    const { updateRequested } = decodeKeyUpdate(message.body);
    this.setReadSecret(nextTrafficSecret(this.readSecret));
    if (updateRequested && !this.closeSent) {
      this.sendHandshake(encodeHandshake(HandshakeType.keyUpdate, Uint8Array.of(0)), false);
      this.setWriteSecret(nextTrafficSecret(this.writer.secret));
    }
  }

  protected expect(types: number[], handle: (message: ReceivedMessage) => void): void {
    this.expectation = { types, handle };
  }

  protected beginHandshake(): void {
    this.currentState = 'handshaking';
  }

  protected becomeConnected(): void {
    this.currentState = 'connected';
    this.out.connected = true;
  }

  /** Keys change only on a message boundary that is also a record boundary (RFC 8446 section 5.1). */
  protected setReadSecret(secret: Uint8Array): void {
    if (!this.handshake.empty) fail('unexpected_message', 'handshake data shares a record with a key change');
    this.readSecret = secret;
    this.readProtection = new RecordProtection(secret);
  }

  protected setWriteSecret(secret: Uint8Array): void {
    this.writer.setSecret(secret);
  }

  protected noteSecrets(values: Partial<TlsSecrets>): void {
    this.secretValues = { ...(this.secretValues ?? NO_SECRETS), ...values };
  }

  protected sendHandshake(message: HandshakeMessage, inTranscript = true): void {
    const encrypted = this.writer.encrypting;
    const records = this.writer.handshake(message);
    if (inTranscript) this.transcript.add(message.raw);
    this.stepList.push(handshakeStep('sent', message, encrypted, records));
  }

  protected sendChangeCipherSpec(): void {
    this.writer.changeCipherSpec();
  }
}
