// electron-builder's configuration of the legacy desktop build (issue 17 §1), made from
// electron-builder.yml so that everything the two builds share is written once: the name, asar,
// the UI beside the asar, the locales, no native rebuilds, the afterPack hook, no update provider.
// What differs, and why:
//   electronVersion      Electron 22 (package.json's electron-legacy): the last for Windows 7/8.1
//   win                  dir targets for ia32 and x64; no Linux (current Electron has 64-bit Linux)
//   extraMetadata.main   the CommonJS bundle of packaging/legacy-bundle.ts (Electron 22 loads no ES module main)
//   files                that bundle, the UI, package.json; no node_modules (the bundle carries its dependencies)
//   electronFuses        the same, less the fuses Electron 22's binary does not have: @electron/fuses
//                        refuses a fuse past the end of the binary's fuse wire.
//                        grantFileProtocolExtraPrivileges came with Electron 29 (the app never loads
//                        file://: onBeforeRequest cancels it), loadBrowserProcessSpecificV8Snapshot is
//                        off by default. enableEmbeddedAsarIntegrityValidation is kept; Electron checks
//                        it on Windows only from 30, so on 22 it holds on macOS only (which we do not ship).
//   directories.output   dist/legacy, so the two builds' win-unpacked folders do not meet
import { parse } from 'yaml';
import { LEGACY_MAIN } from './legacy-bundle.js';

/** Fuses Electron 22's fuse wire does not reach (or that must not be set there). */
export const FUSES_NOT_IN_ELECTRON_22 = ['grantFileProtocolExtraPrivileges', 'loadBrowserProcessSpecificV8Snapshot'] as const;

/** The legacy build's Windows targets, in electron-builder's and Electron's zip names. */
export const LEGACY_ARCHS = ['ia32', 'x64'] as const;

export function legacyBuilderConfig(baseYaml: string, electronVersion: string): Record<string, unknown> {
  const base = parse(baseYaml) as Record<string, unknown>;
  const { linux: _linux, win: _win, mac: _mac, files: _files, electronFuses, directories, ...shared } = base;
  const fuses = { ...(electronFuses as Record<string, boolean>) };
  for (const f of FUSES_NOT_IN_ELECTRON_22) delete fuses[f];
  return {
    ...shared,
    electronVersion,
    directories: { ...(directories as Record<string, unknown>), output: 'dist/legacy' },
    extraMetadata: { main: LEGACY_MAIN },
    files: ['package.json', 'renderer/dist/**/*', 'build/legacy/**/*', '!**/*.map', '!node_modules/**/*'],
    win: { target: [{ target: 'dir', arch: [...LEGACY_ARCHS] }] },
    electronFuses: fuses,
  };
}
