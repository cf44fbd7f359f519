// The differential oracle: botocore itself (Debian's awscli, /usr/bin/python3) reading many
// ~/.aws file pairs in ONE process (botocore-oracle.py), and the model's view of the same
// bytes in the same shape, ready to compare.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewOfBytes } from '../../src/aws/shared-files.js';

export interface FilePair {
  config?: Uint8Array | string | undefined;
  credentials?: Uint8Array | string | undefined;
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'botocore-oracle.py');
export const PYTHON = '/usr/bin/python3';

export function oracleAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import awscli.botocore'], { stdio: 'ignore' }).status === 0;
}

const bytes = (v: Uint8Array | string | undefined): Uint8Array | undefined => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);
const b64 = (v: Uint8Array | string | undefined): string | null => (v === undefined ? null : Buffer.from(bytes(v)!).toString('base64'));

/** botocore's view of every pair, in order; the errors keep only which file failed. */
export function botocoreViews(pairs: readonly FilePair[]): unknown[] {
  const input = JSON.stringify({ cases: pairs.map((p) => ({ config: b64(p.config), credentials: b64(p.credentials) })) });
  // A UTF-8 locale, as on a Mac or a Linux desktop: that is the encoding botocore reads with.
  const r = spawnSync(PYTHON, [SCRIPT], { input, maxBuffer: 1 << 30, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8', PYTHONUTF8: '1' } });
  if (r.status !== 0) throw new Error(`botocore oracle failed: ${r.stderr.toString()}`);
  return (JSON.parse(r.stdout.toString()) as { results: unknown[] }).results;
}

/** The model's view in the oracle's shape (the error location dropped: botocore gives none). */
export function modelView(pair: FilePair): unknown {
  const view = viewOfBytes(bytes(pair.config), bytes(pair.credentials));
  // A JSON round trip gives plain objects, as the oracle's answer is.
  return 'error' in view ? { error: view.error } : JSON.parse(JSON.stringify(view));
}
