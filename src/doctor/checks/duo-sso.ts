import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { findAll, findFileOnPath } from '../../platform/facts.js';
import { output, succeeded } from '../../platform/process.js';
import { parseVersion } from '../../parsers/tool-version.js';
import { duoSsoInstallFix } from '../../remedies/duo-sso.js';
import { result, type Check } from '../../check/types.js';

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
