// Error types of the PKI. Callers (the CA server, the TLS layer, the terminal) tell a refused
// certificate from a refused token by class, and show the message as swarmkit words it.

/** A certificate, CSR or key could not be parsed, signed or accepted. */
export class PkiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PkiError';
  }
}

/** A join token failed ParseJoinToken; the message is swarmkit's text. */
export class JoinTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinTokenError';
  }
}
