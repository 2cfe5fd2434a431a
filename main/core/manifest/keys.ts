// Ed25519 keys for signing drives, with Node's own crypto. The private key stays on the volunteer's
// computer; a drive carries only the public key, inside its signed manifest. A key is known by its
// fingerprint: the SHA-256 of the 32 raw public-key bytes.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';

export class KeyError extends Error {
  override readonly name = 'KeyError';
  constructor(message: string) {
    super(`changmun: ${message}`);
  }
}

export interface KeyPairFiles {
  privateKeyFile: string;
  publicKeyFile: string;
  fingerprint: string;
}

/** A PEM private key block of any kind (PKCS#8, OpenSSH, RSA, EC, encrypted). */
export const PRIVATE_KEY_PEM = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const PUBLIC_KEY_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;
const PRIVATE_KEY_BLOCK = /-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----/;

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new KeyError('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new KeyError(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** Lower-case hex SHA-256 of the raw public key: what the manifest, the app and trusted-keys files name. */
export function fingerprintOf(key: KeyObject | Uint8Array): string {
  const raw = key instanceof Uint8Array ? key : rawPublicKey(key);
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * The fingerprint as people read it aloud or compare it by eye: the first 80 bits in groups of four
 * ("3F2A 9C1B 77D0 E4F1 0A2B"). Machines compare the whole fingerprint.
 */
export function displayFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/**
 * Write a new key pair: `file` (the private key, PKCS#8 PEM, mode 0600, never overwritten unless
 * `force`) and `file.pub` (the public key, SPKI PEM, with its fingerprint in a comment line).
 */
export async function writeKeyPair(file: string, options: { force?: boolean } = {}): Promise<KeyPairFiles> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const fingerprint = fingerprintOf(publicKey);
  const publicKeyFile = `${file}.pub`;
  const flag = options.force ? 'w' : 'wx';
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flag, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeyError(`이미 있는 파일입니다. 덮어쓰려면 --force / the file exists already (use --force to replace it): ${file}`);
    }
    throw e;
  }
  try {
    // open() applies the mode only when it creates the file; an existing one is narrowed here.
    await handle.chmod(0o600);
    await handle.writeFile(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await fs.writeFile(
    publicKeyFile,
    `# Changmun drive-signing public key (Ed25519)\n# fingerprint ${fingerprint}\n# (${displayFingerprint(fingerprint)})\n${pem}`,
    { flag },
  ).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST') throw new KeyError(`이미 있는 파일입니다. 덮어쓰려면 --force / the file exists already (use --force to replace it): ${publicKeyFile}`);
    throw e;
  });
  return { privateKeyFile: file, publicKeyFile, fingerprint };
}

/** The signing key in `file`: an unencrypted Ed25519 private key in PKCS#8 PEM (as keygen writes it). */
export async function readPrivateKey(file: string): Promise<KeyObject> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new KeyError(`비밀 열쇠 파일을 읽을 수 없습니다 / cannot read the private key file ${file}: ${(e as Error).message}`);
  }
  const block = PRIVATE_KEY_BLOCK.exec(text)?.[0];
  let key: KeyObject;
  try {
    key = createPrivateKey(block ?? text);
  } catch (e) {
    throw new KeyError(`비밀 열쇠가 아닙니다 (changmun keygen으로 만드세요) / not a private key (make one with changmun keygen): ${file}: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyError(`Ed25519 열쇠가 아닙니다 / not an Ed25519 key (${key.asymmetricKeyType ?? 'unknown'}): ${file}`);
  }
  return key;
}

export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

export function signBytes(bytes: Uint8Array, privateKey: KeyObject): Buffer {
  return sign(null, bytes, privateKey);
}

export function verifyBytes(bytes: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  try {
    return verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

/** The keys a verifier trusts, by full fingerprint, and where each came from (for messages). */
export interface TrustedKeys {
  fingerprints: Map<string, string>;
}

/**
 * Trusted keys from files: each file may hold PEM public keys (as `keygen` writes `.pub` files) and
 * lines that are whole fingerprints (64 hex digits; spaces and colons allowed; `#` starts a comment).
 * A shortened fingerprint is refused: 80 bits are for eyes, not for trust.
 */
export async function readTrustedKeys(files: string[]): Promise<TrustedKeys> {
  const fingerprints = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new KeyError(`열쇠 파일을 읽을 수 없습니다 / cannot read the key file ${file}: ${(e as Error).message}`);
    }
    let found = 0;
    for (const block of text.match(PUBLIC_KEY_BLOCK) ?? []) {
      let key: KeyObject;
      try {
        key = createPublicKey(block);
      } catch (e) {
        throw new KeyError(`공개 열쇠를 읽을 수 없습니다 / unreadable public key in ${file}: ${(e as Error).message}`);
      }
      if (key.asymmetricKeyType !== 'ed25519') throw new KeyError(`Ed25519 열쇠가 아닙니다 / not an Ed25519 key in ${file}`);
      fingerprints.set(fingerprintOf(key), file);
      found++;
    }
    const outsideBlocks = text.replace(PUBLIC_KEY_BLOCK, '');
    if (PRIVATE_KEY_PEM.test(outsideBlocks)) {
      throw new KeyError(`비밀 열쇠가 아니라 공개 열쇠(.pub)를 주세요 / give the public key (.pub), not the private key: ${file}`);
    }
    for (const rawLine of outsideBlocks.split(/\r?\n/)) {
      const line = rawLine.replace(/#.*/, '').trim();
      if (line === '') continue;
      const hex = line.replace(/[\s:]/g, '').toLowerCase();
      if (!/^[0-9a-f]+$/.test(hex)) throw new KeyError(`알 수 없는 줄 / not a key or a fingerprint in ${file}: "${line.slice(0, 40)}"`);
      if (hex.length !== 64) {
        throw new KeyError(`지문은 64자리 전체를 써야 합니다 / a fingerprint must be all 64 hex digits in ${file}: "${line.slice(0, 40)}"`);
      }
      fingerprints.set(hex, file);
      found++;
    }
    if (found === 0) throw new KeyError(`열쇠가 없습니다 / no public key or fingerprint in ${file}`);
  }
  return { fingerprints };
}
