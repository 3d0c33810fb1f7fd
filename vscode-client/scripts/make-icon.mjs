// Draws the extension's icon (images/icon.png, 128x128): two linked rings, white on a violet
// rounded square, antialiased from distance fields. Plain Node (zlib for the PNG); run it again
// after changing the drawing: `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const here = dirname(fileURLToPath(import.meta.url));

/** Coverage 0..1 of a pixel by a shape whose signed distance at its centre is d (negative inside). */
const cover = (d) => Math.min(1, Math.max(0, 0.5 - d));

function roundedSquare(x, y) {
  const r = 26;
  const half = SIZE / 2 - 4;
  const qx = Math.abs(x - SIZE / 2) - (half - r);
  const qy = Math.abs(y - SIZE / 2) - (half - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function ring(x, y, cx, cy, radius, width) {
  return Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const bg = cover(roundedSquare(px, py));
    // a vertical gradient from violet to a deeper violet
    const t = py / SIZE;
    let r = 124 - 40 * t;
    let g = 58 - 20 * t;
    let b = 237 - 60 * t;
    const left = cover(ring(px, py, 50, 64, 24, 11));
    const right = cover(ring(px, py, 78, 64, 24, 11));
    // the right ring passes over the left one at the top crossing, under it at the bottom
    const overRight = py < 64 ? right : right * (1 - left);
    const fg = Math.max(left, overRight, 0);
    const white = Math.min(1, fg);
    r = r + (255 - r) * white;
    g = g + (255 - g) * white;
    b = b + (255 - b) * white;
    const i = (y * SIZE + x) * 4;
    pixels[i] = Math.round(r);
    pixels[i + 1] = Math.round(g);
    pixels[i + 2] = Math.round(b);
    pixels[i + 3] = Math.round(255 * bg);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = resolve(here, '../images/icon.png');
writeFileSync(out, png);
console.log(`make-icon: ${out} (${png.length} bytes)`);
