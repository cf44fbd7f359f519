import { constants } from 'node:fs';
import { access, stat, statfs } from 'node:fs/promises';
import { describeFsProblem, FS_CODES, type FsCode } from '../../fs/fs-errors.js';
import { HOME_UNSET, homeUnset } from '../../platform/home-rule.js';
import { userInfo } from 'node:os';
import { describePlatform } from '../../platform/facts.js';
import { result, type Check, type CheckResult } from '../../check/types.js';

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
    if (homeUnset(env, platform.os === 'win32' ? 'win32' : 'linux')) {
      return result.fail(HOME_UNSET, homeDetails, { description: `Set it to your home folder: export HOME=${paths.home}`, commands: [], automatic: false }, data);
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

/** Less than this free under HOME and writing a config or a key fails half-way. */
const MIN_FREE_BYTES = 64 * 1024;

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
  const refused = await access(home, constants.R_OK | constants.W_OK | constants.X_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code ?? 'EACCES');
  if (refused) {
    const problem = describeFsProblem((FS_CODES as readonly string[]).includes(refused) ? refused as FsCode : 'EACCES', home);
    const user = currentUser();
    return result.fail(`HOME (${home}): ${problem.cause}`, details, {
      description: problem.fix,
      // chown and chmod help with permissions only, never with a read-only file system.
      commands: user && (problem.code === 'EACCES' || problem.code === 'EPERM') ? [['sudo', 'chown', user, home], ['chmod', 'u+rwx', home]] : [],
      automatic: false,
    }, data);
  }
  // A full disk refuses every write the tools make (config, credentials, gpg's keyring).
  const space = await statfs(home).catch(() => undefined);
  if (space && space.bavail * space.bsize < MIN_FREE_BYTES) {
    const problem = describeFsProblem('ENOSPC', home);
    return result.fail(`HOME (${home}): ${problem.cause}`, details, { description: problem.fix, commands: [], automatic: false }, data);
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
