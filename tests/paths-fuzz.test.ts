// Issue 7 §2: at least 10,000 generated request paths against the one file-serving function (and a
// share of them through the preview server's HTTP parser), with a secret file placed outside the
// library right beside it. None may be answered with the secret's bytes, none whose reading leaves
// the library (or names a hidden file) may be answered 200 or 206, and whatever is answered 200 is
// exactly one of the library's own files. Seeded: a failure prints the seed and the shrunk path.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLibraryPath, serveLibraryFile, type ServeResponse } from '../main/core/serve/index.js';
import { escapes, readingsOf, requestPath } from './hostile/request-paths.js';

const SECRET = `CHANGMUN-SECRET-${process.pid}-OUTSIDE`;
const RUNS = 10_000;
const HTTP_RUNS = 3_000;
let base = '';
let root = '';
/** The library's own visible files: what a 200 may carry. */
const servable = new Map<string, Buffer>();

async function bodyOf(r: ServeResponse): Promise<Buffer> {
  if (r.body === undefined) return Buffer.alloc(0);
  if (r.body instanceof Uint8Array) return Buffer.from(r.body);
  const parts: Buffer[] = [];
  for await (const chunk of r.body as Readable) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'changmun-paths-'));
  root = path.join(base, 'library');
  const file = (rel: string, content: string) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  };
  for (const rel of ['a.txt', 'dir/b.txt', '한국어/파일 이름.md', 'dir/a.txt']) {
    const content = `LIBRARY FILE ${rel}`;
    file(rel, content);
    servable.set(rel, Buffer.from(content));
  }
  // Hidden and derived files inside the library: never served either.
  file('.changmun/index/manifest.json', SECRET);
  file('.hidden.txt', SECRET);
  // The secret right beside the library, in a folder whose name starts like the library's, and
  // higher up.
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  mkdirSync(path.join(base, 'library-evil'));
  writeFileSync(path.join(base, 'library-evil', 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'library-evil', 'a.txt'), SECRET);
  symlinkSync('../secret.txt', path.join(root, 'link-out.txt'));
  symlinkSync('../library-evil', path.join(root, 'linkdir'));
  symlinkSync('.changmun/index/manifest.json', path.join(root, 'link-hidden.json'));
  symlinkSync('a.txt', path.join(root, 'link-in.txt'));
  servable.set('link-in.txt', servable.get('a.txt')!);
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

/** What is wrong with the answer to `p`, or undefined. */
function verdict(p: string, status: number, body: Buffer): string | undefined {
  if (body.includes(SECRET)) return `${JSON.stringify(p)} → ${status} with the secret's bytes`;
  if (status === 200 || status === 206) {
    if (escapes(p)) return `${JSON.stringify(p)} → ${status}, though it reads as ${JSON.stringify(readingsOf(p).slice(0, 4))}`;
    if (![...servable.values()].some((b) => b.equals(body))) return `${JSON.stringify(p)} → ${status} with bytes that are no library file`;
  } else if (![403, 404, 400].includes(status)) {
    return `${JSON.stringify(p)} → unexpected status ${status}`;
  }
  return undefined;
}

describe('the path guard against generated request paths', () => {
  it('the oracle knows a way out when it sees one (and a plain name when it sees one)', () => {
    for (const p of ['../secret.txt', '%2e%2e/secret.txt', '%252e%252e%252fsecret.txt', '..%5csecret.txt', '%c0%ae%c0%ae/secret.txt',
      '\u2024\u2024/secret.txt', '\uff0e\uff0e\uff0fsecret.txt', '..\u2215secret.txt', 'C:/Windows/win.ini', '/%2fetc/passwd', '//etc/passwd',
      '.changmun/index/manifest.json', '%2echangmun/x', 'dir/.. /../secret.txt', '%u002e%u002e/x', 'CHANGM~1/index']) {
      expect(escapes(p), p).toBe(true);
    }
    for (const p of ['a.txt', 'dir/b.txt', '/a.txt', `${encodeURIComponent('한국어')}/${encodeURIComponent('파일 이름.md')}`, 'dir/../a.txt', 'a.txt?x=../../secret.txt']) {
      expect(escapes(p), p).toBe(false);
    }
  });

  it(`answers none of ${RUNS.toLocaleString('en')} generated paths with anything outside the library`, async () => {
    const statuses = new Map<number, number>();
    let escaping = 0;
    let contractResolved = 0;
    await fc.assert(
      fc.asyncProperty(requestPath, async (p) => {
        const r = await serveLibraryFile(root, p, { method: 'GET', headers: { range: 'bytes=0-' } });
        const body = await bodyOf(r);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (escapes(p)) escaping++;
        const wrong = verdict(p, r.status, body);
        if (wrong) throw new Error(wrong);
        // Every reading of it as the contract carries paths (getArticle, getSubtitles: decoded).
        for (const reading of readingsOf(p)) {
          const viaContract = await resolveLibraryPath(root, reading);
          if (!viaContract.ok) continue;
          contractResolved++;
          const bytes = readFileSync(viaContract.absPath);
          if (![...servable.values()].some((b) => b.equals(bytes))) throw new Error(`contract path ${JSON.stringify(reading)} reached ${viaContract.absPath}`);
        }
      }),
      { numRuns: RUNS, seed: 20_240_611, endOnFailure: false },
    );
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`[paths fuzz] ${RUNS} paths through serveLibraryFile, ${escaping} of them reading as a way out or a hidden file; answers ${summary}; ` +
      `${contractResolved} of their decoded readings resolved as contract paths, all to library files`);
    expect(escaping).toBeGreaterThan(RUNS / 3);
    // Not everything may be refused: the generator also makes plain names, which must be served.
    expect((statuses.get(200) ?? 0) + (statuses.get(206) ?? 0)).toBeGreaterThan(50);
  }, 120_000);

  it('refuses the absolute paths of the secret and of the library itself, however they are spelled', async () => {
    for (const target of [path.join(base, 'secret.txt'), path.join(root, 'a.txt'), path.join(base, 'library-evil', 'a.txt')]) {
      const spellings = [target, target.slice(1), encodeURIComponent(target), target.split('/').map(encodeURIComponent).join('/'),
        `..${target}`, `%2e%2e${target}`, target.replace(/\//g, '\\'), `C:${target}`, `file://${target}`];
      for (const p of spellings) {
        const r = await serveLibraryFile(root, p, { method: 'GET', headers: {} });
        const body = await bodyOf(r);
        if (r.status === 200) expect(body.includes(SECRET), p).toBe(false);
        // The library's own a.txt spelled as a path from / is not a name inside the library.
        expect([403, 404], `${p} → ${r.status}`).toContain(r.status);
      }
    }
  });
});

describe('the preview server against generated request paths (its HTTP parser in front of the guard)', () => {
  let server: Awaited<ReturnType<typeof import('../main/preview/server.js').startPreviewServer>> | undefined;
  beforeAll(async () => {
    const { startPreviewServer } = await import('../main/preview/server.js');
    server = await startPreviewServer({ location: { libraryRoot: root, dataDir: path.join(base, 'data'), source: 'argument' }, workers: 1 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  /** One raw request, exactly these bytes on the wire: status and body. */
  function rawGet(target: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(server!.port, '127.0.0.1');
      const parts: Buffer[] = [];
      socket.on('data', (b: Buffer) => parts.push(b));
      socket.on('error', reject);
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(target)}`)));
      socket.on('close', () => {
        const all = Buffer.concat(parts);
        const head = all.indexOf('\r\n\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(all.toString('latin1', 0, 20))?.[1] ?? 0);
        resolve({ status, body: head < 0 ? Buffer.alloc(0) : all.subarray(head + 4) });
      });
      // write, not end: a request whose sender half-closes first is dropped unanswered.
      socket.write(Buffer.concat([Buffer.from(`GET /t/${server!.token}/files/`), Buffer.from(target, 'utf8'),
        Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${server!.port}\r\nConnection: close\r\n\r\n`)]));
    });
  }

  it(`answers none of ${HTTP_RUNS.toLocaleString('en')} generated paths with anything outside the library`, async () => {
    expect((await rawGet('a.txt')).body.toString()).toBe('LIBRARY FILE a.txt');
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestPath, async (p) => {
        const { status, body } = await rawGet(p);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // A request line the parser refuses gets 400 and never reaches the guard.
        const wrong = verdict(p, status, body);
        if (wrong) throw new Error(wrong);
      }),
      { numRuns: HTTP_RUNS, seed: 7, endOnFailure: false },
    );
    console.log(`[paths fuzz] ${HTTP_RUNS} paths through the preview server; answers ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  }, 120_000);
});
