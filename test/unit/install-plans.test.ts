// Plans for every platform × method, from recorded OS facts (os-release samples as the
// distros ship them). Asserts the exact commands a user would see in --dry-run.
import { describe, expect, it } from 'vitest';
import { distroFromOsRelease, packageManagerFor } from '../../src/platform/os-release.js';
import type { PlatformFacts } from '../../src/platform/facts.js';
import { resolvePaths } from '../../src/platform/paths.js';
import { chooseRecipe, methodsFor, planFor } from '../../src/install/planner.js';
import { renderPlanHuman, stepCommands } from '../../src/install/render-plan.js';
import { MSI_SIGNATURE_CHECK } from '../../src/install/recipes/aws-cli-windows.js';
import type { Component, InstallOptions, Plan, PlanInput } from '../../src/install/types.js';
import { UserError } from '../../src/errors.js';

const OS_RELEASE = {
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\nHOME_URL="https://www.debian.org/"\n',
  ubuntu: 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=noble\n',
  fedora: 'NAME="Fedora Linux"\nVERSION="40 (Workstation Edition)"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME="Fedora Linux 40 (Workstation Edition)"\n',
  arch: 'NAME="Arch Linux"\nPRETTY_NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\nANSI_COLOR="38;2;23;147;209"\n',
  opensuse: 'NAME="openSUSE Tumbleweed"\n# VERSION="20240801"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\nVERSION_ID="20240801"\nPRETTY_NAME="openSUSE Tumbleweed"\n',
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.2\nPRETTY_NAME="Alpine Linux v3.20"\n',
  centos7: 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n',
};

const HOME = '/home/ann';

function linux(sample: keyof typeof OS_RELEASE, arch = 'x64'): PlatformFacts {
  const distro = distroFromOsRelease(OS_RELEASE[sample])!;
  return { os: 'linux', arch, distro, packageManager: packageManagerFor(distro), wsl: false, kernel: '6.1.0', homebrewPrefix: undefined };
}
const macos = (arch: 'arm64' | 'x64', brew: boolean): PlatformFacts => ({
  os: 'darwin', arch, distro: undefined, packageManager: brew ? 'brew' : undefined, wsl: false, kernel: '24.0.0',
  homebrewPrefix: brew ? (arch === 'arm64' ? '/opt/homebrew' : '/usr/local') : undefined,
});
const windows = (winget: boolean): PlatformFacts => ({ os: 'win32', arch: 'x64', distro: undefined, packageManager: winget ? 'winget' : undefined, wsl: false, kernel: '10.0.22631', homebrewPrefix: undefined });

function input(facts: PlatformFacts, options: Partial<InstallOptions> = {}, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    facts,
    paths: resolvePaths({ HOME, USERPROFILE: 'C:\\Users\\ann' }, { os: facts.os === 'win32' ? 'win32' : 'linux' }),
    options: { system: false, update: false, passphrase: true, removeAwsCliV1: false, ...options },
    isRoot: false,
    ...extra,
  };
}

const commands = (plan: Plan) => plan.steps.flatMap(stepCommands);
const kinds = (plan: Plan) => plan.steps.map((s) => s.kind);

describe('sudo steps are marked before they run', () => {
  it('a normal user on Debian: the package step reads [sudo] and its command starts with sudo; as root neither', () => {
    const style = ({ color: false, unicode: true });
    const user = renderPlanHuman([planFor('pass-gpg', input(linux('debian')))], style, { dryRun: false });
    expect(user).toContain('1. Install pass gnupg with apt [sudo]\n');
    expect(user).toContain('$ sudo apt-get -o DPkg::Lock::Timeout=120 install -y pass gnupg');
    const root = renderPlanHuman([planFor('pass-gpg', input(linux('debian'), {}, { isRoot: true }))], style, { dryRun: false });
    expect(root).not.toContain('[sudo]');
    expect(root).not.toContain('$ sudo');
  });
});

describe('pass-gpg packages per distro', () => {
  it.each([
    ['debian', ['sudo', 'apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'pass', 'gnupg']],
    ['ubuntu', ['sudo', 'apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'pass', 'gnupg']],
    ['fedora', ['sudo', 'dnf', 'install', '-y', 'pass', 'gnupg2']],
    ['centos7', ['sudo', 'yum', 'install', '-y', 'pass', 'gnupg2']],
    ['arch', ['sudo', 'pacman', '-S', '--needed', '--noconfirm', 'pass', 'gnupg']],
    ['opensuse', ['sudo', 'zypper', '--non-interactive', 'install', 'password-store', 'gpg2']],
    ['alpine', ['sudo', 'apk', 'add', 'pass', 'gnupg']],
  ] as const)('%s', (sample, argv) => {
    const plan = planFor('pass-gpg', input(linux(sample), { gpgName: 'Ann', gpgEmail: 'ann@example.com', passphrase: false }));
    expect(commands(plan)[0]).toEqual(argv);
    expect(kinds(plan)).toEqual(['run', 'gpg-key', 'pass-init', 'pass-round-trip', 'profile-line']);
    expect(commands(plan)[1]).toEqual(['gpg', '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Ann <ann@example.com>', 'future-default', 'default', 'never']);
  });

  it('as root needs no sudo, and apt runs non-interactively', () => {
    const plan = planFor('pass-gpg', input(linux('debian'), {}, { isRoot: true }));
    const step = plan.steps[0]!;
    expect(step).toMatchObject({ kind: 'run', sudo: false, argv: ['apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'pass', 'gnupg'], env: { DEBIAN_FRONTEND: 'noninteractive' } });
  });

  it('reuses an existing usable key instead of creating one', () => {
    const fpr = 'A'.repeat(40);
    const plan = planFor('pass-gpg', input(linux('fedora'), {}, { existingGpgKey: fpr }));
    expect(kinds(plan)).toEqual(['run', 'pass-init', 'pass-round-trip', 'profile-line']);
    expect(commands(plan)[1]).toEqual(['pass', 'init', fpr]);
  });

  it.each([[macos('arm64', true)], [windows(true)]])('is not needed off Linux (%#)', (facts) => {
    const plan = planFor('pass-gpg', input(facts));
    expect(plan.method).toBe('none');
    expect(plan.steps).toEqual([]);
  });
});

describe('aws-cli', () => {
  it.each<[keyof typeof OS_RELEASE, string[], string[]]>([
    ['debian', ['unzip'], ['sudo', 'apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'unzip']],
    ['fedora', ['unzip', 'gpg', 'gpg2'], ['sudo', 'dnf', 'install', '-y', 'unzip', 'gnupg2']],
    ['opensuse', ['gpg', 'gpg2'], ['sudo', 'zypper', '--non-interactive', 'install', 'gpg2']],
  ])('Linux zip on %s without %j: installs them first, before the download', (distro, missing, argv) => {
    const plan = planFor('aws-cli', input(linux(distro), {}, { onPath: (name) => !missing.includes(name) }));
    expect(plan.steps[0]).toMatchObject({ kind: 'run', sudo: true, mutates: true });
    expect(commands(plan)[0]).toEqual(argv);
    expect(plan.steps[1]!.kind).toBe('download');
  });

  it('Linux zip with unzip and gpg on PATH adds no prerequisite step', () => {
    const plan = planFor('aws-cli', input(linux('debian'), {}, { onPath: () => true }));
    expect(plan.steps[0]!.kind).toBe('download');
  });

  it('Linux x64 defaults to the signed zip into ~/.local without sudo', () => {
    const plan = planFor('aws-cli', input(linux('ubuntu')));
    expect(plan.method).toBe('zip');
    const download = plan.steps[0]!;
    expect(download).toMatchObject({
      kind: 'download', url: 'https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip',
      verify: { kind: 'signature', signatureUrl: 'https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip.sig', fingerprint: 'FB5DB77FD5C118B80511ADA8A6310ACC4672475C' },
    });
    expect(commands(plan)).toContainEqual(['$WORK/aws/install', '-i', `${HOME}/.local/aws-cli`, '-b', `${HOME}/.local/bin`]);
    expect(plan.steps.some((s) => 'sudo' in s && s.sudo)).toBe(false);
    expect(kinds(plan)).toEqual(['download', 'run', 'run', 'add-to-path', 'verify']);
  });

  it('Linux arm64 picks the aarch64 zip; --system installs to /usr/local with sudo; an existing install gets --update', () => {
    const plan = planFor('aws-cli', input(linux('debian', 'arm64'), { system: true }, { exists: (p) => p === '/usr/local/aws-cli/v2/current' }));
    expect(plan.steps[0]).toMatchObject({ url: 'https://awscli.amazonaws.com/awscli-exe-linux-aarch64.zip' });
    expect(commands(plan)).toContainEqual(['sudo', '$WORK/aws/install', '-i', '/usr/local/aws-cli', '-b', '/usr/local/bin', '--update']);
    expect(kinds(plan)).not.toContain('add-to-path');
  });

  it.each([
    ['debian', ['sudo', 'apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', 'awscli']],
    ['fedora', ['sudo', 'dnf', 'install', '-y', 'awscli2']],
    ['arch', ['sudo', 'pacman', '-S', '--needed', '--noconfirm', 'aws-cli-v2']],
    ['opensuse', ['sudo', 'zypper', '--non-interactive', 'install', 'aws-cli']],
    ['alpine', ['sudo', 'apk', 'add', 'aws-cli']],
  ] as const)('--method package on %s', (sample, argv) => {
    const plan = planFor('aws-cli', input(linux(sample), { method: 'package' }));
    expect(commands(plan)[0]).toEqual(argv);
    expect(plan.steps.at(-1)).toMatchObject({ kind: 'verify', expect: 'aws-cli/2.' });
  });

  it.each([['arm64'], ['x64']] as const)('macOS %s with Homebrew uses brew', (arch) => {
    const plan = planFor('aws-cli', input(macos(arch, true)));
    expect(plan.method).toBe('brew');
    expect(commands(plan)[0]).toEqual(['brew', 'install', 'awscli']);
  });

  it.each([['arm64'], ['x64']] as const)('macOS %s without Homebrew: per-user pkg with choices.xml, no sudo', (arch) => {
    const plan = planFor('aws-cli', input(macos(arch, false)));
    expect(plan.method).toBe('pkg');
    expect(commands(plan)).toContainEqual(['installer', '-pkg', '$WORK/AWSCLIV2.pkg', '-target', 'CurrentUserHomeDirectory', '-applyChoiceChangesXML', '$WORK/choices.xml']);
    const choices = plan.steps.find((s) => s.kind === 'write-file');
    expect(choices).toMatchObject({ path: '{work}/choices.xml' });
    expect(choices && 'content' in choices ? choices.content : '').toContain(`<string>${HOME}</string>`);
    expect(commands(plan)).toContainEqual(['ln', '-sf', `${HOME}/aws-cli/aws`, `${HOME}/.local/bin/aws`]);
    expect(plan.steps.some((s) => 'sudo' in s && s.sudo)).toBe(false);
  });

  it('macOS pkg: pkgutil must accept the signature and name Amazon as the signer, before the installer runs', () => {
    for (const system of [false, true]) {
      const plan = planFor('aws-cli', input(macos('arm64', false), { system }));
      expect(plan.steps[1]).toMatchObject({ kind: 'run', argv: ['pkgutil', '--check-signature', '{work}/AWSCLIV2.pkg'], mutates: false, expect: 'Developer ID Installer: Amazon' });
      expect(plan.steps.findIndex((s) => s.kind === 'run' && s.argv[0] === 'installer')).toBeGreaterThan(1);
    }
  });

  it('macOS --system: installer -target / with sudo', () => {
    const plan = planFor('aws-cli', input(macos('arm64', false), { system: true }));
    expect(commands(plan)).toContainEqual(['sudo', 'installer', '-pkg', '$WORK/AWSCLIV2.pkg', '-target', '/']);
  });

  it('Windows: winget when present, the MSI otherwise', () => {
    expect(commands(planFor('aws-cli', input(windows(true))))[0]).toEqual(['winget', 'install', '-e', '--id', 'Amazon.AWSCLI', '--accept-source-agreements', '--accept-package-agreements']);
    const msi = planFor('aws-cli', input(windows(false)));
    expect(msi.method).toBe('msi');
    expect(kinds(msi)).toEqual(['download', 'run', 'run', 'verify']);
    // Downloaded by us (size limit, timeout), its Authenticode signature checked, only then run.
    expect(msi.steps[0]).toMatchObject({ url: 'https://awscli.amazonaws.com/AWSCLIV2.msi', to: '{work}\\AWSCLIV2.msi' });
    expect(msi.steps[1]).toMatchObject({ kind: 'run', mutates: false, env: { DUO_SSO_SETUP_FILE: '{work}\\AWSCLIV2.msi' } });
    expect(commands(msi)[1]).toEqual(['powershell.exe', '-NoProfile', '-NonInteractive', '-Command', MSI_SIGNATURE_CHECK]);
    expect(MSI_SIGNATURE_CHECK).toMatch(/Get-AuthenticodeSignature -LiteralPath \$env:DUO_SSO_SETUP_FILE/);
    expect(MSI_SIGNATURE_CHECK).toMatch(/-ne 'Valid'/);
    expect(MSI_SIGNATURE_CHECK).toMatch(/-cnotcontains \$orgs\[0\]/);
    expect(commands(msi)[2]).toEqual(['msiexec.exe', '/i', '$WORK\\AWSCLIV2.msi', '/passive']);
  });

  it('a --method that does not apply here is a usage error naming what does', () => {
    const error = (() => {
      try {
        chooseRecipe('aws-cli', input(linux('debian'), { method: 'winget' }));
      } catch (e) {
        return e as UserError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error!.exitCode).toBe(2);
    expect(error!.opts.hint).toContain('Available here: zip, package');
  });
});

describe('duo-sso', () => {
  it('macOS (and Linuxbrew) taps and installs by the fully qualified name', () => {
    for (const facts of [macos('arm64', true), { ...linux('ubuntu'), homebrewPrefix: '/home/linuxbrew/.linuxbrew' }]) {
      const plan = planFor('duo-sso', input(facts));
      expect(plan.method).toBe('brew');
      expect(commands(plan).slice(0, 2)).toEqual([
        ['brew', 'tap', 'ats-operations/homebrew-tap', 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap'],
        ['brew', 'install', 'ats-operations/homebrew-tap/duo-sso'],
      ]);
    }
  });

  it('Linux: the release binary for this OS/arch from a configurable URL, into ~/.local/bin', () => {
    const plan = planFor('duo-sso', input(linux('fedora', 'arm64'), { releaseUrl: 'http://127.0.0.1:9/rel/' }));
    expect(plan.method).toBe('release');
    // No release signing key is pinned yet: nothing can vouch for it, refused before download.
    expect(plan.steps[0]).toMatchObject({ kind: 'download', url: 'http://127.0.0.1:9/rel/duo-sso_linux_arm64', verify: { kind: 'unverifiable', retry: ['duo-sso-setup', 'install', 'duo-sso'] } });
    expect(plan.notes.join('\n')).toMatch(/Refused: nothing can verify the download .*--sha256 HEX.*--allow-unverified/);
    expect(plan.steps[1]).toMatchObject({ kind: 'install-binary', to: `${HOME}/.local/bin/duo-sso`, sudo: false });
  });

  it('release downloads fail closed: a signed checksums.txt with --release-key, --allow-unverified printed, a --from URL needs --sha256', () => {
    const key = 'RWQ5Wyr+XwPi8fbEK145MArWcF+4p7JeQKYVV3WuJdctAnutAkWEO8yM';
    const signed = planFor('duo-sso', input(linux('debian'), { releaseUrl: 'https://example.com/rel', releaseKey: key }));
    expect(signed.steps[0]).toMatchObject({ verify: { kind: 'signed-checksums', checksumsUrl: 'https://example.com/rel/checksums.txt', asset: 'duo-sso_linux_amd64', keys: [key], keySource: 'flag' } });
    expect(stepCommands(signed.steps[0]!)).toContainEqual(['minisign', '-V', '-P', key, '-m', '$WORK/checksums.txt']);
    const unchecked = planFor('duo-sso', input(linux('debian'), { allowUnverified: true }));
    expect(unchecked.steps[0]).toMatchObject({ verify: { kind: 'none', why: '--allow-unverified was given' } });
    expect(unchecked.notes).toContain('Unverified download: --allow-unverified was given.');
    const url = planFor('duo-sso', input(linux('debian'), { from: 'https://example.com/duo-sso' }));
    expect(url.steps[0]).toMatchObject({ verify: { kind: 'unverifiable', retry: ['duo-sso-setup', 'install', 'duo-sso', '--from', 'https://example.com/duo-sso'] } });
  });

  it('--from with --sha256 and --system: checked copy into /usr/local/bin with sudo', () => {
    const sha = 'ab'.repeat(32);
    const plan = planFor('duo-sso', input(linux('debian'), { from: '/tmp/duo-sso_linux_amd64', sha256: sha, system: true }));
    expect(plan.steps[0]).toMatchObject({ kind: 'download', url: '/tmp/duo-sso_linux_amd64', verify: { kind: 'sha256', sha256: sha } });
    expect(plan.steps[1]).toMatchObject({ kind: 'install-binary', to: '/usr/local/bin/duo-sso', sudo: true });
    expect(kinds(plan)).not.toContain('add-to-path');
  });

  it('--system as a normal user: the plan marks the sudo step and shows the sudo commands the executor runs', () => {
    const plan = planFor('duo-sso', input(linux('debian'), { from: '/tmp/duo-sso_linux_amd64', system: true }));
    expect(stepCommands(plan.steps[1]!)).toEqual([
      ['$WORK/duo-sso', '--version'],
      ['sudo', 'cp', '$WORK/duo-sso', '/usr/local/bin/duo-sso.tmp-$PID'],
      ['sudo', 'chmod', '0755', '/usr/local/bin/duo-sso.tmp-$PID'],
      ['sudo', 'mv', '-f', '/usr/local/bin/duo-sso.tmp-$PID', '/usr/local/bin/duo-sso'],
    ]);
    const text = renderPlanHuman([plan], ({ color: false, unicode: true }), { dryRun: true });
    expect(text).toContain('2. Install as /usr/local/bin/duo-sso [sudo]\n');
    expect(text).toContain("$ sudo mv -f '/usr/local/bin/duo-sso.tmp-$PID' /usr/local/bin/duo-sso");
    expect(text).toContain('Installing into /usr/local/bin uses sudo.');
  });

  it('--from wins over Homebrew', () => {
    expect(planFor('duo-sso', input(macos('arm64', true), { from: '/tmp/duo-sso' })).method).toBe('release');
  });

  it('Windows: the .exe into the user folder', () => {
    const plan = planFor('duo-sso', input(windows(true)));
    expect(plan.steps[0]).toMatchObject({ url: expect.stringMatching(/\/duo-sso_windows_amd64\.exe$/) });
  });
});

describe('every platform has a plan for every component', () => {
  const platforms: [string, PlatformFacts][] = [
    ...(Object.keys(OS_RELEASE) as (keyof typeof OS_RELEASE)[]).map((k): [string, PlatformFacts] => [k, linux(k)]),
    ['macos-arm64', macos('arm64', true)], ['macos-x64', macos('x64', false)], ['windows', windows(true)], ['windows-no-winget', windows(false)],
  ];
  it.each(platforms)('%s', (_name, facts) => {
    for (const component of ['aws-cli', 'duo-sso', 'pass-gpg'] as Component[]) {
      const methods = methodsFor(component, input(facts));
      expect(methods.length, `${component} methods`).toBeGreaterThan(0);
      for (const method of methods) {
        const plan = planFor(component, input(facts, { method }));
        expect(plan.component).toBe(component);
        expect(plan.method).toBe(method);
        for (const argv of commands(plan)) expect(argv.every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
      }
    }
  });
});
