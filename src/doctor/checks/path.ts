// Tools installed per user (~/.local/bin) only help when that folder is on PATH.
import { readdir } from 'node:fs/promises';
import { delimiter, isAbsolute, resolve } from 'node:path';
import { result, type Check } from '../../check/types.js';

export const pathCheck: Check = {
  id: 'path',
  title: 'PATH',
  async run({ env, paths, platform }) {
    const entries = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
    const local = await readdir(paths.localBin).catch(() => [] as string[]);
    const ours = local.filter((n) => /^(duo-sso|aws)(\.exe)?$/.test(n));
    // `~/.local/bin/` and `~/.local//bin` are the same folder as `~/.local/bin`.
    const onPath = entries.some((e) => isAbsolute(e) && resolve(e) === resolve(paths.localBin));
    if (ours.length > 0 && !onPath) {
      const shellLine = platform.os === 'win32' ? `setx PATH "%PATH%;${paths.localBin}"` : `export PATH="${paths.localBin}:$PATH"`;
      return result.fail(`${paths.localBin} holds ${ours.join(', ')} but is not on PATH`, [`Add to your shell profile: ${shellLine}`], {
        description: `Add ${paths.localBin} to PATH in your shell profile`,
        commands: [['duo-sso-setup', 'install', 'duo-sso', '--add-to-path']],
        automatic: false,
      });
    }
    return result.ok(`${entries.length} entries`, [], { entries });
  },
};
