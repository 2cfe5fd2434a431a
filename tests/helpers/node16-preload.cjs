// Loaded with `node --require` (and so in every worker thread too): takes away what Node 20 has and
// Node 16.17, the Node of Electron 22 (the legacy build), has not, so code that reaches for any of
// it fails here as it would on a Windows 7 PC. Node 16 ignores readdir's `recursive` option and
// lists one level: so does this. The list matches packaging/legacy-compat.ts's table.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const stream = require('node:stream');

const gone = [];
const drop = (owner, name, label) => {
  if (owner && name in owner) {
    delete owner[name];
    if (name in owner) Object.defineProperty(owner, name, { value: undefined, configurable: true, writable: true });
    gone.push(label);
  }
};

for (const name of [
  'structuredClone', 'fetch', 'Response', 'Request', 'Headers', 'FormData', 'Blob', 'File', 'ReadableStream', 'WritableStream',
  'TransformStream', 'CompressionStream', 'DecompressionStream', 'BroadcastChannel', 'DOMException', 'CustomEvent', 'WebSocket',
  'navigator', 'Iterator', 'crypto',
]) drop(globalThis, name, name);
const typedArray = Object.getPrototypeOf(Uint8Array.prototype);
for (const name of ['findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']) {
  drop(Array.prototype, name, `Array.prototype.${name}`);
  drop(typedArray, name, `TypedArray.prototype.${name}`);
}
for (const name of ['isWellFormed', 'toWellFormed']) drop(String.prototype, name, `String.prototype.${name}`);
for (const name of ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom']) drop(Set.prototype, name, `Set.prototype.${name}`);
drop(Object, 'groupBy', 'Object.groupBy');
drop(Map, 'groupBy', 'Map.groupBy');
drop(Promise, 'withResolvers', 'Promise.withResolvers');
drop(Array, 'fromAsync', 'Array.fromAsync');
drop(AbortSignal, 'timeout', 'AbortSignal.timeout');
drop(AbortSignal, 'any', 'AbortSignal.any');
drop(URL, 'canParse', 'URL.canParse');
drop(os, 'availableParallelism', 'os.availableParallelism');
drop(stream.Readable, 'toWeb', 'Readable.toWeb');
drop(stream.Readable, 'fromWeb', 'Readable.fromWeb');

const oneLevel = (options) => (options && typeof options === 'object' && options.recursive ? { ...options, recursive: false } : options);
const readdirSync = fs.readdirSync;
fs.readdirSync = (dir, options) => readdirSync(dir, oneLevel(options));
const readdir = fs.readdir;
fs.readdir = (dir, options, callback) => (typeof options === 'function' ? readdir(dir, options) : readdir(dir, oneLevel(options), callback));
const readdirPromise = fs.promises.readdir;
fs.promises.readdir = (dir, options) => readdirPromise(dir, oneLevel(options));

globalThis.__changmunNode16Gone = gone;
