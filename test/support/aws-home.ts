// A temporary HOME holding ~/.aws/credentials and ~/.aws/config, and the context migrate and
// restore run with there (a fixed clock: expiries and journal times are exact). The caller
// removes `home` when done.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import type { MigrateCtx } from '../../src/credentials/migrate.js';
import type { GlobalOptions } from '../../src/context.js';

export const NOW = '2026-11-26T10:00:00Z';

export const options = (dryRun = false): GlobalOptions => ({ json: false, yes: true, dryRun, verbose: false, color: false });

export interface AwsHome {
  home: string;
  paths: Paths;
  ctx: MigrateCtx;
}

export async function makeAwsHome(prefix: string, files: { credentials: string; config: string }): Promise<AwsHome> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  const paths = resolvePaths({ HOME: home });
  await mkdir(join(home, '.aws'));
  await writeFile(paths.awsCredentials, files.credentials);
  await writeFile(paths.awsConfig, files.config);
  return { home, paths, ctx: { paths, now: () => new Date(NOW), options: options() } };
}
