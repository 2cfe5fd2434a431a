// `changmun preview <library-folder> [--port N] [--open] [--index-on-drive]`: the drive's library in a
// local browser, exactly as the app shows it. A browser is opened only when asked (--open): the
// machine may have none. The index is built in a temporary folder of this computer and removed at
// the end, so a finished (signed) drive is left file for file as it was; --index-on-drive keeps it
// on the drive as the desktop app does (the no-trace proof runs the app's behaviour this way). The URL is the first line on stdout (scripts and tests read it);
// everything for people goes to stderr. Ctrl+C (SIGINT) or SIGTERM stops it cleanly.
import { spawn } from 'node:child_process';
import { resolveLibraryFolder } from '../core/drive/locate.js';
import { startPreviewServer, type PreviewServer } from '../preview/server.js';
import { UiNotBuiltError } from '../preview/ui-dist.js';

export interface PreviewCliOptions {
  port?: string;
  /** --open sets this to true; anything else opens nothing. */
  open?: boolean;
  /** --index-on-drive: the index in the drive's .changmun/, as the desktop app keeps it. */
  indexOnDrive?: boolean;
}

export async function runPreview(folder: string, opts: PreviewCliOptions): Promise<number> {
  const port = opts.port === undefined ? 0 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`changmun: --port는 0에서 65535 사이의 수입니다 / --port must be a number from 0 to 65535 (got "${opts.port}")\n`);
    return 2;
  }
  const location = resolveLibraryFolder(folder);
  let preview: PreviewServer;
  try {
    preview = await startPreviewServer({ location, port, indexOffDrive: opts.indexOnDrive !== true });
  } catch (e) {
    if (e instanceof UiNotBuiltError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`changmun: 포트 ${port}를 이미 쓰고 있습니다. 다른 --port를 주세요 / port ${port} is in use: choose another --port\n`);
      return 1;
    }
    throw e;
  }

  // Stop handlers go in before anything is printed: whoever reads the URL may stop us at once.
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stdout.write(`${preview.url}\n`);
  process.stderr.write(
    `창문 미리보기: 이 컴퓨터의 브라우저에서 위 주소를 여세요 (이 컴퓨터에서만 열립니다). 끝내려면 Ctrl+C. / ` +
      `Changmun preview: open the address above in a browser on this computer (loopback only); Ctrl+C stops it.\n`,
  );
  preview.service.ready.then(
    () => process.stderr.write('색인 완료: 모든 파일을 찾을 수 있습니다 / Index ready: everything is searchable.\n'),
    () => process.stderr.write('색인을 만들지 못했습니다 (문제 목록을 보세요) / The index could not be built (see the problems list).\n'),
  );
  if (opts.open === true) openBrowser(preview.url);

  await stopped;
  await preview.close();
  process.stderr.write('미리보기를 끝냈습니다 / Preview stopped.\n');
  return 0;
}

/** Ask the desktop to open the URL; no browser, no desktop, no matter: the URL is printed. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    // cmd takes its line as written: `start "" URL` (the empty title keeps start from eating the URL).
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Nothing to do: the address is on the screen.
  }
}
