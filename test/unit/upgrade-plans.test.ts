import { describe, expect, it } from 'vitest';
import { describeMethod, detectAwsInstall, parseAptPolicy, upgradeArgv, type AwsInstallFacts } from '../../src/upgrade/aws-cli-plan.js';
import { detectSelfInstall, selfUpgradeArgv } from '../../src/upgrade/self-plan.js';
import type { PlatformFacts } from '../../src/platform/facts.js';

const aws = (over: Partial<AwsInstallFacts>): AwsInstallFacts => ({
  path: '/usr/local/bin/aws', realPath: '/usr/local/bin/aws', distribution: undefined, major: 2, brewListed: false, brewPrefix: undefined, ...over,
});
type Facts = Pick<PlatformFacts, 'os' | 'packageManager'>;
const linux = (pm: Facts['packageManager'] = 'apt'): Facts => ({ os: 'linux', packageManager: pm });

describe('AWS CLI upgrade plans', () => {
  it.each<[string, Facts, AwsInstallFacts, string, string[][]]>([
    ['Homebrew on macOS', { os: 'darwin', packageManager: 'brew' }, aws({ path: '/opt/homebrew/bin/aws', realPath: '/opt/homebrew/Cellar/awscli/2.15.0/bin/aws', brewPrefix: '/opt/homebrew' }), 'homebrew', [['brew', 'upgrade', 'awscli']]],
    ['Linuxbrew listed by brew', linux(), aws({ path: '/home/linuxbrew/.linuxbrew/bin/aws', brewListed: true }), 'homebrew', [['brew', 'upgrade', 'awscli']]],
    ['official zip, per user', linux(), aws({ path: '/home/u/.local/bin/aws', realPath: '/home/u/.local/aws-cli/v2/2.15.0/dist/aws', distribution: 'exe' }), 'official zip installer', [['duo-sso-setup', 'install', 'aws-cli', '--method', 'zip', '--update', '--yes']]],
    ['official zip, system-wide', linux(), aws({ realPath: '/usr/local/aws-cli/v2/2.15.0/dist/aws', distribution: 'exe' }), 'official zip installer (system-wide)', [['duo-sso-setup', 'install', 'aws-cli', '--method', 'zip', '--update', '--system', '--yes']]],
    ['macOS pkg', { os: 'darwin', packageManager: undefined }, aws({ realPath: '/usr/local/aws-cli/aws', distribution: 'exe' }), 'official macOS pkg', [['duo-sso-setup', 'install', 'aws-cli', '--method', 'pkg', '--yes']]],
    ['Debian package', linux('apt'), aws({ path: '/usr/bin/aws', realPath: '/usr/bin/aws', distribution: 'source' }), 'apt package', [['sudo', 'apt-get', 'install', '--only-upgrade', '-y', 'awscli']]],
    ['Fedora package', linux('dnf'), aws({ path: '/usr/bin/aws', realPath: '/usr/bin/aws', distribution: 'source' }), 'dnf package', [['sudo', 'dnf', 'upgrade', '-y', 'awscli2']]],
    ['Arch package', linux('pacman'), aws({ path: '/usr/bin/aws', realPath: '/usr/bin/aws' }), 'pacman package', [['sudo', 'pacman', '-S', '--needed', '--noconfirm', 'aws-cli-v2']]],
    ['openSUSE package', linux('zypper'), aws({ path: '/usr/bin/aws', realPath: '/usr/bin/aws' }), 'zypper package', [['sudo', 'zypper', '--non-interactive', 'update', 'aws-cli']]],
    ['Alpine package', linux('apk'), aws({ path: '/usr/bin/aws', realPath: '/usr/bin/aws' }), 'apk package', [['sudo', 'apk', 'add', '--upgrade', 'aws-cli']]],
    ['Windows with winget', { os: 'win32', packageManager: 'winget' }, aws({ path: 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe' }), 'winget', [['winget', 'upgrade', '-e', '--id', 'Amazon.AWSCLI', '--accept-source-agreements', '--accept-package-agreements']]],
    ['Windows without winget', { os: 'win32', packageManager: undefined }, aws({ path: 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe' }), 'official MSI', [['duo-sso-setup', 'install', 'aws-cli', '--method', 'msi', '--yes']]],
    ['pip v1 under pyenv', linux(), aws({ path: '/home/u/.pyenv/shims/aws', realPath: '/home/u/.pyenv/shims/aws', major: 1 }), 'pip (AWS CLI v1)', [['duo-sso-setup', 'install', 'aws-cli', '--yes']]],
    ['something else', linux(), aws({ path: '/opt/tools/aws', realPath: '/opt/tools/aws' }), 'unknown', []],
  ])('%s', (_name, facts, found, method, commands) => {
    const m = detectAwsInstall(facts, found);
    expect(describeMethod(m)).toBe(method);
    expect(upgradeArgv(m)).toEqual(commands);
  });

  it('drops sudo when already root', () => {
    expect(upgradeArgv({ kind: 'package', manager: 'apt' }, true)).toEqual([['apt-get', 'install', '--only-upgrade', '-y', 'awscli']]);
  });

  it('reads apt-cache policy', () => {
    const text = 'awscli:\n  Installed: 2.9.19-1\n  Candidate: 2.9.19-2\n  Version table:\n';
    expect(parseAptPolicy(text)).toEqual({ installed: '2.9.19-1', candidate: '2.9.19-2' });
    expect(parseAptPolicy('awscli:\n  Installed: (none)\n  Candidate: 2.9.19-1\n')).toEqual({ installed: undefined, candidate: '2.9.19-1' });
  });
});

describe('self upgrade plans', () => {
  it.each<[string, 'node' | 'deno', string | undefined, string[][]]>([
    ['/usr/local/lib/node_modules/duo-sso-setup/dist/cli.js', 'node', undefined, [['npm', 'install', '--global', '--prefix', '/usr/local', 'duo-sso-setup@latest']]],
    ['/home/u/.nvm/versions/node/v20.11.0/lib/node_modules/duo-sso-setup/bin/duo-sso-setup.cjs', 'node', undefined, [['npm', 'install', '--global', '--prefix', '/home/u/.nvm/versions/node/v20.11.0', 'duo-sso-setup@latest']]],
    // install.sh's fallback when npm's global prefix is not writable: the upgrade must go to the same place.
    ['/home/u/.local/lib/node_modules/duo-sso-setup/dist/cli.js', 'node', undefined, [['npm', 'install', '--global', '--prefix', '/home/u/.local', 'duo-sso-setup@latest']]],
    ['C:\\Users\\u\\AppData\\Roaming\\npm\\node_modules\\duo-sso-setup\\dist\\cli.js', 'node', undefined, [['npm', 'install', '--global', '--prefix', 'C:/Users/u/AppData/Roaming/npm', 'duo-sso-setup@latest']]],
    ['/home/u/.cache/deno/npm/registry.npmjs.org/duo-sso-setup/0.1.0/dist/cli.js', 'deno', undefined, [['deno', 'install', '--global', '--allow-all', '--quiet', '--force', '--name', 'duo-sso-setup', 'npm:duo-sso-setup@latest']]],
    ['/opt/homebrew/Cellar/duo-sso-setup/0.1.0/libexec/lib/node_modules/duo-sso-setup/dist/cli.js', 'node', '/opt/homebrew', [['brew', 'upgrade', 'duo-sso-setup']]],
    ['/home/u/.npm/_npx/1234/node_modules/duo-sso-setup/dist/cli.js', 'node', undefined, []],
    ['/work/repo/dist-upgrade/cli.js', 'node', undefined, [['git', '-C', '/work/repo', 'pull', '--ff-only'], ['npm', '--prefix', '/work/repo', 'run', 'build']]],
  ])('%s under %s', (script, runtime, prefix, commands) => {
    expect(selfUpgradeArgv(detectSelfInstall(script, runtime, prefix))).toEqual(commands);
  });
});
