// Timing constants of swarmkit's CA (ca/certificates.go, ca/config.go), in milliseconds.

const HOUR_MS = 3600_000;

/** RootCAExpiration = "630720000s": 20 years of 365 days. */
export const ROOT_CA_EXPIRY_MS = 630720000 * 1000;
/** DefaultNodeCertExpiration = 2160h (90 days). */
export const DEFAULT_NODE_CERT_EXPIRY_MS = 2160 * HOUR_MS;
/** MinNodeCertExpiration = 1h. */
export const MIN_NODE_CERT_EXPIRY_MS = HOUR_MS;
/** CertBackdate = 1h: node certificates start an hour early to absorb clock skew. */
export const CERT_BACKDATE_MS = HOUR_MS;
/** cfssl's default backdate, used for the root because swarmkit's initca request sets none. */
export const ROOT_BACKDATE_MS = 5 * 60_000;
/** CertLowerRotationRange / CertUpperRotationRange: renew between 50% and 80% of validity. */
export const CERT_LOWER_ROTATION_RANGE = 0.5;
export const CERT_UPPER_ROTATION_RANGE = 0.8;
