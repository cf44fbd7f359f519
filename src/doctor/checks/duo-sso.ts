import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { findAll, findFileOnPath } from '../../platform/facts.js';
import { output, succeeded } from '../../platform/process.js';
import { parseVersion } from '../../parsers/tool-version.js';
import { DEFAULT_TAP_URL, DUO_SSO_RELEASE_URL, QUALIFIED_FORMULA, TAP } from '../../brew/names.js';
import { DUO_SSO_RELEASE_KEYS } from '../../release/keys/duo-sso-release.js';
import { releaseAssetName } from '../../release/release-source.js';
import { result, type Check, type Fix } from '../../check/types.js';
import type { PlatformFacts } from '../../platform/facts.js';

export function duoSsoInstallFix(platform: PlatformFacts): Fix {
  if (platform.os !== 'darwin' && platform.homebrewPrefix === undefined && DUO_SSO_RELEASE_KEYS.length === 0) {
    // The release download is refused unless something verifies it, and no key is pinned yet:
    // the plain `install duo-sso` (and so doctor --fix) could only fail. Its SHA-256 is what works.
    return {
      description: `Install duo-sso with the SHA-256 of ${releaseAssetName(platform.os, platform.arch)} from its release page (${DUO_SSO_RELEASE_URL.replace(/\/download$/, '')}); nothing else can verify the download yet. A file you already downloaded: --from FILE instead`,
      commands: [['duo-sso-setup', 'install', 'duo-sso', '--sha256', 'HEX']],
      automatic: false,
    };
  }
  const commands = platform.os === 'darwin'
    ? [['brew', 'tap', TAP, DEFAULT_TAP_URL], ['brew', 'install', QUALIFIED_FORMULA]]
    : [['duo-sso-setup', 'install', 'duo-sso']];
  return { description: 'Install duo-sso', commands, automatic: true, needsConfirmation: true };
}

export const duoSsoCheck: Check = {
  id: 'duo-sso',
  title: 'duo-sso',
  async run({ env, runner, platform }) {
    const names = platform.os === 'win32' ? ['duo-sso', 'duo-sso_windows_amd64'] : ['duo-sso'];
    const paths = names.flatMap((n) => findAll(n, env));
    const path = paths[0];
    if (!path) {
      // The PATH search skips files without the x bit: a download that lost it is not "missing".
      const stray = platform.os === 'win32' ? undefined : findFileOnPath('duo-sso', env);
      if (stray) return notExecutable(stray);
      return result.fail('not found on PATH', ['duo-sso performs the Duo SSO login and writes ~/.aws/credentials.'], duoSsoInstallFix(platform));
    }
    if (platform.os !== 'win32') {
      try {
        await access(path, constants.X_OK);
      } catch {
        return notExecutable(path);
      }
    }
    const r = await runner.run(path, ['--version'], { timeoutMs: 5000 });
    const version = parseVersion(output(r));
    const data = { path, version: version ?? null, others: paths.slice(1) };
    const details = paths.length > 1 ? [`also on PATH (not used): ${paths.slice(1).join(', ')}`] : [];
    if (!succeeded(r) && !version) {
      const why = r.timedOut ? 'timed out' : r.spawnError ?? (output(r).split('\n')[0] || `exit ${r.exitCode}`);
      return result.fail(`${path} does not run: ${why}`, ['A binary for another OS or architecture, or a damaged download.'], duoSsoInstallFix(platform), data);
    }
    return result.ok(`duo-sso ${version ?? '(version unknown)'} at ${path}`, details, data);
  },
};

function notExecutable(path: string) {
  return result.fail(`${path} is not executable`, ['It is on PATH, but without the executable bit the shell cannot run it (a download keeps none).'], {
    description: 'Make it executable', commands: [['chmod', '+x', path]], automatic: true,
  });
}
