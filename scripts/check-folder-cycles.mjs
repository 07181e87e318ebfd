// Folder-level import graph of an app's feature folders; fails on any cycle between folders.
// Usage: node scripts/check-folder-cycles.mjs backend/src frontend/src/app
// Static, re-export and dynamic (lazy-route) imports count; an import of a folder (its index.ts)
// counts as an edge to that folder. Files at the root (main.ts, app.module.ts) compose the folders
// and are not part of the graph.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const roots = process.argv.slice(2);
let failed = false;
for (const root of roots) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name) && !/\.spec\.ts$/.test(name)) files.push(path);
    }
  };
  walk(root);
  const folderOf = (file) => relative(root, file).split(sep)[0];
  const edges = new Map();
  for (const file of files) {
    const from = folderOf(file);
    if (!relative(root, file).includes(sep)) continue;
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/g),
      ...text.matchAll(/import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers) {
      const target = resolve(dirname(file), specifier);
      const rel = relative(root, target);
      if (rel.startsWith('..')) continue;
      const to = rel.split(sep)[0];
      const isFolder = existsSync(target) && statSync(target).isDirectory();
      if (to === from || (!rel.includes(sep) && !isFolder)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from).set(to, [...(edges.get(from).get(to) ?? []), relative(root, file)]);
    }
  }
  // Tarjan's strongly connected components
  let index = 0;
  const stack = [];
  const idx = new Map();
  const low = new Map();
  const on = new Set();
  const sccs = [];
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) sccs.push(scc);
    }
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  for (const scc of sccs) {
    failed = true;
    console.log(`${root}: folder cycle ${scc.join(' <-> ')}`);
    for (const a of scc)
      for (const b of scc)
        if (edges.get(a)?.has(b)) console.log(`  ${a} -> ${b}: ${[...new Set(edges.get(a).get(b))].join(', ')}`);
  }
}
if (!failed) console.log('no folder cycles');
process.exitCode = failed ? 1 : 0;
