import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { isLogicalBackup, logicalRestore } from './logical-backup';
import { hasData, restoreDatabase, tableCounts } from './pg-tools';
import { runScript, withOpenDatabase } from './script';

// `npm run restore -- FILE [--yes]`: replaces the configured database's contents with a backup.
// Stop the app first: sessions and open transactions would otherwise see the data change under them.
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const confirmed = args.includes('--yes');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('Usage: npm run restore -- backups/tyoelama-YYYYMMDD-HHMMSS.crmdump.gz|.dump [--yes]');
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`No such backup file: ${path}`);

  // As the owner: a restore recreates or empties every table, the append-only audit trail included.
  await withOpenDatabase(loadConfig(), async ({ ownerUrl: url }) => {
    if (!confirmed && (await hasData(url))) {
      throw new Error(
        'The database already holds data, which the restore would replace. Run again with --yes to go ahead.',
      );
    }
    let via: string;
    if (await isLogicalBackup(path)) {
      await logicalRestore(url, path);
      via = 'the built-in logical format';
    } else {
      const tool = await restoreDatabase(url, path);
      via = `${tool.path} (PostgreSQL ${tool.major})`;
    }
    const counts = await tableCounts(url);
    console.log(`Restored ${path} with ${via}.`);
    // The restore recreated the tables without the app role's grants; the app's next start grants them again.
    console.log(
      Object.entries(counts)
        .map(([table, count]) => `  ${table}: ${count}`)
        .join('\n'),
    );
  });
}

runScript(module, main);
