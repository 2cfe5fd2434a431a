// Which side of the shell's adapter a process takes, by the Electron it runs in: the legacy build
// ships Electron 22, the current one today's Electron; both run the same compiled shell.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronMajor, LEGACY_ELECTRON_MAJOR, shellAdapterFor } from '../main/electron/shell-adapter.js';
import { REPO_ROOT } from './helpers/paths.js';

const installed = (pkg: string) => (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

describe('the shell adapter for each Electron', () => {
  it('takes the legacy side on the Electron the legacy build ships, and the current side on the current one', () => {
    expect(electronMajor(installed('electron-legacy'))).toBe(LEGACY_ELECTRON_MAJOR);
    expect(shellAdapterFor(installed('electron-legacy')).line).toBe('legacy');
    expect(shellAdapterFor(installed('electron')).line).toBe('current');
  });

  it('draws the line where protocol.handle and will-frame-navigate arrived (Electron 25)', () => {
    expect(shellAdapterFor('24.8.8').line).toBe('legacy');
    expect(shellAdapterFor('25.0.0').line).toBe('current');
    expect(shellAdapterFor('45.5.0-beta.1').line).toBe('current');
    // Outside Electron (a test, a stray node): the current side.
    expect(shellAdapterFor(undefined).line).toBe('current');
  });

  it('is chosen at run time from process.versions.electron, in the one entry both builds start', () => {
    const entry = readFileSync(path.join(REPO_ROOT, 'main', 'electron', 'entry.ts'), 'utf8');
    expect(entry).toContain('electronVersion: process.versions.electron');
    const shell = readFileSync(path.join(REPO_ROOT, 'main', 'electron', 'main.ts'), 'utf8');
    expect(shell).toContain('shellAdapterFor(env.electronVersion)');
    // No other file of the shell reaches for the APIs that differ.
    for (const f of ['main.ts', 'window.ts', 'protocol.ts', 'ipc.ts', 'entry.ts']) {
      const text = readFileSync(path.join(REPO_ROOT, 'main', 'electron', f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(text, f).not.toMatch(/protocol\.handle\(|registerStreamProtocol|registerBufferProtocol|'will-frame-navigate'|'will-navigate'|'will-redirect'/);
    }
  });
});
