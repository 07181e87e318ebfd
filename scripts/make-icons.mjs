// Draws the installable app's PNG icons (frontend/public/icons/) in the favicon's look: white "TE" on
// the brand blue. Plain Node, no image library: each pixel is sampled 4×4 times for smooth edges.
// Run again after changing the design: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'frontend', 'public', 'icons');
const BLUE = [0x00, 0x46, 0x8c];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** The letters as rectangles [x, y, width, height] in a 1 × 1 box, "TE" centred. */
function letters(scale) {
  const h = 0.4 * scale;
  const stroke = 0.09 * scale;
  const tWidth = 0.27 * scale;
  const eWidth = 0.21 * scale;
  const gap = 0.05 * scale;
  const left = 0.5 - (tWidth + gap + eWidth) / 2;
  const top = 0.5 - h / 2;
  const e = left + tWidth + gap;
  return [
    [left, top, tWidth, stroke],
    [left + (tWidth - stroke) / 2, top, stroke, h],
    [e, top, stroke, h],
    [e, top, eWidth, stroke],
    [e, 0.5 - stroke / 2, eWidth * 0.85, stroke],
    [e, top + h - stroke, eWidth, stroke],
  ];
}

/** Inside a square with rounded corners of radius r (1 × 1 box)? */
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function draw(size, { maskable }) {
  const rects = letters(maskable ? 0.8 : 1);
  // A maskable icon fills its square: the platform cuts its own shape from it.
  const radius = maskable ? 0 : 6 / 32;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let background = 0;
      let letter = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y, radius)) continue;
          background += 1;
          if (rects.some(([rx, ry, w, h]) => x >= rx && x < rx + w && y >= ry && y < ry + h)) letter += 1;
        }
      }
      const mix = background ? letter / background : 0;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[at + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * mix);
      pixels[at + 3] = Math.round((255 * background) / SAMPLES ** 2);
    }
  }
  return png(size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(join(OUT, `icon-${size}.png`), draw(size, { maskable: false }));
  writeFileSync(join(OUT, `icon-maskable-${size}.png`), draw(size, { maskable: true }));
}
writeFileSync(join(OUT, 'apple-touch-icon.png'), draw(180, { maskable: true }));
console.log(`icons written to ${OUT}`);
