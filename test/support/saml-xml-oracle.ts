// Python's expat (saml-xml-oracle.py, one process for many documents) as an independent
// reader of the XML `saml inspect` reads: well-formed or not, the root, and every AWS Role
// and RoleSessionName value.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'saml-xml-oracle.py');
const PYTHON = '/usr/bin/python3';

export type OracleReading =
  | { wellFormed: true; root: string; roles: string[]; roleSessionNames: string[] }
  | { wellFormed: false; error: string; at: string }
  | { wellFormed: null; doctype: true };

export function xmlOracleAvailable(): boolean {
  return existsSync(PYTHON);
}

export function oracleRead(documents: readonly string[]): OracleReading[] {
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(documents), maxBuffer: 1 << 30, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8', PYTHONUTF8: '1' } });
  if (r.status !== 0) throw new Error(`XML oracle failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString()) as OracleReading[];
}
