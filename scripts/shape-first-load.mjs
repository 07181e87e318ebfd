// Runs after `ng build`, before precompress.mjs: shapes index.html and the chunks for a first load
// on a phone, where every round trip counts.
// - The global styles (13 kB, 2 kB compressed) are inlined: the header's bar paints with the HTML,
//   without waiting for a stylesheet queued behind the scripts.
// - A page's code is a tree of chunks that the browser discovers one level at a time: it fetches a
//   chunk, reads its imports, fetches those, and so on. Each `import("./chunk-X.js")` (a lazy page)
//   first asks for all of X's own imports at once, the way Vite's preload helper does, so a page's
//   code arrives in one round instead of one per level. (What main itself imports, the CLI already
//   preloads in index.html; with its chunk optimizer main is one file.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/shape-first-load.mjs <folder of the built browser app>');

// esbuild writes "…", the CLI's chunk optimizer (Rollup) `…`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]\.\/([\w-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(["'`]\.\/([\w-]+\.js)["'`]\)/g;
const PRELOAD = '__crmPreload';

const scripts = readdirSync(folder).filter((name) => name.endsWith('.js'));
const sources = new Map(scripts.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

const staticImports = new Map(
  [...sources].map(([name, source]) => [name, [...source.matchAll(STATIC_IMPORT)].map((match) => match[1])]),
);

/** Every chunk `name` needs before it can run, itself excluded. */
function closure(name, seen = new Set()) {
  for (const imported of staticImports.get(name) ?? []) {
    if (!sources.has(imported)) throw new Error(`${name} imports ${imported}, which the build did not write`);
    if (seen.has(imported)) continue;
    seen.add(imported);
    closure(imported, seen);
  }
  return seen;
}

const indexPath = join(folder, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const stylesheet = /<link rel="stylesheet" href="(styles-[\w-]+\.css)">/.exec(index);
if (!stylesheet) throw new Error('index.html has no styles-*.css stylesheet');
const styles = readFileSync(join(folder, stylesheet[1]), 'utf8');
if (/url\(|<\/style/i.test(styles))
  throw new Error(`${stylesheet[1]} refers to files or ends a style element: inline it by hand`);
index = index.replace(stylesheet[0], `<style>${styles}</style>`);
const main = /<script src="(main-[\w-]+\.js)" type="module">/.exec(index)?.[1];
if (!main) throw new Error('index.html has no main-*.js module script');
const atStart = closure(main);
writeFileSync(indexPath, index);

let rewritten = 0;
const changed = new Set([main]);
for (const [name, source] of sources) {
  const next = source.replace(DYNAMIC_IMPORT, (call, imported) => {
    const needed = [imported, ...closure(imported)].filter((chunk) => chunk !== main && !atStart.has(chunk));
    rewritten++;
    return `(globalThis.${PRELOAD}?.(${JSON.stringify(needed)}),${call})`;
  });
  if (next === source) continue;
  sources.set(name, next);
  changed.add(name);
}
// Defined first thing in main, before any page can be asked for. A link per chunk, once: the
// browser then fetches them side by side and the import finds them already in its module map.
const helper =
  `globalThis.${PRELOAD}=(f=>c=>{for(const n of c){if(f.has(n))continue;f.add(n);` +
  `const l=document.createElement("link");l.rel="modulepreload";l.href=n;document.head.appendChild(l)}})` +
  `(new Set(${JSON.stringify([main, ...atStart])}));`;
sources.set(main, helper + sources.get(main));
for (const name of changed) writeFileSync(join(folder, name), sources.get(name));

console.log(`shape-first-load: ${stylesheet[1]} inlined; ${rewritten} lazy imports preload their chunks`);
