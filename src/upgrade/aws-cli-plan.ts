// How the AWS CLI on PATH was installed, and the upgrade that matches: Homebrew, the
// official zip installer (`--update`, signature-verified by `install aws-cli`), the macOS
// pkg, winget or the MSI on Windows, or the distro's package manager. Pure: facts in, plan out.
import type { PlatformFacts } from '../platform/facts.js';
import type { PackageManager } from '../platform/os-release.js';
import { AWS_CLI_PACKAGES } from '../release/packages.js';

export type AwsInstallMethod =
  | { kind: 'brew' }
  | { kind: 'zip'; system: boolean }
  | { kind: 'pkg' }
  | { kind: 'winget' }
  | { kind: 'msi' }
  | { kind: 'package'; manager: PackageManager }
  | { kind: 'pip'; path: string }
  | { kind: 'unknown'; path: string };

export interface AwsInstallFacts {
  /** The aws on PATH, and where its symlinks lead. */
  path: string;
  realPath: string;
  /** `exe`, `source`… from `aws --version`. */
  distribution: string | undefined;
  major: number | undefined;
  brewListed: boolean;
  brewPrefix: string | undefined;
}

export function detectAwsInstall(facts: Pick<PlatformFacts, 'os' | 'packageManager'>, aws: AwsInstallFacts): AwsInstallMethod {
  const inBrew = aws.brewPrefix !== undefined && (aws.realPath.startsWith(`${aws.brewPrefix}/`) || aws.path.startsWith(`${aws.brewPrefix}/`));
  if (aws.brewListed || inBrew) return { kind: 'brew' };
  if (facts.os === 'win32') return facts.packageManager === 'winget' ? { kind: 'winget' } : { kind: 'msi' };
  if (aws.major === 1 && /python|site-packages|pyenv|\.local\/bin/i.test(aws.realPath)) return { kind: 'pip', path: aws.path };
  // The official installers put the real binary in …/aws-cli/v2/<version>/dist/aws.
  const official = /[\\/]aws-cli[\\/]v2[\\/]/.test(aws.realPath) || aws.distribution === 'exe';
  if (facts.os === 'darwin' && official) return { kind: 'pkg' };
  if (facts.os === 'linux' && official) return { kind: 'zip', system: !aws.realPath.includes('/home/') && !aws.realPath.startsWith('/root/') };
  if (facts.os === 'linux' && facts.packageManager && facts.packageManager !== 'winget' && facts.packageManager !== 'brew') {
    if (aws.distribution === 'source' || /^\/usr\/(s?bin|lib)\//.test(aws.realPath)) return { kind: 'package', manager: facts.packageManager };
  }
  return { kind: 'unknown', path: aws.path };
}

/**
 * The argv that upgrades the AWS CLI installed this way. Our own `install` runs as a child
 * without a terminal, so it carries --yes: the upgrade was approved before it runs, and
 * without it the child refuses ("no terminal to confirm it").
 */
export function upgradeArgv(method: AwsInstallMethod, isRoot = false): string[][] {
  const sudo = isRoot ? [] : ['sudo'];
  switch (method.kind) {
    case 'brew':
      return [['brew', 'upgrade', 'awscli']];
    case 'zip':
      return [['duo-sso-setup', 'install', 'aws-cli', '--method', 'zip', '--update', ...(method.system ? ['--system'] : []), '--yes']];
    case 'pkg':
      return [['duo-sso-setup', 'install', 'aws-cli', '--method', 'pkg', '--yes']];
    case 'winget':
      return [['winget', 'upgrade', '-e', '--id', 'Amazon.AWSCLI', '--accept-source-agreements', '--accept-package-agreements']];
    case 'msi':
      // Through our install: it checks the MSI's signature before msiexec runs it.
      return [['duo-sso-setup', 'install', 'aws-cli', '--method', 'msi', '--yes']];
    case 'package': {
      const pkgs = AWS_CLI_PACKAGES[method.manager];
      switch (method.manager) {
        case 'apt': return [[...sudo, 'apt-get', 'install', '--only-upgrade', '-y', ...pkgs]];
        case 'dnf': return [[...sudo, 'dnf', 'upgrade', '-y', ...pkgs]];
        case 'yum': return [[...sudo, 'yum', 'update', '-y', ...pkgs]];
        case 'pacman': return [[...sudo, 'pacman', '-S', '--needed', '--noconfirm', ...pkgs]];
        case 'zypper': return [[...sudo, 'zypper', '--non-interactive', 'update', ...pkgs]];
        case 'apk': return [[...sudo, 'apk', 'add', '--upgrade', ...pkgs]];
      }
      return [];
    }
    case 'pip':
      // v1 from pip: the upgrade that matters is to v2, through the official installer.
      return [['duo-sso-setup', 'install', 'aws-cli', '--yes']];
    case 'unknown':
      return [];
  }
}

export function describeMethod(method: AwsInstallMethod): string {
  switch (method.kind) {
    case 'brew': return 'homebrew';
    case 'zip': return method.system ? 'official zip installer (system-wide)' : 'official zip installer';
    case 'pkg': return 'official macOS pkg';
    case 'winget': return 'winget';
    case 'msi': return 'official MSI';
    case 'package': return `${method.manager} package`;
    case 'pip': return 'pip (AWS CLI v1)';
    case 'unknown': return 'unknown';
  }
}

/** `apt-cache policy awscli` → installed and candidate versions ("(none)" means not installed). */
export function parseAptPolicy(text: string): { installed: string | undefined; candidate: string | undefined } {
  const field = (name: string) => {
    const v = new RegExp(`^\\s*${name}:\\s*(\\S+)`, 'm').exec(text)?.[1];
    return v && v !== '(none)' ? v : undefined;
  };
  return { installed: field('Installed'), candidate: field('Candidate') };
}
