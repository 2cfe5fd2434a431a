// The index's file formats (main/core/search/store/): what is written reads back the same, and bytes
// that are not what was written are refused (never read as something else).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteReader, ByteWriter, MalformedBytes } from '../main/core/search/store/bytes.js';
import { DictionaryReader, DictionaryWriter } from '../main/core/search/store/dictionary.js';
import { decodeBuckets, decodePostings, encodePostings } from '../main/core/search/store/postings.js';
import { MemorySink, MemoryBlob, SealedFile, BLOCK_SIZE } from '../main/core/search/store/sealed.js';
import { relPath, Malformed } from '../main/core/search/store/check-json.js';
import { IndexDamagedError } from '../main/core/search/store/damage.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('varints and strings', () => {
  it('read back every number up to 2^53 and every string of code units', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat()), fc.array(fc.string({ unit: 'binary', maxLength: 50 })), (ns, ss) => {
        const w = new ByteWriter(8);
        for (const n of ns) w.varint(n);
        for (const s of ss) w.string(s);
        const r = new ByteReader(w.view().slice());
        expect(ns.map(() => r.varint())).toEqual(ns);
        expect(ss.map(() => r.string())).toEqual(ss);
        expect(r.done).toBe(true);
      }),
    );
  });

  it('refuses a number that runs off the end', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x80)).varint()).toThrow(MalformedBytes);
  });
});

describe('postings', () => {
  const bucketsArb = fc.array(fc.uniqueArray(fc.nat(5000), { maxLength: 60 }), { minLength: 4, maxLength: 4 }).map((bs) => {
    // A chunk is in one bucket only.
    const seen = new Set<number>();
    return bs.map((b) => b.filter((c) => !seen.has(c) && (seen.add(c), true)).sort((x, y) => x - y));
  });

  it('read back in rank order (densest bucket first, chunk order within) and bucket by bucket', () => {
    fc.assert(
      fc.property(bucketsArb, (buckets) => {
        const w = new ByteWriter();
        encodePostings(w, buckets);
        const df = buckets.reduce((n, b) => n + b.length, 0);
        expect([...decodePostings(w.view(), df, 5001)]).toEqual(buckets.flat());
        expect(decodeBuckets(w.view(), df, 5001).map((b) => [...b])).toEqual(buckets);
      }),
    );
  });

  it('refuse a list that names a chunk past the segment, or does not add up to its count', () => {
    const w = new ByteWriter();
    encodePostings(w, [[1, 7000], [], [], [3]]);
    expect(() => decodePostings(w.view(), 3, 5000)).toThrow(MalformedBytes);
    expect(() => decodePostings(w.view(), 4, 8000)).toThrow(MalformedBytes);
  });
});

describe('the term dictionary', () => {
  it('finds every term written and none that was not, and completes prefixes most frequent first', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.string({ unit: fc.constantFrom('가', '나', '노', '동', 'a', 'b', '\u{1f600}'), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 300 }), async (words) => {
        const terms = [...words].sort();
        const sink = new MemorySink();
        const d = new DictionaryWriter(sink);
        terms.forEach((t, i) => d.add(t, (i % 7) + 1, i * 3, 3));
        d.end();
        const { blob } = await sink.finish();
        const r = new DictionaryReader(blob, terms.length * 3);
        terms.forEach((t, i) => expect(r.lookup(t)).toEqual({ term: t, df: (i % 7) + 1, offset: i * 3, length: 3 }));
        expect(r.lookup('없는말')).toBeUndefined();
        for (const prefix of ['가', '노', 'a', 'zz']) {
          const expected = terms
            .map((t, i) => ({ term: t, df: (i % 7) + 1 }))
            .filter((e) => e.term.startsWith(prefix))
            .sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : 1))
            .slice(0, 5);
          expect(r.complete(prefix, 5)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a block index that is out of order or points past the file', async () => {
    const sink = new MemorySink();
    const d = new DictionaryWriter(sink);
    for (let i = 0; i < 200; i++) d.add(`t${String(i).padStart(4, '0')}`, 1, i, 1);
    d.end();
    const bytes = Buffer.from((await sink.finish()).blob.read(0, sink.size));
    bytes.writeDoubleLE(bytes.length * 2, bytes.length - 8);
    expect(() => new DictionaryReader(new MemoryBlob(bytes), 200)).toThrow(MalformedBytes);
  });
});

describe('sealed files', () => {
  it('read back what was written, and refuse a changed block or another size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'changmun-sealed-'));
    const data = Buffer.alloc(BLOCK_SIZE * 3 + 100);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) % 251;
    const sink = new MemorySink();
    sink.append(data);
    const { seal } = await sink.finish();
    const file = path.join(dir, 'x');
    writeFileSync(file, data);
    const ok = new SealedFile(file, seal, 'x');
    expect(Buffer.from(ok.read(BLOCK_SIZE - 10, 30)).equals(data.subarray(BLOCK_SIZE - 10, BLOCK_SIZE + 20))).toBe(true);
    ok.close();
    const changed = Buffer.from(data);
    changed[BLOCK_SIZE * 2 + 5]! ^= 1;
    writeFileSync(file, changed);
    const bad = new SealedFile(file, seal, 'x');
    expect(Buffer.from(bad.read(0, 10)).equals(data.subarray(0, 10))).toBe(true);
    expect(() => bad.read(BLOCK_SIZE * 2, 10)).toThrow(IndexDamagedError);
    bad.close();
    writeFileSync(file, data.subarray(0, data.length - 1));
    expect(() => new SealedFile(file, seal, 'x')).toThrow(IndexDamagedError);
  });
});

describe('paths read from a saved catalog', () => {
  it('accept paths inside the library and refuse every other kind', () => {
    for (const ok of ['a.txt', 'articles/역사/타이타닉.html', 'a/b/c.epub', '.x/y', 'x..y', '...']) expect(relPath(ok, 'p')).toBe(ok);
    for (const bad of ['', '/etc/passwd', 'a//b', 'a/./b', 'a/../b', '..', '.', '../x', 'x/..', 'C:x', 'c:/x', 'a\\b', 'a\0b', 'a/']) {
      expect(() => relPath(bad, 'p'), bad).toThrow(Malformed);
    }
  });
});
