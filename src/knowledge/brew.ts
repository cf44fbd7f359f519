// Failures installing or upgrading duo-sso through Homebrew and the ats-operations tap.
import { DEFAULT_TAP_URL as TAP_URL, TAP } from '../brew/names.js';
import type { KnownFailure } from './types.js';

const FORMULA = `${TAP}/duo-sso`;
// The repair ladder (src/upgrade/ladder.ts): tap repair, then uninstall, untap, cleanup, tap, install.
const UPGRADE = ['duo-sso-setup', 'upgrade', 'duo-sso'];

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
      + 'interrupted. By hand the repair is `brew tap --repair ' + TAP + '`, and when that is not enough: `brew uninstall duo-sso`, '
      + '`brew untap ' + TAP + '`, `brew cleanup`, `brew tap ' + TAP + ' ' + TAP_URL + '`, `brew install duo-sso`.',
    fix: {
      description: 'Let the upgrade repair it: it repairs the tap, and when that is not enough uninstalls, re-taps and reinstalls duo-sso',
      commands: [UPGRADE],
      automatic: false,
    },
    example: `Error: Tap ${TAP} remote mismatch.\n${TAP_URL}.git != https://wwwin-github.cisco.com/ats-operations/homebrew-tap-old`,
  },
  {
    id: 'brew-stale-tap-dsl',
    title: 'The tap\'s formula uses Homebrew syntax that has been removed',
    group: 'brew',
    patterns: [
      // Homebrew's odisabled(): "Calling X is disabled! Use Y instead." / "There is no replacement."
      /Calling (?<dsl>.{1,80}?) is disabled!/,
      /undefined method [`'‘](?<dsl>[^'’`\s]+)['’] for (?:#<)?(?:Formula|BottleSpecification|SoftwareSpec|Resource)\b/,
      /undefined method [`'‘][^'’`\s]+['’] for (?:an instance of )?(?:Formula|BottleSpecification)\b/,
      /uninitialized constant Formulary::FormulaNamespace\w*::(?<dsl>\w+)/,
    ],
    supersedes: ['brew-tap-broken'],
    explanation:
      'Homebrew removes formula syntax (DSL) a few releases after deprecating it (`bottle :unneeded`, `sha1`, `cellar` in a '
      + 'bottle block...). A formula file that still uses it no longer loads, and Homebrew then refuses the whole tap ("invalid '
      + 'syntax in tap"). Usually your clone of the tap is older than the fixed formula: re-cloning it cures it. If a fresh '
      + 'clone fails the same way, the tap itself needs the fix: report it to the tap\'s maintainers (ATS-operations).',
    fix: {
      description: 'Re-clone the tap and reinstall duo-sso through the upgrade\'s repair ladder (uninstall, untap, cleanup, tap, install)',
      commands: [UPGRADE],
      automatic: false,
    },
    example: `Error: Invalid formula: /opt/homebrew/Library/Taps/ats-operations/homebrew-tap/Formula/duo-sso.rb\nduo-sso: Calling bottle :unneeded is disabled! There is no replacement.\nError: Cannot tap ${TAP}: invalid syntax in tap!`,
  },
  {
    id: 'brew-tap-clone-failed',
    title: 'git could not clone the tap from the internal GitHub',
    group: 'brew',
    patterns: [
      /Failure while executing;? `[^`]*\bgit\b[^`]*\bclone\b[^`]*` exited with 128/,
      /fatal: could not read Username for 'https?:\/\/(?<host>[\w.-]+)': (?:terminal prompts disabled|No such device or address)/,
      /fatal: Authentication failed for 'https?:\/\/(?<host>[\w.-]+)\//,
      /remote: Repository not found\./,
    ],
    supersedes: ['brew-tap-broken'],
    explanation:
      'git stopped with its "fatal" exit code (128) while cloning the tap. The internal GitHub Enterprise '
      + `(${new URL(TAP_URL).host}) is reachable only on the VPN, and cloning it over HTTPS needs your GitHub Enterprise `
      + 'credentials: Homebrew runs git with GIT_TERMINAL_PROMPT=0, so git cannot ask for them and fails with "could not read '
      + 'Username". Store them once in git\'s credential helper (a personal access token, or `gh auth login --hostname '
      + `${new URL(TAP_URL).host}\`), then run the upgrade again.`,
    fix: {
      description: 'Connect to the VPN, check git can reach and authenticate to the internal GitHub (it asks for your credentials), then let the upgrade re-tap',
      commands: [['duo-sso-setup', 'doctor', '--only', 'network'], ['git', 'ls-remote', TAP_URL], UPGRADE],
      automatic: false,
    },
    describe: (f) => (f.host ? `git could not authenticate to ${f.host}.` : undefined),
    example: `==> Tapping ${TAP}\nCloning into '/opt/homebrew/Library/Taps/ats-operations/homebrew-tap'...\nfatal: could not read Username for '${new URL(TAP_URL).origin}': terminal prompts disabled\nError: Failure while executing; \`/usr/bin/env GIT_TERMINAL_PROMPT=0 git clone ${TAP_URL} /opt/homebrew/Library/Taps/ats-operations/homebrew-tap --origin=origin --template= --config core.fsmonitor=false\` exited with 128.`,
  },
];
