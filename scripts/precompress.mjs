// Writes .br and .gz beside every compressible file of the built frontend, once at build time, so
// the server sends them as they are instead of compressing on each request (backend/src/static-files.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);
const MIN_BYTES = 1024;

function* files(folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/precompress.mjs <folder>');
let original = 0;
let compressed = 0;
for (const path of files(folder)) {
  if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
  const content = readFileSync(path);
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  original += content.length;
  compressed += brotli.length;
}
console.log(`Precompressed ${(original / 1024).toFixed(0)} kB of the frontend to ${(compressed / 1024).toFixed(0)} kB (brotli).`);
