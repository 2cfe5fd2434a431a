// Entry point of the app's UI: the back end is the Electron window's (IPC) or the preview's (HTTP).
import { getBackend } from './api/index';
import { startApp } from './start';

startApp(getBackend());
