import { describePlatform } from '../../platform/facts.js';
import { result, type Check } from '../types.js';

export const platformCheck: Check = {
  id: 'platform',
  title: 'Platform',
  async run({ platform, runner }) {
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
    const details: string[] = [];
    if (platform.wsl) details.push('WSL: no Secret Service by default; duo-sso stores its secrets with pass.');
    if (platform.os === 'linux' && !platform.packageManager) {
      return result.warn(describePlatform(platform), [...details, 'No supported package manager (apt, dnf, yum, pacman, zypper, apk) was recognised: install pass and gnupg by hand.'], undefined, data);
    }
    return result.ok(`${describePlatform(platform)}${macosVersion ? `, macOS ${macosVersion}` : ''}`, details, data);
  },
};
