import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `node backend/dist-tools/tools/bench/bench-profile.js <profile dir or .cpuprofile> [requests]`:
 * where the server's CPU went during a bench run with BENCH_CPU_PROFILE=dir, by the layers a write
 * passes (session lookup, validation, transaction wrapper, pg protocol, audit, cache invalidation …),
 * as total ms, share of busy time and µs per request.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The load's span on the monotonic clock the profile uses (µs, as process.hrtime), to leave start-up out. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/** Layers by the functions that enter them; time counted once per stack (inclusive). */
const LAYERS: [string, RegExp][] = [
  ['session lookup (AuthGuard.canActivate)', /^AuthGuard\.canActivate$|^canActivate$/],
  ['validation (ZodPipe.transform)', /^ZodPipe\.transform$/],
  ['audit (AuditService.record, createdFields)', /^(AuditService\.record|createdFields|diffFields)$/],
  ['cache invalidation (DataChanges.changed)', /^(DataChanges\.changed|changed)$/],
  ['employer access check (readableEmployer)', /^readableEmployer$/],
  ['JSON body parsing (jsonParser)', /^jsonParser$/],
  ['response serialisation (res.json)', /^json$/],
];

/** Self time by where the code lives. */
function place(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) {
    const name = module[1];
    if (name === '@tyoelama/shared') return 'shared (zod schemas)';
    if (/^(pg|pg-protocol|pg-types|pg-pool|postgres-.*|pgpass)$/.test(name)) return 'pg driver (protocol, parsing)';
    if (name === 'typeorm') return 'typeorm (transaction wrapper, query runner)';
    if (/^(express|router|body-parser|raw-body|cookie-parser|cookie|helmet|send|finalhandler|on-finished)$/.test(name))
      return 'express + middleware';
    if (name.startsWith('@nestjs/') || name === 'rxjs' || name === 'reflect-metadata')
      return 'nest (routing, guards, pipes)';
    if (name === 'zod') return 'zod';
    return `other package: ${name}`;
  }
  const source = /\/(?:dist|src)\/([^/]+)\//.exec(url);
  if (source) return `app: ${source[1]}`;
  if (url.startsWith('node:')) return 'node core (net, http, streams)';
  return 'other';
}

async function profileFile(path: string): Promise<string> {
  if (path.endsWith('.cpuprofile')) return path;
  const files = (await readdir(path)).filter((file) => file.endsWith('.cpuprofile')).sort();
  if (files.length === 0) throw new Error(`No .cpuprofile in ${path}`);
  return join(path, files[files.length - 1]);
}

export async function summariseProfile(path: string, requests?: number, window?: ProfileWindow): Promise<string[]> {
  const profile = JSON.parse(await readFile(await profileFile(path), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const places = new Map<string, number>();
  const layers = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    // Built-ins (JSON.stringify, Promise jobs, crypto) count for the nearest caller with a source.
    let owner = byId.get(id)!;
    for (let up = parent.get(owner.id); !owner.callFrame.url && up !== undefined; up = parent.get(up)) {
      const next = byId.get(up)!;
      if (next.callFrame.functionName === '(root)') break;
      owner = next;
    }
    const node = byId.get(id)!;
    const where = node.callFrame.functionName.startsWith('(')
      ? node.callFrame.functionName
      : place(owner.callFrame.url, owner.callFrame.functionName);
    if (where === '(idle)' || where === '(program)') continue;
    busy += us;
    places.set(where, (places.get(where) ?? 0) + us);
    // Each layer at most once per stack, so recursion does not count twice.
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const name = byId.get(up)!.callFrame.functionName;
      for (const [layer, pattern] of LAYERS) if (!seen.has(layer) && pattern.test(name)) seen.add(layer);
    }
    for (const layer of seen) layers.set(layer, (layers.get(layer) ?? 0) + us);
  }
  const row = (name: string, us: number) =>
    `| ${name} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % | ` +
    `${requests ? (us / requests).toFixed(0) : '–'} |`;
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return [
    `Busy CPU ${(busy / 1000).toFixed(0)} ms${requests ? ` over ${requests} requests (${(busy / requests).toFixed(0)} µs each)` : ''}.`,
    '',
    '| Self time by place | ms | share | µs/request |',
    '| --- | ---: | ---: | ---: |',
    ...sorted(places).map(([name, us]) => row(name, us)),
    '',
    '| Inclusive time by layer | ms | share | µs/request |',
    '| --- | ---: | ---: | ---: |',
    ...sorted(layers).map(([name, us]) => row(name, us)),
  ];
}

if (require.main === module) {
  const [path, requests, fromUs, toUs] = process.argv.slice(2);
  if (!path) {
    console.error('Usage: bench-profile.js <profile dir or file> [requests [from-µs to-µs]]');
    process.exit(1);
  }
  const window = fromUs && toUs ? { fromUs: Number(fromUs), toUs: Number(toUs) } : undefined;
  summariseProfile(path, requests ? Number(requests) : undefined, window).then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
