// The desktop app's command line, and where it looks for the library. Chromium's own switches
// (--no-sandbox from start.sh, --enable-logging…) and the script path in development pass through
// untouched: only our flags are read.
import path from 'node:path';
import type { LocateOptions } from '../core/drive/locate.js';

export interface ShellArgs {
  /** `--library <dir>` or `--library=<dir>`: a drive root, a drive's library/ or any folder. */
  library?: string;
  /** `--self-test`: start, load the library, search, open one item of each type, quit 0 or 1. */
  selfTest: boolean;
  /** `--devtools` (unpackaged only): open the developer tools beside the window. */
  devtools: boolean;
}

/** Our flags out of `process.argv.slice(1)`. */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const out: ShellArgs = { selfTest: false, devtools: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--self-test') out.selfTest = true;
    else if (a === '--devtools') out.devtools = true;
    else if (a === '--library' && i + 1 < argv.length) out.library = argv[++i]!;
    else if (a.startsWith('--library=')) out.library = a.slice('--library='.length);
  }
  if (out.library === '') delete out.library;
  return out;
}

export interface ShellPlace {
  /** process.execPath: DRIVE/app/win/<name>.exe or DRIVE/app/linux/<name> on a drive. */
  execPath: string;
  /** app.isPackaged. */
  isPackaged: boolean;
  /** The folder holding package.json, build/ and renderer/dist (the asar root when packaged). */
  packageRoot: string;
}

/**
 * Where to look for the library, in order: `--library`, the drive the executable sits on
 * (app/win or app/linux under the drive root), and in development content-sample/ of the checkout.
 */
export function locateOptionsFor(args: ShellArgs, place: ShellPlace): LocateOptions {
  return {
    ...(args.library !== undefined ? { explicit: args.library } : {}),
    execPath: place.execPath,
    ...(place.isPackaged ? {} : { devRoot: place.packageRoot }),
  };
}

/** The executable's name without folder or .exe: the neutral name from electron-builder.yml. */
export function executableName(execPath: string): string {
  return path.basename(execPath.replace(/\\/g, '/')).replace(/\.exe$/i, '');
}
