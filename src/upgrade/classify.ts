// Reads what brew printed into a ladder Outcome. Homebrew's wording changes between
// versions, so each pattern is loose and the fallback is simply the exit code.
import { output, succeeded, type RunResult } from '../platform/process.js';
import type { Outcome, RungId } from './ladder.js';

const NO_FORMULA = /No available formula|No formulae found|No formulae or casks found/i;
const UNTRUSTED = /\buntrusted\b|\bnot trusted\b|\bbrew trust\b|REQUIRE_TAP_TRUST/i;
/** The state the step wanted is already there: a rerun after a half-finished repair. */
const ALREADY_DONE: Partial<Record<RungId, RegExp>> = {
  uninstall: /No such keg|is not installed|No installed keg/i,
  untap: /No available tap|is not tapped|No such tap|not tapped/i,
  tap: /already tapped/i,
};

export function classify(id: RungId, result: RunResult): Outcome {
  const text = output(result);
  if (succeeded(result)) return 'ok';
  if (result.spawnError || result.timedOut) return 'failed';
  if (ALREADY_DONE[id]?.test(text)) return 'ok';
  if ((id === 'upgrade' || id === 'upgrade-qualified' || id === 'install') && NO_FORMULA.test(text)) return 'no-formula';
  if ((id === 'upgrade' || id === 'install') && UNTRUSTED.test(text)) return 'untrusted';
  return 'failed';
}
