// Whether compiled JavaScript runs on the legacy build's Electron 22: Node 16.17 in the main process
// and its workers, Chromium 108 in the page and the preload. Two checks on the files as shipped:
//   - syntax: acorn parses them as ECMAScript 2022, the last edition both support whole (a newer
//     regular-expression flag, a hashbang, `using`… fail to parse);
//   - built-ins: the standard library both lack does not show up as syntax, so the parsed tree is
//     searched for the names newer than each target (a table below: when Node and Chromium got
//     each one), as a global, a method, a static member, a module, or a readdir option. A name the
//     file feature-tests (`typeof structuredClone`, `if (x.findLast)`) is taken as guarded.
// This is a lint, not a proof: a method reached through a computed name would pass. The runtime
// half is tests/legacy-compat.test.ts, which runs the legacy back end in a Node whose newer
// built-ins are taken away.
import { parse } from 'acorn';

export type LegacyRuntime = 'node' | 'chrome';

/** Node 16.17 and Chromium 108, as [major, minor]. */
export const LEGACY_VERSIONS: Readonly<Record<LegacyRuntime, readonly [number, number]>> = { node: [16, 17], chrome: [108, 0] };

type Since = Partial<Record<LegacyRuntime, readonly [number, number]>>;

interface Feature {
  /** How it appears in code. */
  kind: 'global' | 'method' | 'static' | 'module' | 'readdir-option';
  name: string;
  /** For 'static': the object it hangs on (Object.groupBy). */
  on?: string;
  /** The first version that has it; a runtime not named here never has it (parentPath in Chromium). */
  since: Since;
}

const g = (name: string, node: number | [number, number], chrome: number): Feature => ({ kind: 'global', name, since: { node: ver(node), chrome: [chrome, 0] } });
const m = (name: string, node: number | [number, number], chrome?: number): Feature => ({ kind: 'method', name, since: { node: ver(node), ...(chrome ? { chrome: [chrome, 0] as const } : {}) } });
const s = (on: string, name: string, node: number | [number, number], chrome: number): Feature => ({ kind: 'static', on, name, since: { node: ver(node), chrome: [chrome, 0] } });
function ver(v: number | [number, number]): readonly [number, number] {
  return typeof v === 'number' ? [v, 0] : v;
}

/** Built-ins newer than Node 16.17 or Chromium 108 (MDN's compatibility data, Node's changelogs). */
export const NEWER_BUILT_INS: readonly Feature[] = [
  g('structuredClone', 17, 98),
  g('fetch', 18, 42),
  g('Response', 18, 42),
  g('Request', 18, 42),
  g('Headers', 18, 42),
  g('FormData', 18, 5),
  g('Blob', 18, 20),
  g('File', 20, 13),
  g('ReadableStream', 18, 43),
  g('WritableStream', 18, 59),
  g('TransformStream', 18, 67),
  g('CompressionStream', 18, 80),
  g('DecompressionStream', 18, 80),
  g('BroadcastChannel', 18, 54),
  g('DOMException', 17, 1),
  g('CustomEvent', 19, 15),
  g('WebSocket', 22, 4),
  g('navigator', 21, 1),
  g('Iterator', 22, 122),
  { kind: 'global', name: 'crypto', since: { node: [19, 0], chrome: [37, 0] } },
  m('findLast', 18, 97),
  m('findLastIndex', 18, 97),
  m('toSorted', 20, 110),
  m('toReversed', 20, 110),
  m('toSpliced', 20, 110),
  m('isWellFormed', 20, 111),
  m('toWellFormed', 20, 111),
  m('symmetricDifference', 22, 122),
  m('isSubsetOf', 22, 122),
  m('isSupersetOf', 22, 122),
  m('isDisjointFrom', 22, 122),
  // Node only:
  m('availableParallelism', [18, 14]),
  m('parentPath', [20, 12]),
  m('toWeb', 17),
  m('fromWeb', 17),
  m('statfs', [18, 15]),
  m('statfsSync', [18, 15]),
  m('openAsBlob', [19, 8]),
  m('styleText', [21, 7]),
  m('getBuiltinModule', [22, 3]),
  s('Object', 'groupBy', 21, 117),
  s('Map', 'groupBy', 21, 117),
  s('Promise', 'withResolvers', 22, 119),
  s('Promise', 'try', 23, 128),
  s('Array', 'fromAsync', 22, 121),
  s('AbortSignal', 'timeout', [17, 3], 103),
  s('AbortSignal', 'any', [20, 3], 116),
  s('URL', 'canParse', [19, 9], 120),
  s('URL', 'parse', [22, 1], 126),
  s('RegExp', 'escape', 24, 136),
  s('Error', 'isError', 24, 134),
  ...['node:test', 'test', 'node:sqlite', 'readline/promises', 'node:readline/promises'].map(
    (name): Feature => ({ kind: 'module', name, since: { node: name.endsWith('readline/promises') ? [17, 0] : [18, 0] } }),
  ),
  // fs.readdir(dir, { recursive: true }): Node 16 ignores the option and lists one level.
  { kind: 'readdir-option', name: 'recursive', since: { node: [18, 17] } },
];

/**
 * Names only the current side of the shell's adapter reaches: protocol.handle's web Response
 * (main/electron/protocol.ts, toResponse), never called on Electron 22, where the adapter answers
 * registerStreamProtocol with Node streams. The static check cannot see which side runs;
 * tests/legacy-compat.test.ts runs the legacy main process with these globals taken away.
 */
export const CURRENT_SIDE_ONLY: Readonly<Record<string, string>> = {
  Response: 'protocol.handle (Electron 25+) only',
  Headers: 'protocol.handle (Electron 25+) only',
  toWeb: 'protocol.handle (Electron 25+) only',
};

export interface CompatProblem {
  file: string;
  /** 1-based line. */
  line: number;
  message: string;
}

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

/** The problems of one compiled file on one runtime of Electron 22; empty when it runs there. */
export function checkLegacyCompat(
  code: string,
  runtime: LegacyRuntime,
  file: string,
  options: { module?: boolean; allow?: Readonly<Record<string, string>> } = {},
): CompatProblem[] {
  const lineOf = (pos: number) => code.slice(0, pos).split('\n').length;
  let ast: AstNode;
  try {
    ast = parse(code, { ecmaVersion: 2022, sourceType: options.module ? 'module' : 'script', allowHashBang: false, allowReturnOutsideFunction: !options.module }) as unknown as AstNode;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return [{ file, line: lineOf(pos), message: `not ECMAScript 2022 (${runtime === 'node' ? 'Node 16.17' : 'Chromium 108'}): ${(e as Error).message}` }];
  }
  const target = LEGACY_VERSIONS[runtime];
  const lacks = (f: Feature) => {
    const since = f.since[runtime];
    return since === undefined ? true : since[0] > target[0] || (since[0] === target[0] && since[1] > target[1]);
  };
  const features = NEWER_BUILT_INS.filter((f) => lacks(f));
  const globals = new Map(features.filter((f) => f.kind === 'global').map((f) => [f.name, f]));
  const methods = new Map(features.filter((f) => f.kind === 'method').map((f) => [f.name, f]));
  const statics = new Map(features.filter((f) => f.kind === 'static').map((f) => [`${f.on}.${f.name}`, f]));
  const modules = new Map(features.filter((f) => f.kind === 'module').map((f) => [f.name, f]));
  const readdirOption = features.find((f) => f.kind === 'readdir-option');

  const declared = new Set<string>();
  const guarded = new Set<string>();
  const uses: { name: string; kind: Feature['kind']; pos: number }[] = [];
  const runtimeName = runtime === 'node' ? 'Node 16.17' : 'Chromium 108';

  const propName = (n: AstNode): string | undefined => {
    const p = n['property'] as AstNode;
    if (!n['computed'] && p.type === 'Identifier') return p['name'] as string;
    if (p.type === 'Literal' && typeof p['value'] === 'string') return p['value'];
    return undefined;
  };
  const declare = (pattern: AstNode | null | undefined): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') declared.add(pattern['name'] as string);
    else if (pattern.type === 'ObjectPattern') for (const p of pattern['properties'] as AstNode[]) declare((p.type === 'RestElement' ? p['argument'] : p['value']) as AstNode);
    else if (pattern.type === 'ArrayPattern') for (const e of pattern['elements'] as (AstNode | null)[]) declare(e);
    else if (pattern.type === 'RestElement') declare(pattern['argument'] as AstNode);
    else if (pattern.type === 'AssignmentPattern') declare(pattern['left'] as AstNode);
  };
  /** A feature test: typeof x, if (x.y), x.y ? … : …, x.y && …, x.y ?? …, x?.y(…). */
  const guard = (n: AstNode | undefined): void => {
    if (!n) return;
    if (n.type === 'Identifier') guarded.add(n['name'] as string);
    else if (n.type === 'MemberExpression') {
      const name = propName(n);
      if (name) guarded.add(name);
    } else if (n.type === 'LogicalExpression') {
      guard(n['left'] as AstNode);
    } else if (n.type === 'UnaryExpression' && n['operator'] === '!') guard(n['argument'] as AstNode);
  };

  const visit = (n: AstNode, parent: AstNode | undefined, key: string): void => {
    switch (n.type) {
      case 'VariableDeclarator':
        declare(n['id'] as AstNode);
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassDeclaration':
      case 'ClassExpression':
        declare(n['id'] as AstNode | null);
        for (const p of (n['params'] as AstNode[] | undefined) ?? []) declare(p);
        break;
      case 'CatchClause':
        declare(n['param'] as AstNode | null);
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        declare(n['local'] as AstNode);
        break;
      case 'UnaryExpression':
        if (n['operator'] === 'typeof') guard(n['argument'] as AstNode);
        break;
      case 'IfStatement':
      case 'ConditionalExpression':
        guard(n['test'] as AstNode);
        break;
      case 'LogicalExpression':
        guard(n['left'] as AstNode);
        break;
      case 'Identifier': {
        const name = n['name'] as string;
        const isProperty = parent?.type === 'MemberExpression' && key === 'property' && !parent['computed'];
        const isKey = (parent?.type === 'Property' || parent?.type === 'PropertyDefinition' || parent?.type === 'MethodDefinition') && key === 'key' && !parent['computed'];
        if (globals.has(name) && !isProperty && !isKey && parent?.type !== 'LabeledStatement') uses.push({ name, kind: 'global', pos: n.start });
        break;
      }
      case 'MemberExpression': {
        const name = propName(n);
        const object = n['object'] as AstNode;
        if (name && object.type === 'Identifier' && statics.has(`${object['name'] as string}.${name}`)) uses.push({ name: `${object['name'] as string}.${name}`, kind: 'static', pos: n.start });
        else if (name && methods.has(name)) uses.push({ name, kind: 'method', pos: n.start });
        if (n['optional']) guard(n);
        break;
      }
      case 'CallExpression': {
        const callee = n['callee'] as AstNode;
        const args = n['arguments'] as AstNode[];
        if (callee.type === 'Identifier' && callee['name'] === 'require' && args[0]?.type === 'Literal' && modules.has(String(args[0]['value']))) {
          uses.push({ name: String(args[0]['value']), kind: 'module', pos: n.start });
        }
        const called = callee.type === 'MemberExpression' ? propName(callee) : undefined;
        if (readdirOption && called && /^(readdir|readdirSync|opendir|opendirSync)$/.test(called)) {
          const options = args.find((a) => a.type === 'ObjectExpression');
          const hit = (options?.['properties'] as AstNode[] | undefined)?.some((p) => p.type === 'Property' && ((p['key'] as AstNode)['name'] === 'recursive' || (p['key'] as AstNode)['value'] === 'recursive'));
          if (hit) uses.push({ name: `${called}({ recursive })`, kind: 'readdir-option', pos: n.start });
        }
        break;
      }
      case 'ImportDeclaration':
      case 'ImportExpression': {
        const source = n['source'] as AstNode;
        if (source.type === 'Literal' && modules.has(String(source['value']))) uses.push({ name: String(source['value']), kind: 'module', pos: n.start });
        break;
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c === 'object' && typeof (c as AstNode).type === 'string') visit(c as AstNode, n, k);
      } else if (v && typeof v === 'object' && typeof (v as AstNode).type === 'string') visit(v as AstNode, n, k);
    }
  };
  visit(ast, undefined, '');

  const problems: CompatProblem[] = [];
  for (const u of uses) {
    if (options.allow && Object.hasOwn(options.allow, u.name)) continue;
    if (u.kind === 'global' && (declared.has(u.name) || guarded.has(u.name))) continue;
    if (u.kind === 'method' && guarded.has(u.name)) continue;
    if (u.kind === 'static' && guarded.has(u.name.split('.')[1]!)) continue;
    const what = { global: 'the global', method: 'the method', static: '', module: 'the module', 'readdir-option': '' }[u.kind];
    problems.push({ file, line: lineOf(u.pos), message: `${what ? `${what} ` : ''}${u.name} is not in ${runtimeName}` });
  }
  return problems;
}

/** CSS newer than Chromium 108 that would change what a person sees there (a color lost, a rule dropped). */
export const NEWER_CSS: readonly { pattern: RegExp; what: string; chrome: number }[] = [
  { pattern: /\bcolor-mix\(/, what: 'color-mix()', chrome: 111 },
  { pattern: /\b(?:oklch|oklab)\(/, what: 'oklch()/oklab() colors', chrome: 111 },
  { pattern: /\blight-dark\(/, what: 'light-dark()', chrome: 123 },
  { pattern: /@starting-style\b/, what: '@starting-style', chrome: 117 },
  { pattern: /@scope\b/, what: '@scope', chrome: 118 },
  { pattern: /\{[^{}]*&[^{}]*\{/, what: 'nested rules (&)', chrome: 112 },
  { pattern: /\b(?:round|mod|rem)\(/, what: 'CSS round()/mod()/rem()', chrome: 125 },
];

/** The problems of one compiled stylesheet in Chromium 108 (Electron 22). */
export function checkLegacyCss(css: string, file: string): CompatProblem[] {
  const lineOf = (pos: number) => css.slice(0, pos).split('\n').length;
  const problems: CompatProblem[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => ' '.repeat(c.length));
  for (const f of NEWER_CSS) {
    const m = f.pattern.exec(text);
    if (m) problems.push({ file, line: lineOf(m.index), message: `${f.what} is not in Chromium 108 (from ${f.chrome})` });
  }
  return problems;
}
