// install.sh's check_url, run by the shells it runs under (dash as /bin/sh, bash), judged by
// the WHATWG URL parser (what curl and browsers agree on for these): a URL it lets through
// carries no user name or password, and plain http only reaches this machine.
// http://127.0.0.1:x@evil.example/ passed the old prefix match: its host is evil.example.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, systemTool } from '../support/sandbox.js';

const script = readFileSync(join(REPO, 'installers', 'install.sh'), 'utf8');
const checkUrl = /^check_url\(\) \{\n[\s\S]*?\n\}\n/m.exec(script)![0];

/** check_url's verdict on each URL, under `shell`. */
function verdicts(shell: string, urls: readonly string[]): boolean[] {
  const program = `die() { exit 1; }\n${checkUrl}\nfor u in "$@"; do (check_url "$u") >/dev/null 2>&1 && echo ok || echo refused; done\n`;
  const r = spawnSync(shell, ['-c', program, 'check', ...urls], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => l === 'ok');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What the URL really reaches, as a URL parser reads it. */
function safe(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '') return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
}

const SHELLS = ['dash', 'bash'].map((s) => systemTool(s)).filter((s): s is string => Boolean(s));

describe.each(SHELLS)('install.sh check_url under %s', (shell) => {
  it.each([
    ['https://nodejs.org/dist', true],
    ['http://127.0.0.1:8080/dist', true],
    ['http://localhost/dist', true],
    ['http://[::1]:9000/dist', true],
    ['http://127.0.0.1:x@evil.example/dist', false],
    ['http://localhost@evil.example/', false],
    ['https://user:password@nodejs.org/dist', false],
    ['http://127.0.0.1.evil.example/', false],
    ['http://127.0.0.1:80:81/', false],
    ['http://evil.example#@127.0.0.1/', false],
    ['http://127.0.0.1\\@evil.example/', false],
    ['ftp://127.0.0.1/', false],
  ])('%s → %s', (url, ok) => {
    expect(verdicts(shell, [url])).toEqual([ok]);
  });

  it('never lets through a URL that a parser reads as carrying credentials or plain http elsewhere', () => {
    const part = (xs: string[]) => fc.constantFrom(...xs);
    const url = fc.tuple(
      part(['http://', 'https://']),
      part(['', 'x@', '127.0.0.1:x@', 'a:b@', 'localhost@', ':@']),
      part(['127.0.0.1', 'localhost', '[::1]', 'evil.example', '127.0.0.1.evil.example', '127.1', '']),
      part(['', ':80', ':x', ':', ':8080:1']),
      part(['', '/', '/dist', '?a=@b', '#@127.0.0.1', '/@evil', '\\@evil.example/']),
    ).map((p) => p.join(''));
    const samples = fc.sample(url, 1000);
    const got = verdicts(shell, samples);
    const wrong = samples.filter((u, i) => got[i] && !safe(u));
    expect(wrong).toEqual([]);
    // And it is not simply refusing everything.
    expect(got.filter(Boolean).length).toBeGreaterThan(20);
  });
});
