// `changmun build` takes a frame of each film for its cover (issue 16), with the ffmpeg on the
// volunteer's PATH, into .changmun/covers/, listed and signed in the manifest like the index. A film
// with a poster beside it needs none; a build without ffmpeg says so in one line and finishes; the
// app shows a frame only while it is what was signed.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../main/core/drive-build/build.js';
import { writeKeyPair } from '../main/core/manifest/keys.js';
import type { DriveManifest } from '../main/core/manifest/manifest.js';
import { resolveLibraryFolder } from '../main/core/drive/locate.js';
import { LibraryService } from '../main/core/library-service.js';
import { frameName, pictureTypeOf } from '../main/core/serve/item-covers.js';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { changmun, changmunJson, removeTemps, tempDir } from './helpers/volunteer.js';

let content: string;
let drive: string;
let key: string;
let built: BuildSummary;

const SEA = 'films/바다의 편지.mp4';
const KEEPER = 'films/the-lighthouse-keeper.mp4';
const POSTERED = 'films/포스터 있는 영화.mp4';

function buildArgs(extra: string[] = []): string[] {
  return ['build', content, '--out', drive, '--key', key, '--no-app', '--no-launchers', ...extra];
}

function manifestOf(): DriveManifest {
  return JSON.parse(readFileSync(path.join(drive, '.changmun', 'manifest.json'), 'utf8')) as DriveManifest;
}

async function coverOf(itemPath: string) {
  const service = new LibraryService(resolveLibraryFolder(drive), { workers: 1, indexOffDrive: true });
  try {
    return await service.coverBytes(itemPath);
  } finally {
    await service.close();
  }
}

beforeAll(async () => {
  const tmp = tempDir('changmun-frames-');
  content = path.join(tmp, 'content');
  // The sample's two films with their subtitles, one article, and a film with a poster beside it.
  cpSync(path.join(CONTENT_SAMPLE, 'films'), path.join(content, 'films'), { recursive: true });
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  copyFileSync(path.join(CONTENT_SAMPLE, 'articles/history/printing-in-korea.md'), path.join(content, 'articles', 'printing-in-korea.md'));
  copyFileSync(path.join(CONTENT_SAMPLE, KEEPER), path.join(content, POSTERED));
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=navy:s=120x180', '-frames:v', '1', path.join(content, 'films', '포스터 있는 영화.png')]);
  drive = path.join(tmp, 'DRIVE');
  key = path.join(tmp, 'keys', 'group.key');
  mkdirSync(path.dirname(key));
  await writeKeyPair(key);
  const r = await changmunJson<BuildSummary>(buildArgs());
  expect(r.code, r.stderr).toBe(0);
  built = r.value;
}, 240_000);
afterAll(() => removeTemps());

describe('changmun build with ffmpeg', () => {
  it('takes a frame of each film without a poster, and none of the one with a poster', () => {
    expect(built.filmCovers).toMatchObject({ films: 3, posters: 1, taken: 2, reused: 0, failed: [], ffmpeg: true });
    const names = readdirSync(path.join(drive, '.changmun', 'covers')).sort();
    expect(names).toEqual([frameName(SEA), frameName(KEEPER), 'frames.json'].sort());
    for (const film of [SEA, KEEPER]) {
      const jpeg = readFileSync(path.join(drive, '.changmun', 'covers', frameName(film)));
      expect(pictureTypeOf(jpeg.subarray(0, 16))).toBe('image/jpeg');
      expect(jpeg.length).toBeGreaterThan(1000);
    }
  });

  it('lists and signs the frames in the manifest, and the drive verifies', async () => {
    const paths = manifestOf().files.map((f) => f.path);
    expect(paths).toContain(`.changmun/covers/${frameName(SEA)}`);
    expect(paths).toContain('.changmun/covers/frames.json');
    const v = await changmun(['verify', drive, '--key', `${key}.pub`]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('the app shows the frame for the film and the poster for the other', async () => {
    const frame = await coverOf(SEA);
    expect(frame?.mediaType).toBe('image/jpeg');
    expect(Buffer.from(frame!.bytes)).toEqual(readFileSync(path.join(drive, '.changmun', 'covers', frameName(SEA))));
    expect((await coverOf(POSTERED))?.mediaType).toBe('image/png');
  });

  it('keeps the frames of unchanged films on the next build', async () => {
    const r = await changmunJson<BuildSummary>(buildArgs());
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.filmCovers).toMatchObject({ films: 3, posters: 1, taken: 0, reused: 2 });
  });

  it('does not show a frame someone replaced after signing, and verify tells of it', async () => {
    const file = path.join(drive, '.changmun', 'covers', frameName(KEEPER));
    // A real JPEG, just not the one that was signed.
    copyFileSync(path.join(drive, '.changmun', 'covers', frameName(SEA)), file);
    expect(await coverOf(KEEPER)).toBeUndefined();
    expect((await coverOf(SEA))?.mediaType).toBe('image/jpeg');
    const v = await changmun(['verify', drive, '--key', `${key}.pub`]);
    expect(v.code).not.toBe(0);
    expect(v.stdout + v.stderr).toContain(frameName(KEEPER));
  });
});

describe('changmun build without ffmpeg', () => {
  it('says so in one line and builds the drive anyway', async () => {
    const bare = tempDir('changmun-empty-path-');
    const out = path.join(tempDir('changmun-bare-build-'), 'DRIVE');
    const entry = path.join(tempDir('changmun-cli-'), 'changmun-dev.mjs');
    writeFileSync(entry, `const { runCli } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'main', 'cli', 'main.ts')).href)});\nprocess.exitCode = await runCli(process.argv);\n`);
    // A PATH with nothing on it: neither ffmpeg nor ffprobe can be found.
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', entry, 'build', content, '--out', out, '--no-app', '--no-launchers'], {
        cwd: REPO_ROOT, env: { ...process.env, PATH: bare }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('ffmpeg'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ffmpeg가 없어 영화 2편의 장면을 뽑지 못했습니다.*ffmpeg not found/);
    expect(existsSync(path.join(out, '.changmun', 'manifest.json'))).toBe(true);
    // No frames, so no covers folder at all.
    expect(existsSync(path.join(out, '.changmun', 'covers'))).toBe(false);
  }, 240_000);
});
