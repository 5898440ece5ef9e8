// The swarm PKI: IDs, keys, CSRs, certificates, chain verification and join tokens, all pure
// and driven by a seeded Rng and a simulated clock.
export * from './types';
export * from './constants';
export { PkiError, JoinTokenError } from './errors';
export { newId } from './identity';
export { generateKeyPair, encodePkcs8PrivateKey, decodePkcs8PrivateKey } from './keys';
export { toPem, parsePem } from './pem';
export { createCsr, parseCsr } from './csr';
export { createRootCA, crossSignRoot, issueNodeCertificate } from './issue';
export type { NodeCertRequest } from './issue';
export { parseCertificate } from './parse';
export { verifyChain } from './verify';
export { certExpiryError, renewalDelayMs, goDuration } from './expiry';
export { describeCertificate } from './describe';
export { isoUtc } from './asn';
export { rootDigest, generateJoinToken, parseJoinToken, tokenMatchesRoot } from './tokens';
export { exportSwarmPki, exportChecks, checksText } from './export';
export type { SwarmPkiExport, CheckCommand } from './export';
