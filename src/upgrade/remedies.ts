// "What to do next" when the ladder stops, one entry per rung that can end it. Commands are
// data so the human report and --json say the same thing.
import { FORMULA, QUALIFIED_FORMULA, TAP } from '../brew/names.js';
import type { RungId } from './ladder.js';
import type { StepRecord } from './run-ladder.js';

export interface Remedy {
  advice: string;
  commands: string[][];
}

export function remedyFor(failed: StepRecord, tapUrl: string): Remedy {
  const id: RungId = failed.rung;
  switch (id) {
    case 'uninstall':
      return { advice: 'Homebrew could not uninstall duo-sso. Force the removal, then run the upgrade again.', commands: [['brew', 'uninstall', '--force', FORMULA]] };
    case 'untap':
      return { advice: 'Homebrew would not remove the tap. Force it (duo-sso is already uninstalled), then run the upgrade again.', commands: [['brew', 'untap', '--force', TAP]] };
    case 'tap':
      return {
        advice: `Homebrew could not clone the tap from ${tapUrl}. Check that you are on the VPN and can open that URL in a browser; if the tap moved, give its URL with --tap-url.`,
        commands: [['brew', 'tap', TAP, tapUrl]],
      };
    case 'install':
      if (failed.outcome === 'untrusted') {
        return { advice: 'Homebrew refuses to install from a tap you have not trusted. Trust it (or set HOMEBREW_NO_REQUIRE_TAP_TRUST=1 for now), then install.', commands: [['brew', 'trust', TAP], ['brew', 'install', QUALIFIED_FORMULA]] };
      }
      if (failed.outcome === 'no-formula') {
        return { advice: `The tap cloned from ${tapUrl} has no duo-sso formula, even after brew update. Check the tap URL (--tap-url).`, commands: [['brew', 'tap-info', TAP]] };
      }
      return { advice: 'Homebrew could not install duo-sso. Look at its message above; `brew doctor` often names the cause.', commands: [['brew', 'doctor'], ['brew', 'install', '--verbose', QUALIFIED_FORMULA]] };
    case 'update':
      return { advice: 'brew update failed, so the formula index stays stale. Check network access to GitHub and the tap, then run it by hand.', commands: [['brew', 'update', '--verbose'], ['brew', 'doctor']] };
    case 'verify':
      return {
        advice: 'Homebrew finished, but duo-sso does not report the new version. Another duo-sso earlier on PATH, or an unlinked keg, is the usual cause.',
        commands: [['which', '-a', FORMULA], ['brew', 'link', '--overwrite', FORMULA]],
      };
    case 'upgrade':
    case 'upgrade-qualified':
    case 'tap-repair':
    case 'cleanup':
      return { advice: 'Look at Homebrew\'s message above; `brew doctor` often names the cause.', commands: [['brew', 'doctor']] };
  }
}
