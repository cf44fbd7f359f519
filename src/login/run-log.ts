// A small rotating log of recent logins (the last KEEP runs), for `doctor --report`: support
// asks "what did the last login say?" more than anything. Redacted when written, so the file
// never holds a secret even before a bundle is made; written with mode 0600 in a 0700 folder.
import { open, readdir, rm } from 'node:fs/promises';
import { ensureDir } from '../fs/safe-write.js';
import { join } from 'node:path';
import type { Paths } from '../platform/paths.js';
import { redactSecrets } from '../knowledge/redact.js';

export const KEEP = 10;
export const LOG_DIR = 'logins';

export function logDir(paths: Pick<Paths, 'cacheDir'>): string {
  return join(paths.cacheDir, LOG_DIR);
}

/** Records one login; never fails the login (a full disk loses the log entry, not the login). */
export async function recordLoginRun(paths: Pick<Paths, 'cacheDir'>, now: Date, report: unknown): Promise<void> {
  try {
    const dir = logDir(paths);
    await ensureDir(dir, 0o700);
    const name = `${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.json`;
    const text = redactSecrets(JSON.stringify({ at: now.toISOString(), report }, null, 2));
    // 'wx': never through a planted link or over another file.
    const handle = await open(join(dir, name), 'wx', 0o600);
    try {
      await handle.writeFile(`${text}\n`);
    } finally {
      await handle.close();
    }
    const old = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort().slice(0, -KEEP);
    await Promise.all(old.map((n) => rm(join(dir, n), { force: true })));
  } catch {
    // The log is a convenience for support; the login's own report is what matters.
  }
}
