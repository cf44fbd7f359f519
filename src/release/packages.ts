// Which packages each system package manager needs, and the exact argv that installs them
// unattended. Data only: the facts page (§4) is the source for the names.
import type { PackageManager } from '../platform/os-release.js';

export type AnyPackageManager = PackageManager | 'brew';

export const PASS_GPG_PACKAGES: Record<AnyPackageManager, string[]> = {
  apt: ['pass', 'gnupg'],
  dnf: ['pass', 'gnupg2'],
  yum: ['pass', 'gnupg2'],
  pacman: ['pass', 'gnupg'],
  zypper: ['password-store', 'gpg2'],
  apk: ['pass', 'gnupg'],
  brew: ['pass', 'gnupg'],
};

/** Distro packages of the AWS CLI. Older releases may package v1; the verify step says so. */
export const AWS_CLI_PACKAGES: Record<AnyPackageManager, string[]> = {
  apt: ['awscli'],
  dnf: ['awscli2'],
  yum: ['awscli'],
  pacman: ['aws-cli-v2'],
  zypper: ['aws-cli'],
  apk: ['aws-cli'],
  brew: ['awscli'],
};

export function installArgv(pm: AnyPackageManager, packages: readonly string[]): string[] {
  switch (pm) {
    // Wait for the dpkg lock (unattended-upgrades on a fresh machine) instead of failing at once.
    case 'apt': return ['apt-get', '-o', 'DPkg::Lock::Timeout=120', 'install', '-y', ...packages];
    case 'dnf': return ['dnf', 'install', '-y', ...packages];
    case 'yum': return ['yum', 'install', '-y', ...packages];
    case 'pacman': return ['pacman', '-S', '--needed', '--noconfirm', ...packages];
    case 'zypper': return ['zypper', '--non-interactive', 'install', ...packages];
    case 'apk': return ['apk', 'add', ...packages];
    case 'brew': return ['brew', 'install', ...packages];
  }
}

/** Environment that keeps a package manager from asking questions. */
export function installEnv(pm: AnyPackageManager): Record<string, string> {
  return pm === 'apt' ? { DEBIAN_FRONTEND: 'noninteractive' } : pm === 'brew' ? { HOMEBREW_NO_AUTO_UPDATE: '1' } : {};
}
