// Entry point of the browser edition (Changmun.html, opened from the drive on file://): the same
// UI, with the back end running in the page itself (main/browser-edition/page/). The one file of
// the UI that may import that back end (eslint.config.js).
// First: the built-ins an older browser lacks, before any module below runs.
import './page-compat';
import { createPageBackend } from '../../main/browser-edition/page/backend';
import { startApp } from './start';

startApp(createPageBackend());
