// The TLS 1.3 subset every node-to-node connection runs: mutual certificate authentication,
// TLS_AES_128_GCM_SHA256, ECDHE x25519 or secp256r1, ECDSA P-256 signatures.
export * from './types';
export { TlsClient } from './client';
export { TlsServer } from './server';
export { TlsEndpoint } from './endpoint';
export { describeRecord } from './record-layer';
