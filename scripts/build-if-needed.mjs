// `npm start` builds only what changed since the last build, so a later start is quick.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const workspaces = [
  { name: 'shared', inputs: ['src', 'package.json', 'tsconfig.json'], output: 'dist/cjs/index.js', dependsOn: [] },
  {
    name: 'frontend',
    inputs: ['src', 'public', 'package.json', 'angular.json', 'tsconfig.json', 'tsconfig.app.json'],
    output: 'dist/browser/index.html',
    dependsOn: ['shared'],
  },
  { name: 'backend', inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], output: 'dist/main.js', dependsOn: ['shared'] },
];

const rebuilt = new Set();
for (const workspace of workspaces) {
  const folder = join(root, workspace.name);
  const output = join(folder, workspace.output);
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
  const sourcesAt = Math.max(...workspace.inputs.map((input) => newestMtime(join(folder, input))));
  const stale = builtAt === 0 || sourcesAt > builtAt || workspace.dependsOn.some((name) => rebuilt.has(name));
  if (!stale) continue;
  console.log(`Building ${workspace.name}…`);
  execSync(`npm run build -w ${workspace.name}`, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  rebuilt.add(workspace.name);
}
if (rebuilt.size === 0) console.log('Build is up to date.');
