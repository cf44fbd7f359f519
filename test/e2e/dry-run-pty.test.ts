// --dry-run at a real terminal, as a new engineer first tries it: it must neither ask a question
// it cannot act on nor promise what the real run would refuse.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, createGpgKey, type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();

const CONFIG = JSON.stringify({ url: 'https://cloudsso.cisco.com', session_duration_seconds: 3600 }, null, 2);

describe.each<Runtime>(['node', 'deno'])('login --dry-run at a terminal under %s', (runtime) => {
  it('without duo-sso: asks nothing (a yes would install nothing), says what is missing and exits 1', async () => {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', CONFIG);
    // No steps: a question would sit unanswered until the exit timeout kills the run.
    const r = await runInPty(box, ['login', '--dry-run'], { runtime, steps: [], exitTimeoutMs: 20_000 });
    expect(r.screen).not.toContain('Install it now');
    expect(r.exitCode, r.screen).toBe(1);
    expect(r.screen).toContain('duo-sso-setup: error: duo-sso is not installed (not found on PATH)');
    expect(r.screen).toContain('Install it: duo-sso-setup install duo-sso --sha256 HEX');
  }, 60_000);

  it('without config.json: asks nothing, says the file is missing and the command that creates it', async () => {
    const box = await sandbox();
    await box.addScript('duo-sso', '#!/bin/sh\necho "duo-sso v3.4.1"\n');
    const r = await runInPty(box, ['login', '--dry-run'], { runtime, steps: [], exitTimeoutMs: 20_000 });
    expect(r.screen).not.toContain('Create it now');
    expect(r.exitCode, r.screen).toBe(1);
    expect(r.screen).toMatch(/duo-sso-setup: error: \S*\.config\/duo-sso\/config\.json does not exist/);
    expect(r.screen).toContain('Create it: duo-sso-setup config init');
  }, 60_000);
});

describe('login (a real run) at a terminal without duo-sso, on Linux with no release key pinned', () => {
  it('offers no `install duo-sso` (it would be refused): names the SHA-256 install and the release page, as doctor does, and exits 1', async () => {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', CONFIG);
    const r = await runInPty(box, ['login'], { steps: [], exitTimeoutMs: 20_000 });
    expect(r.screen).not.toContain('Install it now');
    expect(r.exitCode, r.screen).toBe(1);
    expect(r.screen).toContain('duo-sso-setup: error: duo-sso is not installed (not found on PATH)');
    expect(r.screen).toContain('Install it: duo-sso-setup install duo-sso --sha256 HEX');
    expect(r.screen).toMatch(/from its release page \(https:\/\/\S+\/releases\/latest\)/);
  }, 60_000);
});

describe('a dry run whose duo-sso download nothing can verify (no --sha256, no pinned key)', () => {
  it('install --dry-run says the real run would refuse it, with the commands that get past it', async () => {
    const box = await sandbox();
    const r = await box.run(['install', 'duo-sso', '--dry-run']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Except duo-sso: a real run would refuse its download, which cannot be verified (no --sha256, and no release signing key is pinned');
    expect(r.stdout).toContain('Get its SHA-256 from the release page and run: duo-sso-setup install duo-sso --sha256 HEX');
    // The real run, for comparison: refused, exit 1, nothing installed.
    const real = await box.run(['install', 'duo-sso', '--yes']);
    expect(real.exitCode).toBe(1);
    expect(real.stderr).toMatch(/refusing to use .*duo-sso_linux_amd64: it cannot be verified/);
  }, 60_000);

  it('setup --dry-run does not say "would install duo-sso": the install step is a warning naming the refusal', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const json = await box.run(['setup', '--dry-run', '--json']);
    expect(json.exitCode, json.stderr).toBe(0);
    const install = json.json.steps.find((s: any) => s.id === 'install');
    expect(install.status).toBe('warning');
    expect(install.detail).toMatch(/would refuse duo-sso: its download cannot be verified \(no --sha256/);
    expect(install.detail).not.toMatch(/would install [^;]*duo-sso/);
    expect(install.hint).toContain('duo-sso-setup install duo-sso --allow-unverified');
    // The first login needs duo-sso: the real run skips it, and so does the preview.
    expect(json.json.steps.find((s: any) => s.id === 'login')).toMatchObject({ status: 'skipped', detail: 'not run: it needs duo-sso, which would not be installed' });
    const human = await box.run(['setup', '--dry-run']);
    // Both lines of the hint sit under the step, not the second at the margin.
    expect(human.stdout).toContain('\n    Get its SHA-256 from the release page and run: duo-sso-setup install duo-sso --sha256 HEX\n    To install it unchecked anyway (not recommended): duo-sso-setup install duo-sso --allow-unverified\n');
  }, 90_000);

  it("README's account of setup says so: on Linux duo-sso is installed with --sha256 or --from, which setup then would install", async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const claim = /On a new laptop, `duo-sso-setup setup` installs what is missing[\s\S]*?runs the first login/.exec(readme)?.[0].replace(/\s+/g, ' ');
    expect(claim).toBeDefined();
    expect(claim).toMatch(/duo-sso: on Linux without Homebrew only with `--sha256 HEX` from its release page or `--from FILE`/);
    // What the README names does get duo-sso into the plan (the refusal without it is the test above).
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const file = join(box.root, 'duo-sso_linux_amd64');
    await writeFile(file, '#!/bin/sh\necho "duo-sso v3.4.1"\n', { mode: 0o755 });
    const r = await box.run(['setup', '--dry-run', '--json', '--from', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    const install = r.json.steps.find((s: any) => s.id === 'install');
    expect(install.detail).toMatch(/would install [^;]*duo-sso/);
    expect(install.detail).not.toMatch(/would refuse duo-sso/);
  }, 90_000);
});

describe('AWS_CONFIG_FILE naming a folder (~/.aws itself)', () => {
  it('credentials migrate says the path is a folder and which variable to fix, not Node\'s EISDIR', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', '/usr/bin/aws'] });
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    await box.write('.aws/credentials', '[dev]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 0o600);
    const env = { AWS_CONFIG_FILE: box.path('.aws') };
    // The oracle: the AWS CLI runs and reads no settings from a folder.
    const aws = await box.exec('/usr/bin/aws', ['--version'], { env });
    expect(aws.exitCode).toBe(0);
    const r = await box.run(['credentials', 'migrate', '--dry-run', '--profile', 'dev'], { env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toContain('EISDIR');
    expect(r.stderr).toContain(`duo-sso-setup: error: ${box.path('.aws')} is a folder, not a file, so the AWS CLI reads nothing from it; nothing was changed\n`);
    expect(r.stderr).toContain('If AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE names it, point that variable at the file inside it');
  }, 60_000);
});
