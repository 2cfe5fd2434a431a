// The browser edition runs in whatever browser the PC has: its syntax is compiled for Chromium 80 and
// Firefox 78 (renderer/vite.page.config.ts), but the standard library is not. These are the built-ins
// newer than those that the page's code calls (the Korean analysis and the engine: `.at`; the hash
// library: Object.hasOwn); tests/browser-edition.test.ts finds no other in the bundle, and runs the
// page with these taken away. Added only where missing; imported first by the page's entry.

function at(this: ArrayLike<unknown>, index: number): unknown {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

define(Array.prototype, 'at', at);
define(String.prototype, 'at', at);
// %TypedArray%.prototype, which Uint8Array, Uint32Array… share.
define(Object.getPrototypeOf(Uint8Array.prototype) as object, 'at', at);
define(Object, 'hasOwn', (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key));

export {};
