// Helpers for the volunteer-tool tests: temp copies of content-sample, the `changmun` command run
// from the TypeScript sources in a child process, and small hand-made files (an image-only EPUB,
// a minimal MP4 whose audio is AC-3).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yazl from 'yazl';
import { CONTENT_SAMPLE, REPO_ROOT } from './paths.js';

const temps: string[] = [];

export function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

export function removeTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A copy of content-sample (never a saved index someone left in it). */
export function copySample(dest: string): string {
  cpSync(CONTENT_SAMPLE, dest, { recursive: true, filter: (src) => path.basename(src) !== '.changmun' });
  return dest;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let entry: string | undefined;

/**
 * `changmun <args>` from the sources (a stale build/ cannot fool the test). The entry is a file, not
 * `-e`: worker threads inherit the process's flags, and `--input-type` breaks them.
 */
export function changmun(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  if (!entry) {
    entry = path.join(tempDir('changmun-cli-'), 'changmun-dev.mjs');
    const main = pathToFileURL(path.join(REPO_ROOT, 'main', 'cli', 'main.ts')).href;
    writeFileSync(entry, `const { runCli } = await import(${JSON.stringify(main)});\nprocess.exitCode = await runCli(process.argv);\n`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry!, ...args], { cwd: options.cwd ?? REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function changmunJson<T>(args: string[], options: { cwd?: string } = {}): Promise<{ code: number | null; value: T; stderr: string }> {
  const r = await changmun([...args, '--json'], options);
  let value: T;
  try {
    value = JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`changmun ${args.join(' ')}: not JSON (exit ${r.code})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return { code: r.code, value, stderr: r.stderr };
}

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name, { compress: name !== 'mimetype' });
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** An EPUB 3 whose only page is a picture: a book nobody can find by its words. */
export function imageOnlyEpub(title: string): Promise<Buffer> {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  return zipOf({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml':
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OEBPS/content.opf':
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>${title}</dc:title><dc:language>ko</dc:language></metadata>` +
      '<manifest><item id="p1" href="page1.xhtml" media-type="application/xhtml+xml"/><item id="img" href="page1.png" media-type="image/png"/></manifest><spine><itemref idref="p1"/></spine></package>',
    'OEBPS/page1.xhtml': '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>1</title></head><body><img src="page1.png" alt=""/></body></html>',
    'OEBPS/page1.png': png,
  });
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/**
 * The smallest MP4 that says what it holds: one H.264 video track and one AC-3 audio track (which
 * Electron cannot play), 90 seconds long, with no samples. Enough for a container reader.
 */
export function mp4WithAc3Audio(): Buffer {
  const zeros = (n: number) => Buffer.alloc(n);
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v);
    return b;
  };
  const mvhd = box('mvhd', zeros(4), zeros(8), u32(1000), u32(90_000), zeros(80));
  const track = (handler: string, format: string) =>
    box('trak', box('mdia',
      box('hdlr', zeros(4), zeros(4), Buffer.from(handler, 'latin1'), zeros(12), Buffer.from([0])),
      box('minf', box('stbl', box('stsd', zeros(4), u32(1), box(format, zeros(28)))))));
  return Buffer.concat([
    box('ftyp', Buffer.from('isom', 'latin1'), u32(512), Buffer.from('isomavc1', 'latin1')),
    box('moov', mvhd, track('vide', 'avc1'), track('soun', 'ac-3')),
  ]);
}
