// `--self-test`, for a machine that has Electron: the real window loads the UI, and everything is
// asked through the page as the UI asks it (preload → IPC → dispatcher → back end, app:// → serve):
// the preload's one door is there and failures come back with their codes, the library loads, a
// search finds something, one item of each type opens, nothing reaches the network. Plain ASCII
// lines on stdout; the exit code says whether all of it worked.
import { API_METHODS, type ApiAnswer, type LibraryInfo, type LibraryItem } from '../api.js';
import { coverUrl, fileUrl } from './app-url.js';

export interface SelfTestHost {
  /** Resolves when the UI has loaded in the window. */
  pageLoaded: Promise<void>;
  /** Evaluates an expression in the page (awaiting a promise it returns). */
  evaluate(expression: string): Promise<unknown>;
  /** Files under this session's runtime folder, relative, for the report. */
  runtimeFiles(): string[];
  log(line: string): void;
}

export interface SelfTestLimits {
  pageMs: number;
  indexMs: number;
  pollMs: number;
}

const LIMITS: SelfTestLimits = { pageMs: 60_000, indexMs: 15 * 60_000, pollMs: 500 };

/** Runs every step, logs one line each, and answers the exit code: 0 when every step passed. */
export async function runSelfTest(host: SelfTestHost, limits: SelfTestLimits = LIMITS): Promise<number> {
  let failures = 0;
  const step = async (name: string, run: () => Promise<string>): Promise<void> => {
    try {
      host.log(`self-test: ok   ${name}: ${await run()}`);
    } catch (e) {
      failures++;
      host.log(`self-test: FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  /** One contract call as the page's client makes it: through the preload's invoke. */
  const api = async (method: string, args: unknown[] = []): Promise<unknown> => {
    const answer = (await host.evaluate(`window.changmun.invoke(${JSON.stringify(method)}, ${JSON.stringify(args)})`)) as ApiAnswer | undefined;
    if (!answer?.ok) throw new Error(answer ? `${method}: ${answer.error.code}: ${answer.error.en}` : `${method}: no answer`);
    return answer.value;
  };

  await step('window', async () => {
    await within(host.pageLoaded, limits.pageMs, 'the UI did not load');
    return 'the UI loaded from app://';
  });
  if (failures > 0) return finish(host, failures);

  await step('contract', async () => {
    const keys = ((await host.evaluate('Object.keys(window.changmun ?? {}).sort()')) as string[] | undefined) ?? [];
    if (JSON.stringify(keys) !== '["invoke"]') throw new Error(`the preload exposes [${keys.join(', ')}], not [invoke]`);
    // Failures must reach the page with their code and their Korean: the UI decides by the code.
    const refusedWith = async (expression: string, code: string) => {
      const answer = (await host.evaluate(expression)) as ApiAnswer | undefined;
      if (answer?.ok !== false || answer.error.code !== code || !/[\uac00-\ud7a3]/.test(answer.error.ko)) {
        throw new Error(`${expression} answered ${JSON.stringify(answer)}, not ${code} with a Korean message`);
      }
    };
    await refusedWith(`window.changmun.invoke('noSuchMethod', [])`, 'unknown-method');
    await refusedWith(`window.changmun.invoke('getArticle', [42])`, 'bad-argument');
    return `invoke through the preload for ${API_METHODS.length} methods; an unknown method and a wrong argument refused with their codes`;
  });
  if (failures > 0) return finish(host, failures);

  let library: LibraryInfo | undefined;
  await step('library', async () => {
    const deadline = Date.now() + limits.indexMs;
    for (;;) {
      const status = (await api('getIndexStatus')) as { complete: boolean; phase: string; done: number; total: number };
      if (status.complete || status.phase === 'done') break;
      if (Date.now() > deadline) throw new Error(`indexing did not finish (${status.done}/${status.total})`);
      await sleep(limits.pollMs);
    }
    library = (await api('getLibrary')) as LibraryInfo;
    if (library.items.length === 0) throw new Error('the library has no items');
    const count = (t: string) => library!.items.filter((i) => i.type === t).length;
    return `${library.items.length} items (${count('article')} articles, ${count('book')} books, ${count('video')} films), ${library.problems.length} problems`;
  });
  if (!library) return finish(host, failures);
  const items = library.items;

  await step('search', async () => {
    const word = searchWordOf(items);
    if (!word) throw new Error('no title has a word to search for');
    const r = (await api('search', [word])) as { total: number };
    if (!(r.total > 0)) throw new Error(`"${word}" found nothing`);
    return `"${word}" found ${r.total} items`;
  });

  const first = (type: LibraryItem['type'], also: (i: LibraryItem) => boolean = () => true) => items.find((i) => i.type === type && also(i));

  const article = first('article');
  await step('article', async () => {
    if (!article) return 'none in this library: skipped';
    const a = (await api('getArticle', [article.path])) as { html: string };
    if (!a.html) throw new Error(`${article.path} came back empty`);
    return `${article.path} (${a.html.length} characters of HTML)`;
  });

  // A book with a cover, and a film with subtitles, when the library has them: more gets opened.
  const book = first('book', (i) => i.book?.hasCover === true) ?? first('book');
  await step('book', async () => {
    if (!book) return 'none in this library: skipped';
    const [status, magic] = (await host.evaluate(
      `fetch(${JSON.stringify(fileUrl(book.path))}).then(async (r) => [r.status, Array.from(new Uint8Array(await r.arrayBuffer()).slice(0, 2))])`,
    )) as [number, number[]];
    if (status !== 200 || magic[0] !== 0x50 || magic[1] !== 0x4b) throw new Error(`${book.path}: HTTP ${status}, not a zip`);
    let cover = 'no cover';
    if (book.book?.hasCover) {
      const s = await host.evaluate(`fetch(${JSON.stringify(coverUrl(book.path))}).then((r) => r.status)`);
      if (s !== 200) throw new Error(`${book.path}: cover HTTP ${String(s)}`);
      cover = 'cover 200';
    }
    return `${book.path} (200, a zip; ${cover})`;
  });

  const film = first('video', (i) => i.video?.hasVideo === true && i.video.subtitles.length > 0) ?? first('video', (i) => i.video?.hasVideo === true);
  await step('film', async () => {
    if (!film) return 'none in this library: skipped';
    const [status, range] = (await host.evaluate(
      `fetch(${JSON.stringify(fileUrl(film.path))}, { headers: { Range: 'bytes=0-99' } }).then((r) => [r.status, r.headers.get('content-range')])`,
    )) as [number, string | null];
    if (status !== 206 || !range?.startsWith('bytes 0-')) throw new Error(`${film.path}: a Range request got ${status} ${String(range)}`);
    const tracks = (await api('getSubtitles', [film.path])) as unknown[];
    return `${film.path} (206 ${range}; ${tracks.length} subtitle tracks)`;
  });

  await step('network', async () => {
    const outcome = await host.evaluate(`fetch('https://example.com/').then(() => 'reached', () => 'blocked')`);
    if (outcome !== 'blocked') throw new Error('a fetch to https://example.com/ was answered');
    return 'a fetch to https://example.com/ was blocked';
  });

  return finish(host, failures);
}

function finish(host: SelfTestHost, failures: number): number {
  const files = host.runtimeFiles();
  host.log(`self-test: runtime folder holds ${files.length} files${files.length ? `: ${files.slice(0, 20).join(', ')}${files.length > 20 ? ', …' : ''}` : ''}`);
  host.log(failures === 0 ? 'self-test: passed' : `self-test: ${failures} step(s) failed`);
  return failures === 0 ? 0 : 1;
}

/** A word from a title to search for: the first of two letters or more. */
export function searchWordOf(items: readonly LibraryItem[]): string | undefined {
  for (const item of items) {
    const word = item.title.split(/[\s\p{P}]+/u).find((w) => [...w].length >= 2);
    if (word) return word;
  }
  return undefined;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
