import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { describePlatform } from '../../platform/facts.js';
import { result, type Check, type CheckResult } from '../types.js';

export const platformCheck: Check = {
  id: 'platform',
  title: 'Platform',
  async run({ platform, runner, paths, env }) {
    // Darwin kernel numbers stopped tracking macOS versions (macOS 26 is Darwin 25): ask.
    const macosVersion = platform.os === 'darwin'
      ? (await runner.run('sw_vers', ['-productVersion'], { timeoutMs: 3000 })).stdout.trim() || undefined
      : undefined;
    const data = {
      ...(macosVersion ? { macosVersion } : {}),
      os: platform.os,
      arch: platform.arch,
      distro: platform.distro?.name ?? null,
      packageManager: platform.packageManager ?? null,
      wsl: platform.wsl,
    };
    if (platform.os === 'other') {
      return result.fail(`unsupported operating system (${describePlatform(platform)})`, ['duo-sso is built for macOS, Linux and Windows.'], undefined, data);
    }
    const homeDetails = [HOME_WHY, `This machine: ${describePlatform(platform)}.`];
    if (platform.os !== 'win32' && !env.HOME) {
      return result.fail('HOME is not set', homeDetails, { description: `Set it to your home folder: export HOME=${paths.home}`, commands: [], automatic: false }, data);
    }
    const home = await homeProblem(paths.home, homeDetails, data);
    if (home) return home;
    const details: string[] = [];
    if (platform.wsl) details.push('WSL: no Secret Service by default; duo-sso stores its secrets with pass.');
    if (platform.os === 'linux' && !platform.packageManager) {
      return result.warn(describePlatform(platform), [...details, 'No supported package manager (apt, dnf, yum, pacman, zypper, apk) was recognised: install pass and gnupg by hand.'], undefined, data);
    }
    return result.ok(`${describePlatform(platform)}${macosVersion ? `, macOS ${macosVersion}` : ''}`, details, data);
  },
};

const HOME_WHY = 'duo-sso, the AWS CLI, gpg, pass and this tool all keep their files under HOME.';

/** A HOME that is missing, not a folder or not writable breaks every tool at once: say so first. */
async function homeProblem(home: string, details: string[], data: Record<string, unknown>): Promise<CheckResult | undefined> {
  const info = await stat(home).catch((error: NodeJS.ErrnoException) => error.code ?? 'unknown');
  if (info === 'ENOENT') {
    return result.fail(`HOME (${home}) does not exist`, details, { description: 'Create it, or set HOME to your home folder', commands: [['mkdir', '-p', home]], automatic: false }, data);
  }
  if (typeof info === 'string' || !info.isDirectory()) {
    return result.fail(`HOME (${home}) is not a folder${typeof info === 'string' ? ` (${info})` : ''}`, details, { description: 'Set HOME to your home folder', commands: [], automatic: false }, data);
  }
  const writable = await access(home, constants.R_OK | constants.W_OK | constants.X_OK).then(() => true, () => false);
  if (!writable) {
    const user = currentUser();
    return result.fail(`HOME (${home}) is not readable and writable by you`, details, {
      description: 'Give it back to your user, or set HOME to your home folder',
      commands: user ? [['sudo', 'chown', user, home], ['chmod', 'u+rwx', home]] : [],
      automatic: false,
    }, data);
  }
  return undefined;
}

function currentUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
