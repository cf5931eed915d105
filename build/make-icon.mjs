#!/usr/bin/env node
// Draws build/icon.png (512×512): a red seal (印章) holding a white ledger table.
// Plain Node (zlib) so it regenerates anywhere: `node build/make-icon.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const size = 512;
const samples = 4; // 4×4 supersampling for smooth edges
const red = [200, 16, 46, 255];
const white = [255, 255, 255, 255];
const darkRed = [128, 8, 28, 255];

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r1, r2) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d >= r1 * r1 && d <= r2 * r2;
};
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Painter's order: later layers cover earlier ones. */
const layers = [
  [circle(256, 256, 244), red],
  [ring(256, 256, 214, 226), white],
  // the ledger sheet
  [roundRect(150, 138, 362, 378, 18), white],
  // its table: a dark binder band, row rules and a column rule (in seal red)
  [roundRect(150, 138, 362, 200, 18), (x, y) => (y <= 186 ? darkRed : null)],
  [rect(176, 232, 336, 244), red],
  [rect(176, 276, 336, 288), red],
  [rect(176, 320, 336, 332), red],
  [rect(222, 206, 234, 352), red],
  // binding rings on the header band
  [circle(206, 162, 10), white],
  [circle(256, 162, 10), white],
  [circle(306, 162, 10), white],
];

function colourAt(x, y) {
  let colour = null;
  for (const [inside, paint] of layers) {
    if (!inside(x, y)) continue;
    const value = typeof paint === 'function' ? paint(x, y) : paint;
    if (value) colour = value;
  }
  return colour;
}

function render() {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      const coverage = a / 255;
      pixels[i] = coverage ? Math.round(r / coverage) : 0;
      pixels[i + 1] = coverage ? Math.round(g / coverage) : 0;
      pixels[i + 2] = coverage ? Math.round(b / coverage) : 0;
      pixels[i + 3] = Math.round(a / n);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG.
 * @param {Buffer} pixels
 * @param {number} width
 * @param {number} height
 */
export function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, encodePng(render(), size, size));
console.log(`已生成 ${path.relative(process.cwd(), out)}（${size}×${size}）`);
