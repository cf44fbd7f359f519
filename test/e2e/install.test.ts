import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Sandbox, createGpgKey, systemTool, type Runtime } from '../support/sandbox.js';
import { ReleaseServer } from '../support/release-server.js';
import { createSigner } from '../support/minisign.js';
import { duoSsoScript, startReleaseServer } from '../support/upgrade-release-server.js';
import { makeSignedZip, type SignedZip } from '../support/aws-cli-zip.js';
import { FakeBrew, UPSTREAM_URL, type FakeBrewScenario } from '../support/fake-brew/index.js';

const boxes: Sandbox[] = [];
const servers: ReleaseServer[] = [];
async function sandbox(...args: Parameters<typeof Sandbox.create>): Promise<Sandbox> {
  const box = await Sandbox.create(...args);
  boxes.push(box);
  return box;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

const FAKE_DUO_SSO = `#!/bin/sh
# Imitates a downloaded duo-sso release binary: answers --version like the real one.
case "$1" in
  --version|-version) echo "duo-sso v3.4.1"; exit 0 ;;
esac
echo "duo-sso: fake" >&2
exit 0
`;

/** Every file and folder under a root with size and mtime: "changes nothing" means equal. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const p = join(dir, name);
      const s = await stat(p);
      out[relative(root, p)] = `${s.isDirectory() ? 'd' : s.size}:${s.mtimeMs}:${(s.mode & 0o777).toString(8)}`;
      if (s.isDirectory()) await walk(p);
    }
  }
  await walk(root);
  return out;
}

describe('install all --dry-run', () => {
  it('changes nothing under HOME and mentions every component, as one JSON document', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'], env: { SHELL: '/bin/bash' } });
    await box.write('.bashrc', 'alias ll="ls -l"\n');
    const before = await snapshot(box.home);
    const r = await box.run(['install', 'all', '--dry-run', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await snapshot(box.home)).toEqual(before);
    expect(r.json.dryRun).toBe(true);
    expect(r.json.plans.map((p: any) => p.component)).toEqual(['aws-cli', 'duo-sso', 'pass-gpg']);
    const aws = r.json.plans[0];
    expect(aws.method).toBe('zip');
    expect(aws.steps[0].verify).toMatchObject({ kind: 'signature', fingerprint: 'FB5DB77FD5C118B80511ADA8A6310ACC4672475C' });
    expect(r.json.plans[2].steps.map((s: any) => s.kind)).toEqual(['run', 'gpg-key', 'pass-init', 'pass-round-trip', 'profile-line']);
  });

  it('prints the exact commands for humans', async () => {
    const box = await sandbox({ tools: ['gpg'] });
    const r = await box.run(['install', 'pass-gpg', '--dry-run', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('$ apt-get -o DPkg::Lock::Timeout=120 install -y pass gnupg');
    expect(r.stdout).toContain("$ gpg --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Ann <ann@example.com>' future-default default never");
    expect(r.stdout).toContain('Dry run: nothing was changed.');
  });
});

describe.each<Runtime>(['node', 'deno'])('install duo-sso --from under %s', (runtime) => {
  it('installs, proves it runs, and adds the PATH line once', async () => {
    const box = await sandbox({ env: { SHELL: '/bin/zsh' } });
    const file = await box.write('Downloads/duo-sso_linux_amd64', FAKE_DUO_SSO);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--yes', '--json'], { runtime });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.results[0].steps.map((s: any) => [s.kind, s.status])).toEqual([
      ['download', 'warning'], ['install-binary', 'done'], ['add-to-path', 'done'], ['verify', 'done'],
    ]);
    expect(await box.read('.zshrc')).toBe('# added by duo-sso-setup\nexport PATH="$HOME/.local/bin:$PATH"\n');
    const doctor = await box.run(['doctor', '--json', '--only', 'duo-sso'], { runtime, env: { PATH: `${box.home}/.local/bin:${box.env.PATH}` } });
    expect(doctor.json.checks[0]).toMatchObject({ status: 'ok', summary: `duo-sso 3.4.1 at ${box.home}/.local/bin/duo-sso` });
  });
});

describe('install --add-to-path (the doctor\'s path fix)', () => {
  it('adds the line for ~/.local/bin to the fish config, once', async () => {
    const box = await sandbox({ env: { SHELL: '/usr/bin/fish' } });
    const r = await box.run(['install', '--add-to-path', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await box.read('.config/fish/config.fish')).toBe('# added by duo-sso-setup\nfish_add_path -g "$HOME/.local/bin"\n');
    await box.run(['install', '--add-to-path', '--yes']);
    expect(await box.read('.config/fish/config.fish')).toBe('# added by duo-sso-setup\nfish_add_path -g "$HOME/.local/bin"\n');
  });

  it('--dry-run --json prints one JSON document with the plan and changes nothing', async () => {
    const box = await sandbox({ env: { SHELL: '/bin/bash' } });
    const r = await box.run(['install', '--add-to-path', '--dry-run', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json, r.stdout).toMatchObject({ dryRun: true, plans: [{ component: 'path', steps: [{ kind: 'add-to-path', dir: `${box.home}/.local/bin` }] }] });
    expect(existsSync(box.path('.bashrc'))).toBe(false);
  });
});

describe('install duo-sso', () => {
  async function withDownload(content = FAKE_DUO_SSO, mode = 0o644) {
    const box = await sandbox({ env: { SHELL: '/bin/bash' } });
    const file = join(box.root, 'Downloads', 'duo-sso_linux_amd64');
    await mkdir(join(box.root, 'Downloads'));
    await writeFile(file, content, { mode });
    return { box, file };
  }

  it('--from FILE: installs atomically into ~/.local/bin, proves it runs, and offers the PATH line (with backup)', async () => {
    const { box, file } = await withDownload();
    await box.write('.bashrc', 'alias ll="ls -l"\n');
    const r = await box.run(['install', 'duo-sso', '--from', file, '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await box.mode('.local/bin/duo-sso')).toBe(0o755);
    expect(await box.read('.local/bin/duo-sso')).toBe(FAKE_DUO_SSO);
    expect(await readdir(box.path('.local/bin'))).toEqual(['duo-sso']);
    expect(r.stderr).toContain(`${box.home}/.local/bin is not on your PATH`);
    expect(r.stderr).toContain('export PATH="$HOME/.local/bin:$PATH"');
    const bashrc = await box.read('.bashrc');
    expect(bashrc).toBe('alias ll="ls -l"\n\n# added by duo-sso-setup\nexport PATH="$HOME/.local/bin:$PATH"\n');
    expect((await readdir(box.home)).filter((n) => n.startsWith('.bashrc.') && n.endsWith('.bak'))).toHaveLength(1);
    expect(r.stdout).toMatch(/duo-sso: installed \(release\): duo-sso v3\.4\.1/);
  });

  it('rerunning does not add the PATH line twice', async () => {
    const { box, file } = await withDownload();
    await box.run(['install', 'duo-sso', '--from', file, '--yes']);
    const first = await box.read('.bashrc');
    const again = await box.run(['install', 'duo-sso', '--from', file, '--yes']);
    expect(again.exitCode).toBe(0);
    expect(await box.read('.bashrc')).toBe(first);
  });

  it('--sha256 that matches installs; a wrong one is refused and nothing is installed', async () => {
    const { box, file } = await withDownload();
    const { createHash } = await import('node:crypto');
    const good = createHash('sha256').update(FAKE_DUO_SSO).digest('hex');
    const bad = await box.run(['install', 'duo-sso', '--from', file, '--sha256', 'f'.repeat(64), '--yes']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(`checksum mismatch for ${file}: expected sha256 ${'f'.repeat(64)}, got ${good}`);
    expect(bad.stderr).toContain('Nothing was installed');
    expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(false);
    const ok = await box.run(['install', 'duo-sso', '--from', file, '--sha256', good.toUpperCase(), '--yes']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(true);
  });

  it('a malformed --sha256 is a usage error', async () => {
    const { box, file } = await withDownload();
    const r = await box.run(['install', 'duo-sso', '--from', file, '--sha256', 'abc', '--yes']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--sha256 must be 64 hex digits');
  });

  it.each([
    ['a text file', 'this is the release notes page, not a binary\n'],
    ['a program that fails', '#!/bin/sh\necho "cannot execute binary file: Exec format error" >&2\nexit 126\n'],
  ])('--from %s: clear error, exit 1, nothing installed', async (_what, content) => {
    const { box, file } = await withDownload(content);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/error: the file is not a working duo-sso for this machine/);
    expect(r.stderr).toContain('Nothing was installed');
    // Not even the folders that were made for it.
    expect(existsSync(box.path('.local'))).toBe(false);
    expect(existsSync(box.path('.bashrc'))).toBe(false);
  });

  it('a failed --from keeps an existing ~/.local/bin and what is in it', async () => {
    const { box, file } = await withDownload('not a program\n');
    await box.write('.local/bin/other-tool', '#!/bin/sh\n', 0o755);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--yes']);
    expect(r.exitCode).toBe(1);
    expect(await readdir(box.path('.local/bin'))).toEqual(['other-tool']);
  });

  it('without a terminal and without --yes, changes nothing', async () => {
    const { box, file } = await withDownload();
    const r = await box.run(['install', 'duo-sso', '--from', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('nothing was changed');
    expect(r.stderr).toContain('--yes');
    expect(existsSync(box.path('.local'))).toBe(false);
  });

  it('a release nothing verifies is refused before download: no checksums, no pinned key, a plain http:// URL', async () => {
    const server = await ReleaseServer.start({ '/rel/duo-sso_linux_amd64': FAKE_DUO_SSO });
    servers.push(server);
    const box = await sandbox();
    const env = { DUO_SSO_RELEASE_URL: `${server.url}/rel`, PATH: `${box.home}/.local/bin:${box.env.PATH}` };
    const plan = await box.run(['install', 'duo-sso', '--dry-run'], { env });
    expect(plan.stdout + plan.stderr).toMatch(/REFUSED: cannot be verified \(no --sha256, and no release signing key is pinned/);
    const r = await box.run(['install', 'duo-sso', '--yes'], { env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/refusing to use .*duo-sso_linux_amd64: it cannot be verified .*; nothing was installed/);
    expect(r.stderr).toContain('duo-sso-setup install duo-sso --sha256 HEX');
    expect(r.stderr).toContain('duo-sso-setup install duo-sso --allow-unverified');
    expect(server.requests).toEqual([]);
    expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(false);
    const http = await box.run(['install', 'duo-sso', '--yes', '--from', 'http://releases.example.invalid/duo-sso', '--sha256', 'a'.repeat(64)]);
    expect(http.exitCode).toBe(1);
    expect(http.stderr).toMatch(/refused: plain http:\/\/ can be altered on the way/);
    expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(false);
    // The explicit escape, said in the plan and in the result.
    const unchecked = await box.run(['install', 'duo-sso', '--yes', '--allow-unverified'], { env });
    expect(unchecked.exitCode, unchecked.stderr).toBe(0);
    expect(unchecked.stderr).toContain('not verified: --allow-unverified was given');
  });

  describe('a signed checksums.txt', () => {
    const signer = createSigner();
    const other = createSigner();
    afterAll(() => {
      signer.dispose();
      other.dispose();
    });
    const sha = createHash('sha256').update(FAKE_DUO_SSO).digest('hex');
    const listed = `${'0'.repeat(64)}  duo-sso_darwin_arm64\n${sha}  duo-sso_linux_amd64\n`;
    // As a release is signed: the trusted comment names the release and the file.
    const COMMENT = 'duo-sso v3.5.0 checksums.txt';
    it.each([
      ['signed by the trusted key and matching: installed', { '/rel/checksums.txt': listed, '/rel/checksums.txt.minisig': signer.sign(listed, COMMENT) }, 0, /sha256 [0-9a-f]{64} matches checksums\.txt signed by key [0-9A-F]{16} \(given with --release-key\)/],
      ['signed but listing another hash: refused', { '/rel/checksums.txt': `${'e'.repeat(64)}  duo-sso_linux_amd64\n`, '/rel/checksums.txt.minisig': signer.sign(`${'e'.repeat(64)}  duo-sso_linux_amd64\n`, COMMENT) }, 1, /the release's signed checksums\.txt says sha256 e{64}/],
      ['forged (not signed): refused', { '/rel/checksums.txt': listed }, 1, /its checksums\.txt is not signed/],
      ['signed by another key: refused', { '/rel/checksums.txt': listed, '/rel/checksums.txt.minisig': other.sign(listed, COMMENT) }, 1, /which is not a trusted key/],
      ['altered after signing: refused', { '/rel/checksums.txt': listed.replace('0'.repeat(64), '1'.repeat(64)), '/rel/checksums.txt.minisig': signer.sign(listed, COMMENT) }, 1, /BAD signature/],
      ['signed with no release named in the signed comment: refused', { '/rel/checksums.txt': listed, '/rel/checksums.txt.minisig': signer.sign(listed, 'timestamp:1700000000\tfile:checksums.txt\thashed') }, 1, /names no release version/],
    ] as const)('%s', async (_what, files, exitCode, message) => {
      const server = await ReleaseServer.start({ '/rel/duo-sso_linux_amd64': FAKE_DUO_SSO, ...files });
      servers.push(server);
      const box = await sandbox();
      const r = await box.run(['install', 'duo-sso', '--yes', '--release-url', `${server.url}/rel`, '--release-key', signer.publicKey], { env: { PATH: `${box.home}/.local/bin:${box.env.PATH}` } });
      expect(r.exitCode, r.stderr).toBe(exitCode);
      expect(r.stderr).toMatch(message);
      expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(exitCode === 0);
    });

    it('the releases page names the newest release: a checksums.txt signed for an older one is refused (no rollback)', async () => {
      const asset = 'duo-sso_linux_amd64';
      for (const [signedFor, exitCode] of [['3.4.1', 1], ['3.5.0', 0]] as const) {
        const server = await startReleaseServer({ version: '3.5.0', assets: { [asset]: { content: duoSsoScript(signedFor) } }, sign: (t) => signer.sign(t, `duo-sso v${signedFor} checksums.txt`) });
        const box = await sandbox();
        const r = await box.run(['install', 'duo-sso', '--yes', '--release-url', server.folder, '--release-key', signer.publicKey], { env: { PATH: `${box.home}/.local/bin:${box.env.PATH}` } });
        await server.close();
        expect(r.exitCode, r.stderr).toBe(exitCode);
        if (exitCode === 1) expect(r.stderr).toMatch(/signed for release 3\.4\.1, but the newest release is 3\.5\.0/);
        expect(existsSync(box.path('.local/bin/duo-sso'))).toBe(exitCode === 0);
      }
    });
  });

  it('--from URL with --sha256: downloads that file, checks it, installs it', async () => {
    const server = await ReleaseServer.start({ '/mine/duo-sso': FAKE_DUO_SSO });
    servers.push(server);
    const box = await sandbox();
    const sha = createHash('sha256').update(FAKE_DUO_SSO).digest('hex');
    const r = await box.run(['install', 'duo-sso', '--from', `${server.url}/mine/duo-sso`, '--sha256', sha, '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(server.requests).toEqual(['/mine/duo-sso']);
    expect(r.stderr).toContain(`sha256 ${sha} matches`);
    expect(await box.read('.local/bin/duo-sso')).toBe(FAKE_DUO_SSO);
  });

  it('a release URL that answers 404 fails clearly', async () => {
    const server = await ReleaseServer.start({});
    servers.push(server);
    const box = await sandbox();
    const r = await box.run(['install', 'duo-sso', '--yes', '--release-url', `${server.url}/rel`, '--sha256', 'a'.repeat(64)]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`could not get ${server.url}/rel/duo-sso_linux_amd64: HTTP 404`);
    // The ways round a release URL that does not answer.
    expect(r.stderr).toMatch(/--from FILE.*--release-url/);
  });
});

describe('install duo-sso with Homebrew (macOS, Linuxbrew)', () => {
  const MIRROR = 'https://git.example.com/mirror/homebrew-tap';

  async function withBrew(scenario: FakeBrewScenario) {
    const box = await sandbox({ env: { SHELL: '/bin/bash' } });
    const brew = await FakeBrew.install(box, scenario);
    return { box, brew, env: { PATH: brew.pathFor(box) } };
  }

  it('Homebrew 6 tap trust: taps with the URL and installs by the fully qualified name; a rerun changes nothing', async () => {
    const { box, brew, env } = await withBrew({ homebrewVersion: '6.0.1', trustRequired: true });
    const r = await box.run(['install', 'duo-sso', '--yes'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await brew.changingCommands()).toEqual([['tap', 'ats-operations/homebrew-tap', UPSTREAM_URL], ['install', 'ats-operations/homebrew-tap/duo-sso']]);
    expect(r.stdout).toMatch(/duo-sso: installed \(brew\): duo-sso v3\.5\.0/);
    const again = await box.run(['install', 'duo-sso', '--yes'], { env });
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await brew.state()).installed['duo-sso'].version).toBe('3.5.0');
  });

  it('taps from the URL an earlier upgrade saved, and --tap-url wins over it', async () => {
    const { box, brew, env } = await withBrew({ upstream: { url: MIRROR } });
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, tapUrl: MIRROR }));
    const dry = await box.run(['install', 'duo-sso', '--dry-run', '--tap-url', 'https://other.example.com/tap'], { env });
    expect(dry.stdout).toContain('$ brew tap ats-operations/homebrew-tap https://other.example.com/tap');
    const r = await box.run(['install', 'duo-sso', '--yes'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await brew.changingCommands())[0]).toEqual(['tap', 'ats-operations/homebrew-tap', MIRROR]);
  });
});

// ---- AWS CLI zip, signed by a test key whose fingerprint the test pins ----

describe('install aws-cli (Linux zip)', () => {
  const ZIP = '/awscli-exe-linux-x86_64.zip';

  async function setup() {
    const box = await sandbox({ tools: ['gpg'], env: { SHELL: '/bin/bash' } });
    const signed = await makeSignedZip(box);
    const server = await ReleaseServer.start({ [ZIP]: signed.zip, [`${ZIP}.sig`]: signed.sig });
    servers.push(server);
    const env = { AWS_CLI_DOWNLOAD_URL: server.url, AWS_CLI_PUBLIC_KEY_FILE: signed.keyFile, AWS_CLI_SIGNING_FINGERPRINT: signed.fingerprint };
    return { box, signed, server, env };
  }

  it.each<Runtime>(['node', 'deno'])('under %s: verifies the signature against the pinned key, installs into ~/.local without sudo, and checks aws --version', async (runtime) => {
    const { box, signed, env, server } = await setup();
    const r = await box.run(['install', 'aws-cli', '--yes'], { env, runtime });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(server.requests).toEqual([ZIP, `${ZIP}.sig`]);
    expect(r.stderr).toContain(`signature by ${signed.fingerprint} verified`);
    expect(existsSync(box.path('.local/aws-cli/v2/current/bin/aws'))).toBe(true);
    const v = await box.exec(box.path('.local/bin/aws'), ['--version']);
    expect(v.stdout).toMatch(/^aws-cli\/2\.99\.0/);
    expect(r.stdout).toMatch(/aws-cli: installed \(zip\): aws-cli\/2\.99\.0/);
    expect(await box.read('.bashrc')).toContain('export PATH="$HOME/.local/bin:$PATH"');
    // The user's own keyring was never touched: the key lived in a temporary GNUPGHOME.
    expect(await readdir(box.path('.gnupg'))).toEqual([]);
    // A second run updates in place: the stand-in installer refuses an existing install without --update.
    const again = await box.run(['install', 'aws-cli', '--yes', '--json'], { env, runtime });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.json.results[0].component).toBe('aws-cli');
  });

  it.each([
    ['tampered', (s: SignedZip) => ({ [ZIP]: Buffer.concat([s.zip.subarray(0, 200), Buffer.from('X'), s.zip.subarray(201)]), [`${ZIP}.sig`]: s.sig }), /signature check failed .*BAD signature/],
    ['truncated', (s: SignedZip) => ({ [ZIP]: { truncate: { body: s.zip.subarray(0, 300), length: s.zip.length } }, [`${ZIP}.sig`]: s.sig }), /could not get .*truncated/],
    ['signed by another key', (s: SignedZip) => ({ [ZIP]: s.zip, [`${ZIP}.sig`]: s.otherSig }), /signature check failed/],
    ['unsigned', (s: SignedZip) => ({ [ZIP]: s.zip }), /could not get the signature .*HTTP 404/],
  ] as const)('a %s download is rejected before anything is installed', async (_name, files, message) => {
    const { box, signed, server, env } = await setup();
    server.set(`${ZIP}.sig`, { status: 404 });
    for (const [path, fixture] of Object.entries(files(signed))) server.set(path, fixture as never);
    const r = await box.run(['install', 'aws-cli', '--yes'], { env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Nothing was installed');
    expect(existsSync(box.path('.local'))).toBe(false);
    expect(existsSync(box.path('.bashrc'))).toBe(false);
  });

  it('a key past its expiry date still verifies a good signature (the pin counts, not the date), but not a tampered zip', async () => {
    const box = await sandbox({ tools: ['gpg'], env: { SHELL: '/bin/bash' } });
    const signed = await makeSignedZip(box, '2.99.0', { expiredKey: true });
    const server = await ReleaseServer.start({ [ZIP]: signed.zip, [`${ZIP}.sig`]: signed.sig });
    servers.push(server);
    const env = { AWS_CLI_DOWNLOAD_URL: server.url, AWS_CLI_PUBLIC_KEY_FILE: signed.keyFile, AWS_CLI_SIGNING_FINGERPRINT: signed.fingerprint };
    server.set(ZIP, Buffer.concat([signed.zip.subarray(0, 200), Buffer.from('X'), signed.zip.subarray(201)]));
    const tampered = await box.run(['install', 'aws-cli', '--yes'], { env });
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stderr).toMatch(/signature check failed .*BAD signature/);
    expect(existsSync(box.path('.local'))).toBe(false);
    server.set(ZIP, signed.zip);
    const r = await box.run(['install', 'aws-cli', '--yes'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`signature by ${signed.fingerprint} verified (the copy of the key on file is past its expiry date`);
    expect(existsSync(box.path('.local/aws-cli/v2/current/bin/aws'))).toBe(true);
  });

  it('without unzip: installs it with the package manager first, then the zip', async () => {
    const { box, env } = await setup();
    await rm(join(box.sysBin, 'unzip'));
    const aptLog = join(box.root, 'apt.log');
    // Imitates apt-get installing unzip: the real unzip appears on PATH.
    await box.addScript('apt-get', `#!/bin/sh\n# Imitates apt-get installing unzip.\necho "$*" >> ${aptLog}\nln -s ${systemTool('unzip')} ${box.bin}/unzip\n`);
    const r = await box.run(['install', 'aws-cli', '--yes'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(aptLog, 'utf8')).toBe('-o DPkg::Lock::Timeout=120 install -y unzip\n');
    expect(r.stderr.indexOf('Install unzip with apt')).toBeLessThan(r.stderr.indexOf('Download awscli-exe-linux-x86_64.zip'));
    expect(existsSync(box.path('.local/aws-cli/v2/current/bin/aws'))).toBe(true);
  });

  it('a pip-installed v1: in the plan, left installed by --yes alone, removed (before v2 goes in) with --remove-aws-cli-v1 --yes', async () => {
    const { box, env } = await setup();
    const shims = join(box.root, 'pyenv', 'shims');
    await mkdir(shims, { recursive: true });
    const v1 = '#!/bin/sh\n# Imitates a pip-installed AWS CLI v1 behind a pyenv shim (v1 prints its version on stderr).\necho "aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n';
    await writeFile(join(shims, 'aws'), v1, { mode: 0o755 });
    const pipLog = join(box.root, 'pip.log');
    await box.addScript('pip', `#!/bin/sh\n# Imitates pip: records its arguments and uninstalls the v1 shim.\necho "$*" >> ${pipLog}\nrm -f ${shims}/aws\necho "Successfully uninstalled awscli-1.29.0"\n`);
    const path = `${shims}:${box.home}/.local/bin:${box.env.PATH}`;
    const dry = await box.run(['install', 'aws-cli', '--dry-run', '--json'], { env: { ...env, PATH: path } });
    expect(dry.json.plans[0].steps[0]).toMatchObject({ kind: 'remove-software', commands: [['pip', 'uninstall', '--yes', 'awscli']], consent: { requested: false } });
    const yes = await box.run(['install', 'aws-cli', '--yes'], { env: { ...env, PATH: path } });
    expect(yes.exitCode, yes.stderr).toBe(0);
    expect(yes.stderr).toContain(`Remove the pip-installed AWS CLI v1 at ${shims}/aws [only with --remove-aws-cli-v1]`);
    expect(yes.stdout).toContain('Not done: Remove the pip-installed AWS CLI v1');
    expect(existsSync(pipLog)).toBe(false);
    expect(existsSync(join(shims, 'aws'))).toBe(true);
    const removed = await box.run(['install', 'aws-cli', '--yes', '--remove-aws-cli-v1'], { env: { ...env, PATH: path } });
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(await readFile(pipLog, 'utf8')).toBe('uninstall --yes awscli\n');
    const doctor = await box.run(['doctor', '--json', '--only', 'aws-cli'], { env: { PATH: path } });
    expect(doctor.json.checks[0]).toMatchObject({ status: 'ok', summary: expect.stringContaining('aws-cli 2.99.0') });
  });

  it('the shipped key is the real AWS CLI Team key: a zip signed by the test key fails the real pin', async () => {
    const { box, env } = await setup();
    const r = await box.run(['install', 'aws-cli', '--yes'], { env: { AWS_CLI_DOWNLOAD_URL: env.AWS_CLI_DOWNLOAD_URL } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/signature check failed/);
    expect(existsSync(box.path('.local'))).toBe(false);
  });
});

// ---- pass + gpg through the real package manager ----

const canApt = Boolean(systemTool('apt-get')) && process.getuid?.() === 0;

describe('install pass-gpg', () => {
  it.skipIf(!canApt)('installs through real apt, creates a key, initialises pass, checks a round trip, adds GPG_TTY', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'apt-get', 'dpkg'], env: { SHELL: '/bin/bash' } });
    const r = await box.run(['install', 'pass-gpg', '--yes', '--no-passphrase', '--gpg-name', 'Ann Example', '--gpg-email', 'ann@example.com'], { timeoutMs: 300_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('apt-get -o DPkg::Lock::Timeout=120 install -y pass gnupg');
    const gpgId = (await box.read('.password-store/.gpg-id')).trim();
    expect(gpgId).toMatch(/^[0-9A-F]{40}$/);
    const list = await box.exec(systemTool('gpg')!, ['--batch', '--list-secret-keys', '--with-colons']);
    expect(list.stdout).toContain(`fpr:::::::::${gpgId}:`);
    expect(list.stdout).toContain('Ann Example <ann@example.com>');
    // An ed25519 primary key (algorithm 22) with a cv25519 encryption subkey (18): fast decryption.
    expect(list.stdout).toMatch(/^sec:u:255:22:/m);
    expect(list.stdout).toMatch(/^ssb:u:255:18:/m);
    expect(await box.read('.bashrc')).toContain('export GPG_TTY=$(tty)');
    const doctor = await box.run(['doctor', '--json', '--only', 'gpg,pass']);
    expect(doctor.json.checks.map((c: any) => [c.id, c.status])).toEqual([['gpg', 'ok'], ['pass', 'ok']]);
    // Idempotent: a second run reuses the key and adds nothing to the profile.
    const bashrc = await box.read('.bashrc');
    const again = await box.run(['install', 'pass-gpg', '--yes', '--no-passphrase'], { timeoutMs: 300_000 });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Using your existing gpg key ${gpgId}`);
    expect(await box.read('.bashrc')).toBe(bashrc);
  }, 300_000);

  it('a failing apt-get stops everything with a clear error', async () => {
    const box = await sandbox({
      tools: ['gpg', 'pass'],
      scripts: { 'apt-get': '#!/bin/sh\n# Imitates apt-get on a machine whose package lists are broken.\necho "E: Unable to locate package pass" >&2\nexit 100\n' },
    });
    const r = await box.run(['install', 'pass-gpg', '--yes', '--no-passphrase', '--gpg-name', 'N', '--gpg-email', 'n@example.com']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/error: Install pass gnupg with apt failed: apt-get -o DPkg::Lock::Timeout=120 install -y pass gnupg exited 100: E: Unable to locate package pass/);
    expect(existsSync(box.path('.password-store'))).toBe(false);
    expect(await readdir(box.path('.gnupg'))).toEqual([]);
  });

  it('with --json: a key without a passphrase is created and stdout is one JSON document; a passphrase key is refused before anything runs', async () => {
    const box = await sandbox({
      tools: ['gpg', 'pass'],
      scripts: { 'apt-get': '#!/bin/sh\n# Imitates apt-get with everything installed (and notes that it ran).\necho ran >> "$HOME/apt-ran"\necho "pass is already the newest version"\n' },
    });
    const refused = await box.run(['install', 'pass-gpg', '--yes', '--json', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com']);
    expect(refused.exitCode).toBe(1);
    expect(refused.json.error.message).toMatch(/--json cannot create a passphrase-protected gpg key/);
    expect(existsSync(box.path('apt-ran'))).toBe(false);
    expect(existsSync(box.path('.password-store'))).toBe(false);

    const r = await box.run(['install', 'pass-gpg', '--yes', '--json', '--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json, r.stdout).toBeDefined();
    expect(r.json.results[0].steps.map((s: any) => [s.kind, s.status])).toEqual([['run', 'done'], ['gpg-key', 'done'], ['pass-init', 'done'], ['pass-round-trip', 'done'], ['profile-line', 'done']]);
    expect((await box.read('.password-store/.gpg-id')).trim()).toMatch(/^[0-9A-F]{40}$/);
  }, 120_000);

  it('uses an existing key instead of creating another', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'], scripts: { 'apt-get': '#!/bin/sh\n# Imitates apt-get with everything installed.\necho "pass is already the newest version"\n' } });
    const fpr = await createGpgKey(box);
    const r = await box.run(['install', 'pass-gpg', '--yes', '--no-passphrase']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await box.read('.password-store/.gpg-id')).trim()).toBe(fpr);
  });
});
