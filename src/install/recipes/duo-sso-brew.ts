// duo-sso through the team's Homebrew tap (macOS, and Linux when brew is there). Homebrew 6
// requires trust for third-party taps, so the formula is installed by its fully qualified name.
import type { Recipe } from '../types.js';
import { hasBrew, verifyStep } from './common.js';
import { DEFAULT_TAP_URL, QUALIFIED_FORMULA, TAP } from '../../brew/names.js';

export const duoSsoBrew: Recipe = {
  component: 'duo-sso',
  method: 'brew',
  // With --from the user already has the binary: the release recipe installs that file.
  applies: (input) => hasBrew(input) && input.options.from === undefined && input.facts.os !== 'win32',
  plan: (input) => ({
    component: 'duo-sso',
    method: 'brew',
    summary: `duo-sso from the ${TAP} Homebrew tap`,
    steps: [
      { kind: 'run', title: `Tap ${TAP}`, argv: ['brew', 'tap', TAP, input.options.tapUrl ?? DEFAULT_TAP_URL], sudo: false, mutates: true, timeoutMs: 300_000 },
      { kind: 'run', title: 'Install duo-sso', argv: ['brew', 'install', QUALIFIED_FORMULA], sudo: false, mutates: true, timeoutMs: 600_000, env: { HOMEBREW_NO_AUTO_UPDATE: '1' } },
      verifyStep('Check duo-sso runs', 'duo-sso', 'duo-sso'),
    ],
    notes: ['The tap is on the internal GitHub: you need to be on the corporate network or VPN.'],
  }),
};
