// The support bundle's versions.json, end to end: `doctor --report` on a machine with the real
// AWS CLI v2, gpg, pass and git, Homebrew (the fake) and duo-sso from it, under Node and Deno.
// Each version must be the one the tool's package says was installed.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, Sandbox, type Runtime } from '../support/sandbox.js';
import { FakeBrew, healthyScenario } from '../support/fake-brew/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** The upstream version of a Debian package: no epoch, no Debian revision. */
function packaged(pkg: string): string {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  expect(r.status, `dpkg knows no ${pkg} (test/provision.sh installs it)`).toBe(0);
  return r.stdout.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
}

describe.each<Runtime>(['node', 'deno'])('versions.json under %s', (runtime) => {
  it("records each tool's version as its package has it, and the runtime's", async () => {
    const box = await Sandbox.create({ tools: ['/usr/bin/aws', 'gpg', 'pass', 'git'] });
    cleanups.push(() => box.cleanup());
    const brew = await FakeBrew.install(box, healthyScenario());
    const file = join(box.root, 'bundle.tar.gz');
    const r = await box.run(['doctor', '--report', file, '--only', 'platform'], { runtime, env: { PATH: brew.pathFor(box) } });
    expect(r.exitCode, r.stderr).toBe(0);
    const out = await mkdtemp(join(tmpdir(), 'bundle-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    execFileSync('tar', ['-xzf', file, '-C', out]);
    const versions = JSON.parse(await readFile(join(out, 'duo-sso-setup-report', 'versions.json'), 'utf8'));
    const deno = JSON.parse(await readFile(join(REPO, 'node_modules', 'deno', 'package.json'), 'utf8')).version as string;
    expect(versions).toEqual({
      'duo-sso-setup': expect.stringMatching(/^\d+\.\d+\.\d+/),
      runtime: runtime === 'node' ? { name: 'node', version: process.versions.node } : { name: 'deno', version: deno, node: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      aws: { version: packaged('awscli'), answer: expect.stringMatching(/^aws-cli\/2\./) },
      'duo-sso': { version: '3.4.0', answer: 'duo-sso v3.4.0' },
      brew: { version: '4.4.20', answer: 'Homebrew 4.4.20' },
      gpg: { version: packaged('gpg'), answer: `gpg (GnuPG) ${packaged('gpg')}` },
      pass: { version: packaged('pass'), answer: `v${packaged('pass')}` },
      git: { version: packaged('git'), answer: `git version ${packaged('git')}` },
    });
  }, 120_000);
});
