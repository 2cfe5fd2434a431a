// A minimal raster canvas and PNG encoder, so the sample pictures are made by code (no tools, same
// bytes every run on the same Node/zlib). Shapes are drawn supersampled and averaged down.
import { deflateSync } from 'node:zlib';

export type RGB = readonly [number, number, number];

export function hex(c: string): RGB {
  const n = parseInt(c.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export class Canvas {
  private readonly px: Uint8Array;
  private readonly W: number;
  private readonly H: number;

  /** width × height in output pixels; every shape is drawn at `ss`× and averaged. */
  constructor(readonly width: number, readonly height: number, private readonly ss = 3) {
    this.W = width * ss;
    this.H = height * ss;
    this.px = new Uint8Array(this.W * this.H * 3);
  }

  private set(x: number, y: number, c: RGB, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.W || y >= this.H) return;
    const i = (y * this.W + x) * 3;
    for (let k = 0; k < 3; k++) {
      const old = this.px[i + k] ?? 0;
      this.px[i + k] = Math.round(old + ((c[k] ?? 0) - old) * alpha);
    }
  }

  /** Fills the pixels whose centres satisfy `inside(x, y)` (logical coordinates) in a bounding box. */
  private fillWhere(x0: number, y0: number, x1: number, y1: number, c: RGB, inside: (x: number, y: number) => boolean, alpha = 1): void {
    const s = this.ss;
    const ys = Math.max(0, Math.floor(y0 * s)), ye = Math.min(this.H, Math.ceil(y1 * s));
    const xs = Math.max(0, Math.floor(x0 * s)), xe = Math.min(this.W, Math.ceil(x1 * s));
    for (let y = ys; y < ye; y++) {
      for (let x = xs; x < xe; x++) if (inside((x + 0.5) / s, (y + 0.5) / s)) this.set(x, y, c, alpha);
    }
  }

  fill(c: RGB): this {
    this.fillWhere(0, 0, this.width, this.height, c, () => true);
    return this;
  }

  /** A vertical gradient over the rectangle. */
  gradient(x: number, y: number, w: number, h: number, top: RGB, bottom: RGB): this {
    const s = this.ss;
    for (let py = Math.floor(y * s); py < Math.ceil((y + h) * s); py++) {
      const t = Math.min(1, Math.max(0, (py / s - y) / h));
      const c: RGB = [0, 1, 2].map((k) => (top[k] ?? 0) + ((bottom[k] ?? 0) - (top[k] ?? 0)) * t) as unknown as RGB;
      for (let px = Math.floor(x * s); px < Math.ceil((x + w) * s); px++) this.set(px, py, c, 1);
    }
    return this;
  }

  rect(x: number, y: number, w: number, h: number, c: RGB, alpha = 1): this {
    this.fillWhere(x, y, x + w, y + h, c, (px, py) => px >= x && px < x + w && py >= y && py < y + h, alpha);
    return this;
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: RGB, alpha = 1): this {
    this.fillWhere(cx - rx, cy - ry, cx + rx, cy + ry, c, (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1, alpha);
    return this;
  }

  circle(cx: number, cy: number, r: number, c: RGB, alpha = 1): this {
    return this.ellipse(cx, cy, r, r, c, alpha);
  }

  /** A filled polygon (even-odd rule). */
  polygon(points: ReadonlyArray<readonly [number, number]>, c: RGB, alpha = 1): this {
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    const inside = (x: number, y: number): boolean => {
      let odd = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i] ?? [0, 0];
        const [xj, yj] = points[j] ?? [0, 0];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    };
    this.fillWhere(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), c, inside, alpha);
    return this;
  }

  /** A thick straight line with round ends. */
  line(x0: number, y0: number, x1: number, y1: number, width: number, c: RGB, alpha = 1): this {
    const r = width / 2;
    const dx = x1 - x0, dy = y1 - y0;
    const len2 = dx * dx + dy * dy || 1;
    const inside = (x: number, y: number): boolean => {
      const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
      const ex = x0 + t * dx - x, ey = y0 + t * dy - y;
      return ex * ex + ey * ey <= r * r;
    };
    this.fillWhere(Math.min(x0, x1) - r, Math.min(y0, y1) - r, Math.max(x0, x1) + r, Math.max(y0, y1) + r, c, inside, alpha);
    return this;
  }

  /** RGB bytes at output size (supersampled pixels averaged). */
  pixels(): Uint8Array {
    const s = this.ss;
    const out = new Uint8Array(this.width * this.height * 3);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        for (let k = 0; k < 3; k++) {
          let sum = 0;
          for (let sy = 0; sy < s; sy++) for (let sx = 0; sx < s; sx++) sum += this.px[((y * s + sy) * this.W + x * s + sx) * 3 + k] ?? 0;
          out[(y * this.width + x) * 3 + k] = Math.round(sum / (s * s));
        }
      }
    }
    return out;
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels());
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** 8-bit RGB PNG, no interlace, filter "Sub" on every row (good for flat pictures). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 1; // Sub
    for (let x = 0; x < stride; x++) {
      const cur = rgb[y * stride + x] ?? 0;
      const left = x >= 3 ? (rgb[y * stride + x - 3] ?? 0) : 0;
      raw[y * (stride + 1) + 1 + x] = (cur - left) & 255;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
