// How this tool was installed, from where its own script lives and which runtime runs it,
// and the exact command that upgrades it. Pure, so every layout is unit-tested.

export type SelfInstall =
  /** `prefix`: the npm prefix it lives under (install.sh uses ~/.local when the global one is not writable). */
  | { kind: 'npm-global'; prefix: string | undefined }
  | { kind: 'npx' }
  | { kind: 'deno' }
  | { kind: 'brew' }
  | { kind: 'checkout'; dir: string };

export const PACKAGE = 'duo-sso-setup';

export function detectSelfInstall(script: string, runtime: 'node' | 'deno', brewPrefix: string | undefined): SelfInstall {
  const p = script.replace(/\\/g, '/');
  if (/\/Cellar\/duo-sso-setup\//.test(p) || (brewPrefix && p.startsWith(`${brewPrefix}/`) && p.includes('/duo-sso-setup/'))) return { kind: 'brew' };
  if (/\/_npx\//.test(p)) return { kind: 'npx' };
  if (runtime === 'deno' && !p.includes('/node_modules/') && /\/\.deno\/|deno[\\/]npm|\/deno\//.test(p)) return { kind: 'deno' };
  if (/\/node_modules\/duo-sso-setup\//.test(p)) {
    if (runtime === 'deno') return { kind: 'deno' };
    // PREFIX/lib/node_modules on Unix, PREFIX/node_modules on Windows.
    const prefix = /^(.*?)(?:\/lib)?\/node_modules\/duo-sso-setup\//.exec(p)?.[1];
    return { kind: 'npm-global', prefix: prefix || undefined };
  }
  // …/REPO/dist*/cli.js (or bin/…): the checkout is the folder above the build folder.
  const dir = /\/(dist[^/]*|bin)\/[^/]+$/.test(p) ? p.replace(/\/(dist[^/]*|bin)\/[^/]+$/, '') : p.replace(/\/[^/]+$/, '');
  return { kind: 'checkout', dir };
}

export function selfUpgradeArgv(install: SelfInstall): string[][] {
  switch (install.kind) {
    // The same prefix it was installed into: a plain --global would go to npm's default
    // prefix, which may be root-owned, or install a second copy the PATH does not use.
    case 'npm-global': return [['npm', 'install', '--global', ...(install.prefix ? ['--prefix', install.prefix] : []), `${PACKAGE}@latest`]];
    // --quiet is kept in the script deno install writes: without it, each run at a terminal writes
    // Deno's line-clearing sequence for every module it loads (README, Deno section).
    case 'deno': return [['deno', 'install', '--global', '--allow-all', '--quiet', '--force', '--name', PACKAGE, `npm:${PACKAGE}@latest`]];
    case 'brew': return [['brew', 'upgrade', PACKAGE]];
    // npx fetches the newest version each time it is asked for @latest.
    case 'npx': return [];
    case 'checkout': return [['git', '-C', install.dir, 'pull', '--ff-only'], ['npm', '--prefix', install.dir, 'run', 'build']];
  }
}

export function describeSelfInstall(install: SelfInstall): string {
  switch (install.kind) {
    case 'npm-global': return 'npm (global)';
    case 'deno': return 'deno install';
    case 'brew': return 'homebrew';
    case 'npx': return 'npx';
    case 'checkout': return `source checkout (${install.dir})`;
  }
}
