// `changmun keygen <file> [--force]`: an Ed25519 key pair for signing drives. `<file>` is the private
// key (mode 0600; it stays on this computer), `<file>.pub` the public key to give to whoever checks
// drives. A key file inside a drive folder is refused: the private key never goes onto a drive.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayFingerprint, KeyError, writeKeyPair } from '../core/manifest/keys.js';
import type { Output } from './output.js';

export async function runKeygen(file: string, opts: { force?: boolean }, out: Output): Promise<number> {
  const target = path.resolve(file);
  const drive = enclosingDrive(path.dirname(target));
  if (drive) {
    out.fail('refused', `changmun: 비밀 열쇠를 드라이브 안(${drive})에 만들지 않습니다. 드라이브 밖의 곳을 주세요 / the private key is not made inside a drive (${drive}): choose a place outside it`);
    return 2;
  }
  let made;
  try {
    made = await writeKeyPair(target, { force: opts.force });
  } catch (e) {
    if (e instanceof KeyError) {
      out.fail('key', e.message);
      return 1;
    }
    throw e;
  }
  const display = displayFingerprint(made.fingerprint);
  if (out.json) {
    out.out(JSON.stringify({ privateKey: made.privateKeyFile, publicKey: made.publicKeyFile, fingerprint: made.fingerprint, display }, null, 2));
    return 0;
  }
  out.out(`비밀 열쇠 Private key: ${made.privateKeyFile}  (이 컴퓨터에만 두세요 / keep it on this computer only)`);
  out.out(`공개 열쇠 Public key:  ${made.publicKeyFile}  (드라이브를 확인할 사람에게 주세요 / give it to whoever checks drives)`);
  out.out(`열쇠 지문 Fingerprint: ${display}`);
  out.out(`                       ${made.fingerprint}`);
  out.out(`서명: changmun build <내용> --out <드라이브> --key ${made.privateKeyFile}`);
  out.out(`확인 Verify: changmun verify <드라이브 drive> --key ${made.publicKeyFile}`);
  return 0;
}

/** The drive folder (one with library/ and .changmun/) that `dir` is in, if any. */
function enclosingDrive(dir: string): string | undefined {
  let d = dir;
  for (;;) {
    if (existsSync(path.join(d, '.changmun')) && (existsSync(path.join(d, 'library')) || existsSync(path.join(d, '.changmun', 'manifest.json')))) return d;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}
