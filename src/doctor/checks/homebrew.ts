// On macOS duo-sso comes from the ats-operations tap; elsewhere brew is optional and
// this check only speaks when brew exists.
import { findFirst } from '../../platform/facts.js';
import { output, succeeded } from '../../platform/process.js';
import { DEFAULT_TAP_URL, QUALIFIED_FORMULA, TAP, sameTap } from '../../brew/names.js';
import { result, type Check } from '../../check/types.js';

export const homebrewCheck: Check = {
  id: 'homebrew',
  title: 'Homebrew',
  applies: (platform, { env }) => platform.os === 'darwin' || findFirst('brew', env) !== undefined,
  async run({ env, runner }) {
    const brew = findFirst('brew', env);
    if (!brew) {
      return result.fail('brew not found', ['On macOS duo-sso is installed from a Homebrew tap.'], {
        description: 'Install Homebrew (see https://brew.sh), then run duo-sso-setup install duo-sso',
        commands: [],
        automatic: false,
      });
    }
    const [taps, list] = await Promise.all([
      runner.run(brew, ['tap'], { timeoutMs: 8000 }),
      runner.run(brew, ['list', '--versions', 'duo-sso'], { timeoutMs: 8000 }),
    ]);
    const data = { brew };
    if (!succeeded(taps)) return result.fail('`brew tap` failed', [output(taps)], undefined, data);
    // `brew tap` lists the short name (ats-operations/tap) of the repository homebrew-tap.
    const tapped = taps.stdout.split(/\r?\n/).some((l) => l.trim() !== '' && sameTap(l, TAP));
    const installed = succeeded(list) && /\bduo-sso\b/.test(list.stdout);
    if (!tapped) {
      return result[installed ? 'warn' : 'fail'](`tap ${TAP} is missing`, [installed ? 'duo-sso is installed but its tap is gone: upgrades will fail.' : 'duo-sso is published only in this tap.'], {
        description: `Tap ${TAP}`,
        commands: [['brew', 'tap', TAP, DEFAULT_TAP_URL]],
        automatic: true,
        needsConfirmation: true,
      }, data);
    }
    if (!installed) {
      return result.warn(`tap ${TAP} present, duo-sso not installed from it`, [], {
        description: 'Install duo-sso from the tap (fully qualified: Homebrew 6 tap trust)',
        commands: [['brew', 'install', QUALIFIED_FORMULA]],
        automatic: true,
        needsConfirmation: true,
      }, data);
    }
    return result.ok(`${list.stdout.trim()} from ${TAP}`, [], data);
  },
};
