// versions.json in the support bundle: each tool's version, read from its real answer in that
// tool's own format. Two tables: answers captured from the real programs (this machine's, and
// the other formats their sources print), each with the version it must give; and the real
// programs installed here, run now, against what their package says it installed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION_PROBES, parseToolVersion, type VersionedTool } from '../../src/doctor/tool-versions.js';
import { DENO, REPO } from '../support/sandbox.js';

const PASS_BANNER = [
  '============================================',
  '= pass: the standard unix password manager =',
  '=                                          =',
  '=                  v1.7.4                  =',
  '=                                          =',
  '=             Jason A. Donenfeld           =',
  '=               Jason@zx2c4.com            =',
  '=                                          =',
  '=      http://www.passwordstore.org/       =',
  '============================================',
  '',
].join('\n');

const GPG = 'gpg (GnuPG) 2.2.40\nlibgcrypt 1.10.1\nCopyright (C) 2022 g10 Code GmbH\nLicense GNU GPL-3.0-or-later <https://gnu.org/licenses/gpl.html>\n'
  + 'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\n'
  + 'Home: /root/.gnupg\nSupported algorithms:\nPubkey: RSA, ELG, DSA, ECDH, ECDSA, EDDSA\nCipher: IDEA, 3DES, CAST5, BLOWFISH, AES, AES192, AES256, TWOFISH,\n'
  + '        CAMELLIA128, CAMELLIA192, CAMELLIA256\nHash: SHA1, RIPEMD160, SHA256, SHA384, SHA512, SHA224\nCompression: Uncompressed, ZIP, ZLIB, BZIP2\n';

/** [tool, the answer (stdout, then stderr), version, the line shown as the answer]. */
const CAPTURED: Array<[VersionedTool, string, string | null, string]> = [
  // This machine (Debian 12), 2026-12-07.
  ['aws', 'aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v1300 source/x86_64.debian.12 prompt/off\n\n', '2.9.19', 'aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v1300 source/x86_64.debian.12 prompt/off'],
  // pip's v1 (pyenv shim here) answers on stderr; the Python and botocore versions come after.
  ['aws', '\naws-cli/1.45.11 Python/3.11.7 Linux/6.18.44-fc-v1300 botocore/1.43.11\n', '1.45.11', 'aws-cli/1.45.11 Python/3.11.7 Linux/6.18.44-fc-v1300 botocore/1.43.11'],
  ['aws', 'aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 exe/x86_64 prompt/off\n', '2.15.0', 'aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 exe/x86_64 prompt/off'],
  ['gpg', GPG, '2.2.40', 'gpg (GnuPG) 2.2.40'],
  ['gpg', 'gpg (GnuPG/MacGPG2) 2.2.41\nlibgcrypt 1.8.10\n', '2.2.41', 'gpg (GnuPG/MacGPG2) 2.2.41'],
  // The banner line is not the version (the bug issue 20 found: versions.json said "====…").
  ['pass', PASS_BANNER, '1.7.4', 'v1.7.4'],
  ['git', 'git version 2.39.5\n', '2.39.5', 'git version 2.39.5'],
  ['git', 'git version 2.39.3 (Apple Git-146)\n', '2.39.3', 'git version 2.39.3 (Apple Git-146)'],
  ['git', 'git version 2.45.1.windows.1\n', '2.45.1', 'git version 2.45.1.windows.1'],
  ['deno', 'deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 15.0.245.2-rusty\ntypescript 6.0.3\n', '2.9.6', 'deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)'],
  ['node', 'v20.19.5\n', '20.19.5', 'v20.19.5'],
  // duo-sso (goreleaser's Go binary; the simulator in test/support prints the same).
  ['duo-sso', 'duo-sso v3.4.1\n', '3.4.1', 'duo-sso v3.4.1'],
  ['duo-sso', 'duo-sso version 3.5.0\n', '3.5.0', 'duo-sso version 3.5.0'],
  // Homebrew's brew.sh: `git describe --tags --dirty`, or a lower bound in a shallow clone; the
  // fake brew in test/support prints the first form.
  ['brew', 'Homebrew 4.4.20\n', '4.4.20', 'Homebrew 4.4.20'],
  ['brew', 'Homebrew 4.6.15-108-gb7ea5c5\nHomebrew/homebrew-core (git revision 968111a6f05; last commit 2026-06-09)\n', '4.6.15', 'Homebrew 4.6.15-108-gb7ea5c5'],
  ['brew', 'Homebrew 4.1.0-dirty\n', '4.1.0', 'Homebrew 4.1.0-dirty'],
  ['brew', 'Homebrew >=4.3.0 (shallow or no git repository)\n', '>=4.3.0', 'Homebrew >=4.3.0 (shallow or no git repository)'],
  // Something else answered under the tool's name: no version, and what it said.
  ['duo-sso', '\nUsage of duo-sso:\n  -profile string\n', null, 'Usage of duo-sso:'],
  ['pass', '=====\n= 1.2 is not the form =\n', null, '1.2 is not the form'],
];

describe('versions.json: parseToolVersion', () => {
  it('knows every tool it is asked about', () => {
    expect(VERSION_PROBES.map((p) => p.tool).sort()).toEqual(['aws', 'brew', 'deno', 'duo-sso', 'git', 'gpg', 'node', 'pass']);
    expect(new Set(CAPTURED.map(([tool]) => tool)).size).toBe(VERSION_PROBES.length);
  });

  it.each(CAPTURED)('%s answering %j: version %s', (tool, text, version, answer) => {
    expect(parseToolVersion(tool, text)).toEqual({ version, answer });
  });

  it('is null for no answer at all', () => {
    expect(parseToolVersion('aws', '')).toBeNull();
    expect(parseToolVersion('pass', '\n\n')).toBeNull();
  });
});

/** The upstream version of a Debian package: no epoch, no Debian revision. */
function packaged(pkg: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.replace(/^\d+:/, '').replace(/-[^-]*$/, '') : undefined;
}

function answer(file: string, args: readonly string[]): string {
  const r = spawnSync(file, [...args], { encoding: 'utf8' });
  expect(r.status, `${file} ${args.join(' ')} failed (test/provision.sh installs it): ${r.stderr}`).toBe(0);
  return `${r.stdout}\n${r.stderr}`;
}

const probe = (tool: VersionedTool) => VERSION_PROBES.find((p) => p.tool === tool)!.args;

describe('versions.json: the real programs here', () => {
  it.each([
    ['aws', '/usr/bin/aws', 'awscli'],
    ['gpg', '/usr/bin/gpg', 'gpg'],
    ['pass', '/usr/bin/pass', 'pass'],
    ['git', '/usr/bin/git', 'git'],
  ] as const)('%s (%s) gives the version Debian installed', (tool, file, pkg) => {
    const installed = packaged(pkg);
    expect(installed, `dpkg knows no ${pkg}`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(parseToolVersion(tool, answer(file, probe(tool)))?.version).toBe(installed);
  });

  it("deno (node_modules) gives its npm package's version, node its own", () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'node_modules', 'deno', 'package.json'), 'utf8')) as { version: string };
    expect(parseToolVersion('deno', answer(DENO, probe('deno')))?.version).toBe(pkg.version);
    expect(parseToolVersion('node', answer(process.execPath, probe('node')))?.version).toBe(process.versions.node);
  });
});
