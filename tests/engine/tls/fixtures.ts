// Test certificates made with the openssl CLI (EC P-256), and a certificate verifier built on
// node:crypto's X509Certificate, standing in for the swarm PKI in these tests.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerVerifier, TlsIdentity } from '../../../src/engine/tls';

export interface TestCert {
  certPem: string;
  keyPem: string;
  der: Uint8Array;
  identity: TlsIdentity;
  cn: string;
}

export interface TestPki {
  caPem: string;
  otherCaPem: string;
  /** CN node-server, SAN manager-1, issued by the CA. */
  server: TestCert;
  /** CN node-client, SAN worker-1, issued by the CA. */
  client: TestCert;
  /** Issued by the other CA. */
  strangerServer: TestCert;
  strangerClient: TestCert;
  /** Issued by the CA, valid in 2020 only. */
  expiredServer: TestCert;
  expiredClient: TestCert;
}

const CA_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
organizationalUnitName = optional
`;

function asn1Time(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'tls-test-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  try {
    const makeCa = (name: string) => {
      run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
      run('req', '-x509', '-new', '-key', `${name}.key`, '-subj', `/CN=${name}`, '-days', '30',
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', `${name}.pem`);
    };
    const dayMs = 86_400_000;
    const now = Date.now();
    const makeLeaf = (name: string, cn: string, dns: string, ca: string, fromMs: number, toMs: number): TestCert => {
      run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
      run('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}/OU=swarm-manager`, '-addext', `subjectAltName=DNS:${dns}`,
        '-addext', 'extendedKeyUsage=serverAuth,clientAuth', '-addext', 'keyUsage=critical,digitalSignature', '-out', `${name}.csr`);
      run('ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', `${ca}.pem`, '-keyfile', `${ca}.key`, '-in', `${name}.csr`,
        '-startdate', asn1Time(fromMs), '-enddate', asn1Time(toMs), '-out', `${name}.pem`);
      const certPem = read(`${name}.pem`);
      const keyPem = read(`${name}.key`);
      const der = new Uint8Array(new X509Certificate(certPem).raw);
      return { certPem, keyPem, der, cn, identity: { chain: [der], privateKey: privateScalar(keyPem) } };
    };
    makeCa('ca');
    makeCa('other-ca');
    const valid = [now - dayMs, now + 30 * dayMs] as const;
    const past = [Date.UTC(2020, 0, 1), Date.UTC(2020, 11, 31)] as const;
    return {
      caPem: read('ca.pem'),
      otherCaPem: read('other-ca.pem'),
      server: makeLeaf('server', 'node-server', 'manager-1', 'ca', ...valid),
      client: makeLeaf('client', 'node-client', 'worker-1', 'ca', ...valid),
      strangerServer: makeLeaf('stranger-server', 'stranger-server', 'manager-1', 'other-ca', ...valid),
      strangerClient: makeLeaf('stranger-client', 'stranger-client', 'worker-1', 'other-ca', ...valid),
      expiredServer: makeLeaf('expired-server', 'expired-server', 'manager-1', 'ca', ...past),
      expiredClient: makeLeaf('expired-client', 'expired-client', 'worker-1', 'ca', ...past),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

export function privateScalar(keyPem: string): Uint8Array {
  const jwk = createPrivateKey(keyPem).export({ format: 'jwk' });
  return fromBase64Url(jwk.d!);
}

/** 65-byte uncompressed point of a certificate's P-256 key. */
export function publicPoint(cert: X509Certificate): Uint8Array {
  const jwk = cert.publicKey.export({ format: 'jwk' });
  return new Uint8Array([4, ...fromBase64Url(jwk.x!), ...fromBase64Url(jwk.y!)]);
}

/** Chain check for tests: leaf signed by the CA, valid at `nowMs`, and naming `serverName` if given. */
export function testVerifier(caPem: string, nowMs: number, serverName?: string): PeerVerifier {
  const ca = new X509Certificate(caPem);
  return (chain) => {
    const leaf = new X509Certificate(Buffer.from(chain[0]));
    if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) {
      return { ok: false, alert: 'unknown_ca', reason: `${leaf.subject.replace(/\n/g, ', ')} is not issued by ${ca.subject}` };
    }
    if (nowMs < Date.parse(leaf.validFrom) || nowMs > Date.parse(leaf.validTo)) {
      return { ok: false, alert: 'certificate_expired', reason: `the certificate is valid ${leaf.validFrom} to ${leaf.validTo}` };
    }
    if (serverName !== undefined && leaf.checkHost(serverName) === undefined) {
      return { ok: false, alert: 'bad_certificate', reason: `the certificate does not name ${serverName}` };
    }
    return { ok: true, publicKey: publicPoint(leaf) };
  };
}
