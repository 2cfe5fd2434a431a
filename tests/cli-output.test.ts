// Issue 12 §6, the command line: a reader that closes the pipe (`changmun search … | head -1`)
// ends the output quietly, never with a stack trace; and with --json every failure is one JSON
// document on stdout, `{ "error": { "code", "ko", "en" } }`, with a non-zero exit code. The
// command runs from the TypeScript sources in a child process (a stale build/ cannot fool it).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SAMPLE, REPO_ROOT } from './helpers/paths.js';
import { removeTemps, tempDir } from './helpers/volunteer.js';

let entry: string;
let tmp: string;

beforeAll(() => {
  tmp = tempDir('changmun-cli-output-');
  entry = path.join(tmp, 'changmun-dev.mjs');
  const main = pathToFileURL(path.join(REPO_ROOT, 'main', 'cli', 'main.ts')).href;
  writeFileSync(entry, `const { runCli } = await import(${JSON.stringify(main)});\nprocess.exitCode = await runCli(process.argv);\n`);
});
afterAll(() => removeTemps());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `changmun <args>`; with `closeStdout`, the reading end of its stdout is closed as `head` does
 * once it has what it wants: at once ('now'), or after the first bytes ('after-first').
 */
function run(args: string[], closeStdout?: 'now' | 'after-first'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closeStdout === 'now') child.stdout.destroy();
    else {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        if (closeStdout === 'after-first') child.stdout.destroy();
      });
    }
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STACK = /EPIPE|Error:|\n\s+at /;

describe('a closed stdout (changmun … | head -1)', () => {
  it('search and scan end quietly, with their own exit code, whenever the reader goes', async () => {
    for (const args of [['search', CONTENT_SAMPLE, '노동'], ['search', CONTENT_SAMPLE, '노동', '--json'], ['scan', CONTENT_SAMPLE]]) {
      for (const when of ['now', 'after-first'] as const) {
        const r = await run(args, when);
        expect(r.stderr, `${args.join(' ')} (${when})`).not.toMatch(STACK);
        expect(r.code, `${args.join(' ')} (${when}): ${r.stderr}`).toBe(0);
      }
    }
  });
});

describe('--json failures are one JSON document on stdout', () => {
  it('for every command: usage errors (commander\'s too), a missing folder, a bad key, a refused place', async () => {
    const drive = path.join(tmp, 'DRIVE');
    mkdirSync(path.join(drive, 'library'), { recursive: true });
    mkdirSync(path.join(drive, '.changmun'), { recursive: true });
    const cases: [string[], string][] = [
      [['search', CONTENT_SAMPLE], 'usage'],
      [['search', CONTENT_SAMPLE, '노동', '--type', 'poem'], 'usage'],
      [['search', CONTENT_SAMPLE, '노동', '--limit', '0'], 'usage'],
      [['search', path.join(tmp, 'nowhere'), '노동'], 'not-found'],
      [['scan', CONTENT_SAMPLE, '--no-such-option'], 'usage'],
      [['scan', path.join(tmp, 'nowhere')], 'not-found'],
      [['index', path.join(tmp, 'nowhere')], 'not-found'],
      [['build', CONTENT_SAMPLE], 'usage'],
      [['verify', drive, '--key', path.join(tmp, 'no-such.pub')], 'key'],
      [['report', drive, '--html', path.join(drive, 'report.html')], 'refused'],
      [['keygen', path.join(drive, 'group.key')], 'refused'],
      [['preview', CONTENT_SAMPLE], 'usage'],
      [['no-such-command'], 'usage'],
    ];
    for (const [args, code] of cases) {
      const r = await run([...args, '--json']);
      const what = `changmun ${args.join(' ')} --json`;
      expect(r.code, `${what}: ${r.stderr}`).not.toBe(0);
      let doc: unknown;
      expect(() => (doc = JSON.parse(r.stdout)), `${what} printed: ${r.stdout}`).not.toThrow();
      expect(doc, what).toEqual({ error: { code, ko: expect.stringMatching(/[가-힣]/), en: expect.stringMatching(/[a-z]/) } });
      // A person still reads the reason on stderr; no stack trace anywhere.
      expect(r.stderr, what).not.toBe('');
      expect(r.stderr + r.stdout, what).not.toMatch(/\n\s+at /);
    }
  });
});
