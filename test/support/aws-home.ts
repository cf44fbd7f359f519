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

// The files most of these tests start from: keys for [default] and a [dev] with a session, and
// the credential_process line migrate writes for dev when the tool runs as SELF.
export const SELF = ['/usr/bin/node', '/opt/duo-sso-setup/cli.js'];
export const LINE = 'credential_process = /usr/bin/node /opt/duo-sso-setup/cli.js credential-process --profile dev';
export const DEV = '[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n';
export const CREDS = `[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n${DEV}`;
export const CONFIG = '[default]\nregion = us-east-1\n';

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

/**
 * With Date faked (vi.useFakeTimers({ toFake: ['Date'] })): moves the clock on, five seconds
 * every tenth of a second, until `work` settles, so every lock wait in it runs out (15 s)
 * whenever it began. Resolves to what `work` resolved to, or the error it was rejected with.
 */
export async function outwaitLocks(work: Promise<unknown>, setSystemTime: (ms: number) => void): Promise<unknown> {
  let done = false;
  const settled = work.then((v) => v, (e: unknown) => e).finally(() => (done = true));
  while (!done) {
    await new Promise((r) => setTimeout(r, 100));
    setSystemTime(Date.now() + 5_000);
  }
  return settled;
}
