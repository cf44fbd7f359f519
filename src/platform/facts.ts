// OS facts gathered once per run. Everything here is cheap (a few small file reads);
// anything that needs a subprocess belongs to a doctor check instead.
import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { arch as osArch, release } from 'node:os';
import { delimiter, join } from 'node:path';
import which from 'which';
import { distroFromOsRelease, packageManagerFor, type Distro, type PackageManager } from './os-release.js';
import type { Env } from './paths.js';

export type OsName = 'linux' | 'darwin' | 'win32' | 'other';

export interface PlatformFacts {
  os: OsName;
  arch: string;
  /** Linux only. */
  distro: Distro | undefined;
  /** The system package manager (Linux distro's, or brew/winget where those are the norm). */
  packageManager: PackageManager | 'brew' | 'winget' | undefined;
  wsl: boolean;
  /** Darwin kernel release mapped to a macOS version is unreliable; we report the kernel. */
  kernel: string;
  /** Homebrew's prefix when brew is on PATH. */
  homebrewPrefix: string | undefined;
}

export function osName(p: NodeJS.Platform): OsName {
  return p === 'linux' || p === 'darwin' || p === 'win32' ? p : 'other';
}

/** Every executable called `name` on PATH, in PATH order. Entries that are not directories are skipped. */
export function findAll(name: string, env: Env): string[] {
  const found = which.sync(name, { all: true, nothrow: true, path: env.PATH ?? env.Path ?? '' }) ?? [];
  // /bin and /usr/bin are one folder on merged-/usr systems: report each file once.
  const seen = new Set<string>();
  return found.filter((p) => {
    let real = p;
    try {
      real = realpathSync(p);
    } catch { /* a dangling link is still worth reporting */ }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

export function findFirst(name: string, env: Env): string | undefined {
  return findAll(name, env)[0];
}

/** The first plain file called `name` in a PATH folder, executable or not (findAll skips one that lost its x bit). */
export function findFileOnPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch { /* not there, or the PATH entry is not a folder */ }
  }
  return undefined;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function detectPlatform(env: Env, p: NodeJS.Platform = process.platform): Promise<PlatformFacts> {
  const os = osName(p);
  let distro: Distro | undefined;
  let wsl = false;
  if (os === 'linux') {
    const text = (await readText('/etc/os-release')) ?? (await readText('/usr/lib/os-release'));
    distro = text ? distroFromOsRelease(text) : undefined;
    const version = await readText('/proc/version');
    wsl = Boolean(env.WSL_DISTRO_NAME) || /microsoft/i.test(version ?? '');
  }
  const brew = findFirst('brew', env);
  const available = (name: string) => findFirst(name, env) !== undefined;
  const packageManager =
    os === 'linux' ? (distro ? packageManagerFor(distro, available) : undefined)
      : os === 'darwin' ? (brew ? 'brew' : undefined)
        : os === 'win32' ? (available('winget') ? 'winget' : undefined)
          : undefined;
  return {
    os,
    arch: osArch(),
    distro,
    packageManager,
    wsl,
    kernel: release(),
    homebrewPrefix: brew ? brewPrefixOf(brew) : undefined,
  };
}

/** Homebrew lives at PREFIX/bin/brew; asking `brew --prefix` would cost a subprocess. */
export function brewPrefixOf(brew: string): string {
  return brew.replace(/[\\/]bin[\\/]brew(\.exe)?$/, '');
}

export function describePlatform(f: PlatformFacts): string {
  const osLabel = f.os === 'darwin' ? 'macOS' : f.os === 'win32' ? 'Windows' : f.os === 'linux' ? 'Linux' : 'unknown OS';
  const parts = [`${osLabel} ${f.arch}`];
  if (f.distro) parts.push(f.distro.name);
  if (f.wsl) parts.push('WSL');
  parts.push(f.packageManager ? `package manager: ${f.packageManager}` : 'no known package manager');
  return parts.join(', ');
}
