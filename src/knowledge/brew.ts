// Failures installing or upgrading duo-sso through Homebrew and the ats-operations tap.
import { DEFAULT_TAP_URL as TAP_URL, TAP } from '../brew/names.js';
import type { KnownFailure } from './types.js';

const FORMULA = `${TAP}/duo-sso`;

export const brewFailures: readonly KnownFailure[] = [
  {
    id: 'brew-tap-trust',
    title: 'Homebrew does not trust the tap',
    group: 'brew',
    patterns: [
      /Refusing to load (?:formula )?\S+ from untrusted tap (?<tap>[\w.-]+\/[\w.-]+?)\.?$/m,
      /The following taps are not trusted/,
      /tap trust is required/,
    ],
    supersedes: ['brew-tap-broken', 'brew-no-available-formula'],
    explanation:
      'Homebrew 6 loads formulae from third-party taps only once you trust them. Until then the tap is ignored, which also '
      + 'shows up as "invalid syntax in tap" or "No available formula". Trusting only the duo-sso formula is narrower than '
      + 'trusting the whole tap. (`HOMEBREW_NO_REQUIRE_TAP_TRUST=1` opts out for now; not recommended.)',
    fix: {
      description: 'Trust the duo-sso formula from the tap, then install it by its full name',
      commands: [['brew', 'trust', '--formula', FORMULA], ['brew', 'install', FORMULA]],
      automatic: false,
    },
    example: `Error: Refusing to load formula ${FORMULA} from untrusted tap ${TAP}.\nRun \`brew trust --formula ${FORMULA}\` or \`brew trust ${TAP}\` to trust it.`,
  },
  {
    id: 'brew-no-available-formula',
    title: 'Homebrew cannot find the duo-sso formula',
    group: 'brew',
    patterns: [/No available formula with the name "?(?<formula>[\w@.+/-]+?)"?[.\s]/, /No formulae or casks found for "?(?<formula>[\w@.+/-]+?)"?[.\s]/],
    explanation:
      'The tap is not tapped, or its formula list is stale right after tapping. Tap it, refresh, and install by the '
      + 'fully qualified name so the right tap is used.',
    fix: {
      description: 'Tap, refresh and install by full name',
      commands: [['brew', 'tap', TAP, TAP_URL], ['brew', 'update'], ['brew', 'install', FORMULA]],
      automatic: false,
    },
    example: 'Warning: No available formula with the name "duo-sso". Did you mean duo-sso?\n==> Searching for similarly named formulae and casks...',
  },
  {
    id: 'brew-tap-broken',
    title: 'The Homebrew tap is broken',
    group: 'brew',
    patterns: [
      /Cannot tap (?<tap>[\w.-]+\/[\w.-]+): invalid syntax in tap/,
      /Tap (?<tap>[\w.-]+\/[\w.-]+) remote mismatch/,
      /couldn't find remote ref refs\/heads\/master/,
      /Fetching \S*\/Taps\/\S+ failed!/,
      /Error: Invalid formula: \S*\/Taps\//,
    ],
    explanation:
      'The tap\'s git checkout is out of step: its default branch was renamed, its remote URL changed, or an upgrade was '
      + 'interrupted. If the repair does not help, start over: `brew uninstall duo-sso`, `brew untap ' + TAP + '`, '
      + '`brew cleanup`, `brew tap ' + TAP + ' ' + TAP_URL + '`, `brew install duo-sso`.',
    fix: {
      description: 'Repair the tap and upgrade duo-sso',
      commands: [['brew', 'tap', '--repair', TAP], ['brew', 'upgrade', 'duo-sso']],
      automatic: false,
    },
    example: `Error: Tap ${TAP} remote mismatch.\n${TAP_URL}.git != https://wwwin-github.cisco.com/ats-operations/homebrew-tap-old`,
  },
];
