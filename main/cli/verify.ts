// `changmun verify <drive-folder> [--full] [--key group.pub] [--trusted-keys file]`: is the drive as
// it was signed, and signed by a key we trust? Exit 0: yes. Exit 1: something is off (named).
// Exit 3: nothing found wrong, but not everything established (no key named to trust, the drive is
// unsigned, or a quick check left files whose times moved unread: run --full).
import path from 'node:path';
import { resolveLibraryFolder } from '../core/drive/locate.js';
import { checkDrive, CLI_QUICK_BUDGET, type DriveCheckResult, type FileFinding } from '../core/manifest/check.js';
import { KeyError, readTrustedKeys, type TrustedKeys } from '../core/manifest/keys.js';
import type { Output } from './output.js';
import { formatSize, ProgressBar } from './progress-bar.js';

export interface VerifyCliOptions {
  full?: boolean;
  key?: string[];
  trustedKeys?: string;
}

export const VERIFY_EXIT = { ok: 0, failed: 1, incomplete: 3 } as const;

export async function runVerify(folder: string, opts: VerifyCliOptions, out: Output): Promise<number> {
  const keyFiles = [...(opts.key ?? []), ...(opts.trustedKeys ? [opts.trustedKeys] : [])];
  let trusted: TrustedKeys | undefined;
  try {
    trusted = keyFiles.length > 0 ? await readTrustedKeys(keyFiles) : undefined;
  } catch (e) {
    if (e instanceof KeyError) {
      out.fail('key', e.message);
      return 2;
    }
    throw e;
  }
  const driveRoot = path.dirname(resolveLibraryFolder(folder).dataDir);
  const bar = new ProgressBar(out);
  let result: DriveCheckResult;
  try {
    result = await checkDrive(driveRoot, {
      mode: opts.full ? 'full' : 'quick',
      trusted,
      budget: CLI_QUICK_BUDGET,
      onProgress: (p) => {
        bar.phase(p.phase === 'listing' ? '목록 Listing' : '해시 Hashing');
        bar.update(p);
      },
    });
  } finally {
    bar.end();
  }
  const code = VERIFY_EXIT[result.verdict];
  if (out.json) {
    out.out(JSON.stringify({ drive: driveRoot, ...result }, null, 2));
    return code;
  }
  printResult(driveRoot, result, out);
  return code;
}

function printResult(driveRoot: string, r: DriveCheckResult, out: Output): void {
  out.out(`드라이브 확인 Drive check (${r.mode === 'full' ? '전체 full' : '빠른 quick'}): ${driveRoot}`);
  if (r.manifest === 'missing') {
    out.out('✗ 목록(.changmun/manifest.json)이 없습니다. changmun build로 만드세요 / No manifest: build the drive with changmun build.');
    return;
  }
  if (r.manifest === 'damaged') {
    out.out(`✗ 목록이 손상되었습니다 / The manifest is damaged: ${r.manifestDetail ?? ''}`);
    return;
  }
  out.out(`서명 Signature: ${signatureLine(r)}`);
  if (r.signedAt) out.out(`목록을 만든 때 Manifest made at: ${r.signedAt}`);
  out.out(`파일 Files: 목록 listed ${r.files.listed} · 있음 present ${r.files.present} · 해시 hashed ${r.files.hashed} (${formatSize(r.files.hashedBytes)})`);
  if (r.clockShiftMinutes) {
    out.out(`시계 차이 Clock shift: ${r.clockShiftMinutes > 0 ? '+' : ''}${r.clockShiftMinutes / 60} h (다른 시간대에서 읽은 FAT 드라이브 / a FAT stick read in another time zone)`);
  }
  const list = (ko: string, en: string, items: FileFinding[], describe: (f: FileFinding) => string = (f) => f.path) => {
    if (items.length === 0) return;
    out.out(`${ko} ${en} (${items.length}):`);
    for (const f of items) out.out(`  ${describe(f)}`);
  };
  list('바뀐 파일', 'Modified', r.modified, (f) =>
    f.reason === 'size' ? `${f.path}  (크기 size ${f.expectedSize} → ${f.size} B)` : `${f.path}  (내용 content: SHA-256 differs)`);
  list('없어진 파일', 'Missing', r.missing);
  list('더해진 파일', 'Added', r.added, (f) => `${f.path}  (${formatSize(f.size ?? 0)})`);
  list('읽을 수 없는 파일', 'Unreadable', r.damaged, (f) => `${f.path}${f.detail ? `  (${f.detail})` : ''}`);
  list('시간이 바뀌어 빠른 확인으로는 읽지 못한 파일 (--full로 확인하세요)', 'Times changed, not read by the quick check (run --full)', r.unverified);
  if (r.ignored.length > 0) {
    const names = r.ignored.slice(0, 10).map((x) => x.path).join(', ');
    out.out(`숨은 파일·시스템 파일 (확인하지 않음) Hidden and system files, not checked (${r.ignored.length}): ${names}${r.ignored.length > 10 ? ', …' : ''}`);
  }
  out.out(verdictLine(r));
}

function signatureLine(r: DriveCheckResult): string {
  const s = r.signature;
  const who = s.display ? ` · 열쇠 지문 fingerprint ${s.display}` : '';
  if (s.status === 'unsigned') return r.signature.trust === 'untrusted' ? '✗ 서명 없음 UNSIGNED (a key was expected)' : '? 서명 없음 unsigned (누가 만들었는지 알 수 없습니다 / nobody vouches for it)';
  if (s.status === 'invalid') return `✗ 맞지 않음 INVALID: manifest.json은 서명된 내용이 아닙니다 / is not what was signed${who}`;
  if (s.trust === 'trusted') return `✓ 맞음 valid${who} · 믿는 열쇠 trusted (${s.trustedBy ?? ''})`;
  if (s.trust === 'untrusted') return `✗ 믿지 않는 열쇠 UNTRUSTED: 주신 열쇠가 아닌 다른 열쇠로 서명되었습니다 / signed by a key you did not name${who} (${s.fingerprint ?? ''})`;
  return `? 서명은 맞지만 누구의 열쇠인지 확인하지 않았습니다 (--key 모임.pub) / valid, but the signer was not checked against a key you trust (--key group.pub)${who}`;
}

function verdictLine(r: DriveCheckResult): string {
  if (r.verdict === 'ok') return '결과 Result: ✓ 서명된 그대로입니다 / the drive is exactly as signed.';
  if (r.verdict === 'failed') return '결과 Result: ✗ 문제가 있습니다 (위를 보세요) / FAILED: see above.';
  return '결과 Result: ? 이상은 찾지 못했지만 다 확인하지 못했습니다 (위를 보세요) / nothing wrong found, but not everything could be established (see above).';
}
