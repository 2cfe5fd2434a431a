// electron-builder.yml against the points of issue 5 §4 (and FIELD-NOTES, "Running from a USB
// drive"): unpacked dir targets for Windows and Linux x64, asar, Korean and English locales only,
// the fuses, no portable target, no update provider, one neutral name. And what gets packaged: the
// desktop app's imports, followed from its entry through its worker threads, are all in the package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { REPO_ROOT } from './helpers/paths.js';

const YML = readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
const config = parse(YML) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const files = config['files'] as string[];
const excluded = files.filter((f) => f.startsWith('!'));
const excludedPackages = excluded.map((f) => /^!node_modules\/(.+)\/\*\*$/.exec(f)?.[1]).filter((p): p is string => p !== undefined);

describe('electron-builder.yml (§4)', () => {
  it('builds only unpacked dir targets, x64, for Windows and Linux', () => {
    for (const os of ['win', 'linux']) {
      expect((config[os] as { target: unknown }).target, os).toEqual([{ target: 'dir', arch: ['x64'] }]);
    }
    expect(config['mac']).toBeUndefined();
  });

  it('has no portable target and no installer anywhere', () => {
    // Every `target:` anywhere in the file, however it is written (a name, a list, objects).
    const targets: string[] = [];
    const collect = (v: unknown, underTarget: boolean): void => {
      if (typeof v === 'string' && underTarget) targets.push(v);
      else if (Array.isArray(v)) v.forEach((x) => collect(x, underTarget));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k === 'target' || (underTarget && k !== 'arch'));
    };
    collect(config, false);
    expect(targets).toEqual(['dir', 'dir']);
    for (const key of ['portable', 'nsis', 'nsisWeb', 'appx', 'msi', 'msiWrapped', 'squirrelWindows', 'appImage', 'snap', 'deb', 'rpm', 'dmg', 'mas']) {
      expect(config[key], key).toBeUndefined();
    }
  });

  it('packs the app in an asar, with only the UI unpacked beside it', () => {
    expect(config['asar']).toBe(true);
    expect(config['asarUnpack']).toEqual(['renderer/dist/**']);
  });

  it('keeps only the Korean and English locales', () => {
    expect(config['electronLanguages']).toEqual(['ko', 'en-US']);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspect, the app only from its asar', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has no auto-update provider, and no updater in the app', () => {
    expect(config['publish']).toBeNull();
    for (const os of ['win', 'linux']) expect((config[os] as Record<string, unknown>)['publish'], os).toBeUndefined();
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });

  it('names the product and the executable in one place, neutrally', () => {
    const doc = parseDocument(YML);
    // executableName is an alias of productName: one value, written once.
    expect(doc.get('executableName', true)?.constructor.name).toBe('Alias');
    expect(config['executableName']).toBe(config['productName']);
    const name = String(config['productName']);
    expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    expect(name.toLowerCase()).not.toMatch(/changmun|korea|library|news|film/);
    expect(YML.match(/^productName:/gm)).toHaveLength(1);
  });

  it('rebuilds nothing natively and needs no compiler or headers', () => {
    expect(config).toMatchObject({ npmRebuild: false, nodeGypRebuild: false, buildDependenciesFromSource: false });
  });

  it("removes a hand-supplied Electron's default app after packing", () => {
    expect(config['afterPack']).toBe('packaging/after-pack.cjs');
    expect(existsSync(path.join(REPO_ROOT, 'packaging', 'after-pack.cjs'))).toBe(true);
  });

  it('starts the built Electron entry, and `npm run dist` builds, packages and lays out the drive', () => {
    expect(pkg.main).toBe('build/main/electron/entry.js');
    expect(existsSync(path.join(REPO_ROOT, 'main', 'electron', 'entry.ts'))).toBe(true);
    expect(pkg.scripts['dist']).toBe('tsx packaging/dist.ts');
    const dist = readFileSync(path.join(REPO_ROOT, 'packaging', 'dist.ts'), 'utf8');
    expect(dist).toContain("step('npm', ['run', 'build']);");
    expect(dist).toContain("['--win', '--linux', '--publish', 'never', ...extra]");
    expect(dist).toContain('assembleDrive(root)');
  });

  it('ships the compiled app and the built UI, not the command line or the preview server', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'renderer/dist/**/*', 'build/main/**/*.js', '!build/main/cli/**', '!build/main/preview/**']));
  });

  it('approves no install script that downloads (Electron 42+ has none; the Windows installer helper is refused)', () => {
    const electronPkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string; scripts?: Record<string, string> };
    expect(Number(electronPkg.version.split('.')[0])).toBeGreaterThanOrEqual(42);
    expect(electronPkg.scripts?.['postinstall']).toBeUndefined();
    expect(pkg.devDependencies['electron']).toBe(electronPkg.version);
    expect(pkg.allowScripts?.['electron']).not.toBe(true);
    expect(pkg.allowScripts?.['electron-winstaller']).toBe(false);
  });
});

describe('what the desktop app loads is in the package', () => {
  const graph = importGraph(['main/electron/entry.ts']);

  it('follows the entry through the worker threads', () => {
    for (const f of ['main/electron/main.ts', 'main/core/library-service.ts', 'main/core/search/search-worker.ts', 'main/core/catalog/extract-worker.ts']) {
      expect(graph.files, f).toContain(f);
    }
  });

  it('never reaches the command line or the preview server (left out of the package)', () => {
    expect(graph.files.filter((f) => f.startsWith('main/cli/') || f.startsWith('main/preview/'))).toEqual([]);
  });

  it('imports only runtime dependencies that are packaged, Node built-ins and electron', () => {
    const builtins = new Set(builtinModules);
    for (const spec of graph.packages) {
      if (spec.startsWith('node:') || builtins.has(spec) || spec === 'electron') continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(Object.keys(pkg.dependencies), spec).toContain(name);
      expect(excludedPackages.some((p) => name === p || name.startsWith(`${p.replace(/\/\*\*$/, '')}/`)), `${name} is left out of the package`).toBe(false);
    }
  });

  it('leaves out only runtime dependencies the desktop app never loads (the command line\'s)', () => {
    expect(excludedPackages.length).toBeGreaterThan(0);
    for (const p of excludedPackages) {
      const deps = Object.keys(pkg.dependencies);
      expect(deps.some((d) => d === p || d.startsWith(`${p}/`)), p).toBe(true);
      expect(graph.packages.map(packageName), `${p} is loaded by the desktop app`).not.toContain(p);
    }
  });
});

describe('an honest package.json (issue 14)', () => {
  // The browser edition's page back end lives beside the core it reads (main/browser-edition/page)
  // but runs only in the page: Vite bundles it with the UI, Node never loads it.
  const PAGE = 'main/browser-edition/page';
  const backEnd = packagesImportedUnder(['main', 'bin'], [PAGE]);
  const ui = packagesImportedUnder(['renderer/src', PAGE]);

  it('has as runtime dependencies exactly the packages the back end and the command line load', () => {
    expect(backEnd).toContain('htmlparser2');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(backEnd);
  });

  it('keeps every library only the UI loads in devDependencies: Vite bundles it into renderer/dist', () => {
    const uiOnly = ui.filter((p) => !backEnd.includes(p));
    expect(uiOnly).toEqual(expect.arrayContaining(['react', 'react-dom', 'epubjs', '@fontsource/noto-sans-kr']));
    for (const p of uiOnly) {
      expect(Object.keys(pkg.devDependencies), p).toContain(p);
      expect(Object.keys(pkg.dependencies), p).not.toContain(p);
    }
  });

  it("leaves the bench's peers to their own install, and nothing in the project's own builds a native module", () => {
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const bench = JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const peer of ['better-sqlite3', 'minisearch']) {
      expect(Object.keys(bench.dependencies), peer).toContain(peer);
      expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }), peer).not.toContain(peer);
      expect(Object.keys(lock.packages).filter((k) => k.endsWith(`node_modules/${peer}`)), peer).toEqual([]);
    }
    expect(pkg.allowScripts?.['better-sqlite3']).toBeUndefined();
    // No install script runs at `npm ci`: every package that has one is refused by name. npm matches
    // allowScripts against the registry's name, not an alias (electron-legacy is npm:electron@22).
    const scripted = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; name?: string }>)
      .filter(([, v]) => v.hasInstallScript)
      .map(([k, v]) => v.name ?? k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(scripted).toContain('electron');
    expect(scripted.length).toBeGreaterThan(0);
    for (const name of scripted) expect(pkg.allowScripts?.[name], name).toBe(false);
    const installed = Object.keys(lock.packages).filter((k) => k !== '' && existsSync(path.join(REPO_ROOT, k, 'package.json')));
    expect(installed.length).toBeGreaterThan(100);
    expect(installed.filter((k) => existsSync(path.join(REPO_ROOT, k, 'binding.gyp')))).toEqual([]);
  });
});

/** The package a bare import names: `a` for `a/b`, `@s/a` for `@s/a/b`. */
function packageName(spec: string): string {
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
}

/** Packages (not Node built-ins, not electron) that code under these folders imports as values, sorted. */
function packagesImportedUnder(folders: string[], except: string[] = []): string[] {
  const builtins = new Set(builtinModules);
  const found = new Set<string>();
  const visit = (rel: string): void => {
    if (except.includes(rel) || !existsSync(path.join(REPO_ROOT, rel))) return;
    for (const entry of readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (/\.(?:ts|tsx|js|mjs|cjs|css)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        for (const spec of valueImports(readFileSync(path.join(REPO_ROOT, child), 'utf8'))) {
          if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec) || spec === 'electron') continue;
          found.add(packageName(spec));
        }
      }
    }
  };
  for (const f of folders) visit(f);
  return [...found].sort();
}

/** Module specifiers a source file imports as values (type-only imports are erased by the compiler). */
function valueImports(text: string): string[] {
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]!);
  specs.push(...[...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!));
  specs.push(...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!));
  specs.push(...[...text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!));
  return specs;
}

/** Files (repo-relative) and bare package imports reachable from the entries, statically. */
function importGraph(entries: string[]): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = queue.pop()!;
    if (files.has(rel)) continue;
    files.add(rel);
    const text = readFileSync(path.join(REPO_ROOT, rel), 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0])).map((m) => m[1]!);
    specs.push(...[...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!));
    specs.push(...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!));
    // Worker threads: startWorker(import.meta.url, 'name') starts ./name beside the caller.
    for (const m of text.matchAll(/startWorker\(\s*import\.meta\.url\s*,\s*'([^']+)'/g)) specs.push(`./${m[1]!}.js`);
    for (const spec of specs) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec.replace(/\.js$/, '.ts')));
      if (existsSync(path.join(REPO_ROOT, target))) queue.push(target);
      else if (!existsSync(path.join(REPO_ROOT, target.replace(/\.ts$/, '.mjs')))) throw new Error(`${rel}: cannot follow ${spec}`);
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}
