// Failures installing or upgrading duo-sso through Homebrew and the ats-operations tap.
import { DEFAULT_TAP_URL as TAP_URL, TAP } from '../brew/names.js';
import { HOMEBREW_CONTEXT, OOM_CONTEXT, inContext, unlessContext } from './context.js';
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
    patterns: [
      // exceptions.rb FormulaUnavailableError / FormulaOrCaskUnavailableError, cmd/install.rb "No X found for".
      // (The name may end the text: a pasted title stops there.)
      /No available (?:formula|cask|formula or cask) with the name "?(?<formula>[\w@.+/-]+?)"?(?:[.\s]|$)/,
      /No (?:formulae|casks)(?: or casks)? found for "?(?<formula>[\w@.+/-]+?)"?(?:[.\s]|$)/,
      // TapFormulaUnavailableError when the tap itself is not tapped.
      /This command requires the tap (?<tap>[\w.-]+\/[\w.-]+)\./,
      // Homebrew before 1.0 ("No available formula for X") and its search's empty answer.
      /No available formula for (?<formula>[\w@.+/-]+)/, /No similarly named formulae found\./,
      // cask/exceptions.rb CaskUnavailableError.
      /Cask '(?<formula>[\w@.+/-]+)' is unavailable\b/,
      /\b(?:Tap)?Formula(?:OrCask)?UnavailableError\b/,
    ],
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
      /couldn't find remote ref refs\/heads\/master/,
      /Fetching \S*\/Taps\/\S+ failed!/,
      /Error: Invalid formula: \S*\/Taps\//,
      // cmd/update.sh: a checkout with local changes git cannot stash, or one rewritten upstream.
      /Could not 'git stash' in \S*\/Taps\//,
      /Your \S*\/Taps\/\S+ HEAD is not a descendant of /,
      // diagnostic.rb: a tap on another branch than its origin's default, or with local edits.
      /Some taps are not on the default git origin branch/,
      /You have uncommitted modifications to (?<tap>[\w-]+\/[\w.-]*[\w-])/,
      // cmd/update.sh and update-reset.sh: a checkout that lost its origin remote.
      /No remote 'origin' in \S+, skipping update/,
    ],
    explanation:
      'The tap\'s git checkout is out of step: its default branch was renamed, its files are damaged, or an upgrade was '
      + 'interrupted (a tap whose URL changed is brew-tap-moved). By hand the repair is `brew tap --repair ' + TAP + '`, and when that is not enough: `brew uninstall duo-sso`, '
      + '`brew untap ' + TAP + '`, `brew cleanup`, `brew tap ' + TAP + ' ' + TAP_URL + '`, `brew install duo-sso`. For Homebrew\'s own '
      + 'repository and homebrew/core, `brew update-reset` resets the checkout to upstream.',
    fix: {
      description: 'Let the upgrade repair it: it repairs the tap, and when that is not enough uninstalls, re-taps and reinstalls duo-sso',
      commands: [UPGRADE],
      automatic: false,
    },
    example: `Error: Cannot tap ${TAP}: invalid syntax in tap!`,
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
      inContext(HOMEBREW_CONTEXT, /fatal: could not read Username for 'https?:\/\/(?<host>[\w.-]+)': (?:terminal prompts disabled|No such device or address)/),
      inContext(HOMEBREW_CONTEXT, /fatal: Authentication failed for 'https?:\/\/(?<host>[\w.-]+)\//),
      inContext(HOMEBREW_CONTEXT, /remote: Repository not found\./),
      // git's own wordings (transport-helper, connect.c) and GitHub's refusals of a password, over HTTPS or SSH.
      inContext(HOMEBREW_CONTEXT, /fatal: repository '(?:https?:\/\/(?<host>[\w.-]+)\/)?[^'\n]*' not found/),
      inContext(HOMEBREW_CONTEXT, /remote: Invalid username or (?:password|token)\./),
      // OpenSSH's and git's refusals name no repository: the tap's only when brew's lines ("==> Tapping", the
      // Taps/ clone path) are there, else any git over SSH or HTTPS would be answered as the tap.
      inContext(HOMEBREW_CONTEXT, /Permission denied \(publickey\)\.?[\s\S]{0,80}?fatal: Could not read from remote repository/),
      /It looks like you tapped a private repository\. To avoid entering your/,
      // git remote-curl.c: "RPC failed; HTTP %d curl %d %s" when the server refuses the clone.
      inContext(HOMEBREW_CONTEXT, /\bRPC failed; HTTP (?:401|403|404)\b/),
    ],
    supersedes: ['brew-tap-broken'],
    explanation:
      'git stopped with its "fatal" exit code (128) while cloning the tap. The internal GitHub Enterprise '
      + `(${new URL(TAP_URL).host}) is reachable only on the VPN, and cloning it over HTTPS needs your GitHub Enterprise `
      + 'credentials: Homebrew runs git with GIT_TERMINAL_PROMPT=0, so git cannot ask for them and fails with "could not read '
      + 'Username". Store them once in git\'s credential helper (a personal access token, or `gh auth login --hostname '
      + `${new URL(TAP_URL).host}\`), then run the upgrade again. git asks for a user name also when the repository does not exist: `
      + 'a typo in the tap name, a tap whose repository is not github.com/USER/homebrew-REPO (tap it with its URL: '
      + '`brew tap USER/REPO https://host/USER/REPO`), or a tap deleted upstream (then untap it). GitHub takes no account '
      + 'password over HTTPS (a personal access token instead), and a tap tapped by an SSH URL needs your SSH key added '
      + 'to your GitHub account ("Permission denied (publickey)").',
    fix: {
      description: 'Connect to the VPN, check git can reach and authenticate to the internal GitHub (it asks for your credentials), then let the upgrade re-tap',
      commands: [['duo-sso-setup', 'doctor', '--only', 'network'], ['git', 'ls-remote', TAP_URL], UPGRADE],
      automatic: false,
    },
    describe: (f) => (f.host ? `git could not authenticate to ${f.host}.` : undefined),
    example: `==> Tapping ${TAP}\nCloning into '/opt/homebrew/Library/Taps/ats-operations/homebrew-tap'...\nfatal: could not read Username for '${new URL(TAP_URL).origin}': terminal prompts disabled\nError: Failure while executing; \`/usr/bin/env GIT_TERMINAL_PROMPT=0 git clone ${TAP_URL} /opt/homebrew/Library/Taps/ats-operations/homebrew-tap --origin=origin --template= --config core.fsmonitor=false\` exited with 128.`,
  },
  {
    id: 'brew-tap-moved',
    title: 'The tap\'s repository has moved (its remote URL changed)',
    group: 'brew',
    patterns: [
      // Homebrew's TapRemoteMismatchError ("Tap X remote mismatch.\nOLD != NEW") and its tap_migrations notice.
      /Tap (?<tap>[\w.-]+\/[\w.-]+) remote mismatch/,
      /\bTapRemoteMismatchError\b/,
      /(?:has been|was) moved to (?:the )?(?:tap )?(?<tap>[\w.-]+\/[\w.-]+)/,
      /remote: This repository moved\. Please use the new location/,
      // tap.rb: a tap renamed upstream ("X was moved. Tap homebrew/Y instead.") and a followed redirect.
      /(?<!\S)\S+ was moved\. Tap (?<tap>[\w.-]+\/[\w.-]+) instead/,
      /Redirected tap (?<tap>[\w.-]+\/[\w.-]+)(?: remote)? to /,
    ],
    supersedes: ['brew-tap-broken'],
    explanation:
      'The tap is tapped from one URL and its repository now lives at another (renamed organisation or repository, a '
      + 'new GitHub host). Nothing in the checkout is broken: pointing the tap at the new URL keeps it and what is installed '
      + 'from it. Untapping is not needed (and uninstalls nothing, but loses the pin to the old tap).',
    fix: {
      description: 'Point the tap at its new URL (keeps the installed duo-sso), then update',
      commands: [['brew', 'tap', '--custom-remote', TAP, TAP_URL], ['brew', 'update']],
      automatic: false,
    },
    example: `Error: Tap ${TAP} remote mismatch.\n${TAP_URL}.git != https://wwwin-github.cisco.com/ats-operations/homebrew-tap-old`,
  },
  {
    id: 'brew-wrong-prefix',
    title: 'Homebrew for the other CPU architecture (Intel prefix on Apple Silicon, or Rosetta)',
    group: 'brew',
    patterns: [
      /Cannot install in Homebrew on ARM processor in Intel default prefix/,
      /Cannot install under Rosetta 2 in ARM default prefix/,
      /Cannot install on Intel processor in ARM default prefix/,
      // brew.sh and diagnostic.rb: a prefix Homebrew will not or cannot serve bottles for.
      /Cowardly refusing to continue at this prefix/,
      /Your Homebrew's prefix is not \/(?:opt\/homebrew|usr\/local|home\/linuxbrew)/,
      /Your HOMEBREW_PREFIX is in the Homebrew temporary directory/,
      // formula_installer.rb: a bottle built for another prefix or cellar than this one, so it builds from source.
      /from source as the bottle needs:\s*\n?[^\n]*HOMEBREW_(?:CELLAR|PREFIX)/,
      /\bBad CPU type in executable\b/i,
      // macOS's own offer when an Intel-only app starts on Apple Silicon without Rosetta.
      /To open [“"'][^”"'\n]+[”"'], you need to install Rosetta\b/,
      /arch -arm64 brew install/,
      /is not supported on (?:ARM|Intel)|only supported on (?:Apple Silicon|Intel)/i,
      // A script or setting that hard-codes one prefix, on a Mac where Homebrew is in the other.
      /(?:\/usr\/local|\/opt\/homebrew)\/(?:Cellar|Caskroom|Homebrew|bin\/brew)\b[^\n]*: No such file or directory/,
    ],
    explanation:
      'Homebrew lives in /opt/homebrew on Apple Silicon and /usr/local on Intel Macs. An Intel Homebrew in /usr/local '
      + 'on an Apple Silicon Mac (migrated from an old Mac), or a terminal running under Rosetta, mixes the two. '
      + '"Bad CPU type in executable" means an Intel binary without Rosetta installed. A script or setting that hard-codes '
      + 'one prefix (/usr/local/Cellar) finds nothing on a Mac whose Homebrew is in the other: ask `brew --prefix`. Homebrew '
      + 'also refuses a prefix of / or /usr, and serves bottles (ready-built packages) only for its default prefixes.',
    fix: {
      description: 'Use the native Homebrew (/opt/homebrew on Apple Silicon) from a native terminal; install Rosetta only for Intel-only binaries',
      commands: [['duo-sso-setup', 'doctor', '--only', 'homebrew,platform'], ['softwareupdate', '--install-rosetta', '--agree-to-license']],
      automatic: false,
    },
    example: 'Error: Cannot install in Homebrew on ARM processor in Intel default prefix (/usr/local)!\nPlease create a new installation in /opt/homebrew using one of the\n"Alternative Installs" from:\n  https://docs.brew.sh/Installation',
  },
  {
    id: 'brew-permissions',
    title: 'Homebrew\'s folders are not writable by you (owned by root or another user)',
    group: 'brew',
    patterns: [
      /The following directories are not writable by your user/,
      /Permission denied @ (?:dir_s_mkdir|apply2files|rb_sysopen|rb_file_s_symlink|unlink_internal|dir_chdir|rb_file_s_rename) - (?<path>\S+)/,
      // EPERM from macOS (a folder root owns with flags, or privacy protection) in Ruby's wording.
      /Operation not permitted @ (?:dir_s_mkdir|apply2files|rb_sysopen|rb_file_s_symlink|unlink_internal|dir_chdir|rb_file_s_rename|dir_s_rmdir) - (?<path>\S+)/,
      /is not writable\.[^\n]*\n?[^\n]*(?:sudo chown|You should change the ownership)/,
      /Running Homebrew as root is extremely dangerous/,
      /Cowardly refusing to [`'‘]?sudo brew/,
      /(?:\/usr\/local|\/opt\/homebrew)\S* (?:is not|isn't) writable|(?:\/usr\/local|\/opt\/homebrew)\S* must be writable!/,
      /The \/usr\/local directory is not writable/,
      /Error: Permission denied - \S*Homebrew\S*/,
      // Ruby's Errno::EACCES as Homebrew's Ruby prints it, before 2.1 without the "@ syscall" part, on Homebrew's own folders.
      /\bErrno::EACCES: Permission denied(?: @ \w+)? - (?<path>(?:\/usr\/local|\/opt\/homebrew|\/home\/linuxbrew)\/\S*)/,
      /\bbrew\b[^\n]*should not be run (?:as root|with sudo)/i,
      /Could not symlink \S+\n?[^\n]*\/\S+ is not writable/,
      // cmd/update.sh ("X is not writable. You should change the\nownership ..."), utils/lock.sh, diagnostic.rb.
      /is not writable\. You should change the\s+ownership/,
      /Can't create (?:`brew [^`]*`|\S+) lock in /,
      // Homebrew 0.9 and 1.x wordings of the same (keg.rb, formula_installer.rb, cmd/doctor.rb).
      /Cannot write to \/(?:usr\/local|opt\/homebrew|home\/linuxbrew)\S*/,
      /Could not create \/(?:usr\/local|opt\/homebrew|home\/linuxbrew)\S*/,
      /The following directories are not writable:/,
      /Some directories in \S+ aren't writable\./,
      /Error: Permission denied - (?<path>\/(?:usr\/local|opt\/homebrew|home\/linuxbrew|Library\/Caches\/Homebrew)\S*)/,
      /The following directories do not exist:[\s\S]{0,400}?change their ownership to your user/,
      /The staging path \S+ is not writable by the current user/,
    ],
    supersedes: ['brew-link-conflict'],
    explanation:
      'A `sudo brew ...` once, or another account on the Mac, left files under the Homebrew prefix owned by someone else, '
      + 'so brew cannot write there. Homebrew refuses to run as root: the fix is to give the folders back to your user, not '
      + 'to use sudo for brew: `sudo chown -R $(whoami) $(brew --prefix)/*` (or the folders the message names), and '
      + '`chmod u+w` on them if the mode is wrong.',
    fix: {
      description: 'Give the Homebrew folders back to your user (the command Homebrew prints names them), then retry without sudo',
      commands: [['sudo', 'chown', '-R', '<user>', '<brew-prefix>'], ['duo-sso-setup', 'doctor', '--only', 'homebrew,permissions']],
      automatic: false,
    },
    example: 'Error: The following directories are not writable by your user:\n/usr/local/share/man/man8\n\nYou should change the ownership of these directories to your user.\n  sudo chown -R $(whoami) /usr/local/share/man/man8',
  },
  {
    id: 'brew-link-conflict',
    title: 'Homebrew could not link: a file is already there',
    group: 'brew',
    patterns: [
      /Could not symlink (?<path>\S+)/, /Error: The `brew link` step did not complete successfully/, /already exists\. You may want to remove it:\s*\n?\s*rm /,
      // keg.rb and cmd/link.rb across versions.
      /Another version is already linked: (?<path>\S+)/, /Could not link \S+\. Unlinking\.\.\./, /To force the link and overwrite all conflicting files:/, /is a symlink belonging to \S+\. You can unlink it:/,
    ],
    explanation:
      'The formula installed, but its binary could not be linked into Homebrew\'s bin because a file of that name is already '
      + 'there: another install of duo-sso (a downloaded binary, another tap) or a leftover. The message names the file. When '
      + 'linking still fails after the file is gone, Homebrew\'s own record of linked kegs is stale: remove the formula\'s '
      + 'entry under $(brew --prefix)/var/homebrew/linked (Library/LinkedKegs in Homebrew before 1.0) and link again.',
    fix: {
      description: 'See which duo-sso is where, then let Homebrew\'s link overwrite the stray file (or remove it)',
      commands: [['duo-sso-setup', 'doctor', '--only', 'duo-sso,path'], ['brew', 'link', '--overwrite', 'duo-sso']],
      automatic: false,
    },
    example: 'Error: The `brew link` step did not complete successfully\nThe formula built, but is not symlinked into /opt/homebrew\nCould not symlink bin/duo-sso\nTarget /opt/homebrew/bin/duo-sso\nalready exists. You may want to remove it:\n  rm \'/opt/homebrew/bin/duo-sso\'',
  },
  {
    id: 'brew-no-such-keg',
    title: 'Homebrew\'s record of an installed formula is inconsistent (no such keg)',
    group: 'brew',
    patterns: [/No such keg: (?<path>\S+)/, /\bis not installed\b[^\n]*\n?[^\n]*brew reinstall|Error: (?<formula>[\w@.+/-]+) is not installed/],
    explanation:
      'Homebrew has no installed copy (keg) of the formula where it expected one: it was removed by hand, an upgrade was '
      + 'interrupted, it was installed from another tap under another name, or the program was installed outside Homebrew '
      + '(a downloaded installer), so brew has nothing to remove.',
    fix: { description: 'Reinstall it from the tap', commands: [['brew', 'install', FORMULA]], automatic: false },
    example: 'Error: No such keg: /opt/homebrew/Cellar/duo-sso',
  },
  {
    id: 'brew-invalid-tap-name',
    title: 'The tap name is not of the form user/repo',
    group: 'brew',
    patterns: [/Invalid tap name:? ['"]?(?<tap>[^'"\s]+)/, /Invalid tap name in `\$\w+`: (?<tap>\S+)/, /\bInvalidTapNameError\b|\bTapUnavailableError\b|No available tap (?<tap2>\S+)/],
    explanation:
      'Homebrew names a tap USER/REPO (for github.com/USER/homebrew-REPO). A URL, a name with three parts or a typo is not '
      + `a tap name; a tap from another host needs its URL as the second argument: \`brew tap ${TAP} ${TAP_URL}\`.`,
    fix: { description: 'Tap it by its USER/REPO name and its URL', commands: [['brew', 'tap', TAP, TAP_URL]], automatic: false },
    example: "Error: Invalid tap name 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap'",
  },
  {
    id: 'brew-xcode-clt',
    title: 'The Xcode Command Line Tools are missing or outdated',
    group: 'brew',
    patterns: [
      /xcrun: error: invalid active developer path/,
      /Your Command Line Tools are too outdated/,
      /Xcode alone is not sufficient on/,
      /No developer tools were found, requesting install/,
      /xcode-select: note: no developer tools were found/,
      /A full installation of Xcode\.app [\d.]+ is required/,
      // extend/os/mac/diagnostic.rb and brew.sh: an Xcode too old, or xcode-select pointing nowhere.
      /Your Xcode \([\d.]+\)(?: at \S+)? is (?:too )?outdated/,
      /A newer Command Line Tools release is available/,
      /Xcode is not installed\. Most formulae need Xcode to build/,
      /To continue, you must install Xcode(?: or the CLT)? from/,
      /Please install the CLT or Xcode/, /Please run `xcode-select --install` to install the CLT/,
      /Git could not be found in your PATH\.|Git must be installed and in your PATH!/,
      /Your Xcode is configured with an invalid path/,
      /Your xcode-select path is currently set to '\/'/,
      /The directory Xcode is reportedly installed to doesn't exist/,
      // cmd/update.sh: on macOS git and curl come with the Command Line Tools.
      /Can't find a working Git!|'git' must be installed and in your PATH!/,
      /xcrun: error: unable to find utility "[\w.+-]+", not a developer tool or in PATH/,
      /xcrun: error: SDK "\w+" cannot be located/,
      // xcode-select itself, and node-gyp (npm packages with native code) on the same missing tools.
      /xcode-select: error: tool '[\w-]+' requires Xcode, but active developer directory '[^'\n]+' is a command line tools instance/,
      /xcode-select: error: command line tools are already installed/,
      /No Xcode or CLT version detected!/,
      // diagnostic.rb check_for_installed_developer_tools, extend/os/mac/diagnostic.rb (CLT or Xcode older than this
      // macOS), exceptions.rb UnbottledError (no bottle and no compiler).
      /No developer tools installed\./,
      /Your (?:Command Line Tools \(CLT\)|Xcode) does not support macOS/,
      // (Homebrew 1.x: "cannot be installed as binary package(s) and must be built from source".)
      /cannot be installed (?:from bottles?|as (?:a )?binary packages?) and must be\s+built from source/,
      // extend/os/mac/diagnostic.rb: CLT or Xcode older than the macOS they run on (titles shorten it to "CLT").
      /Your (?:Command Line Tools \(CLT\)|CLT|Xcode) does not support macOS\b/,
    ],
    // node-gyp without Xcode or the CLT also prints "gyp ERR! configure error" (native-binding-missing): the missing tools are the cause.
    supersedes: ['brew-build-failed', 'native-binding-missing', 'node-gyp-build-failed'],
    explanation:
      'Homebrew and git on macOS need the Command Line Tools. After a macOS upgrade they are often gone or too old, and '
      + 'git (so every `brew update` and tap) fails with "invalid active developer path". When `xcode-select --install` says they '
      + 'are already installed but they are broken, remove /Library/Developer/CommandLineTools (sudo) and install them again; '
      + '`sudo xcode-select --reset` (or `--switch /Library/Developer/CommandLineTools`) repairs a path that points at a moved '
      + 'or deleted Xcode; `softwareupdate --list` offers the current Command Line Tools. A tool that only full Xcode has '
      + '(xcodebuild, simctl, an iOS SDK) needs Xcode installed and selected: `sudo xcode-select -s /Applications/Xcode.app`. '
      + '"Your Xcode (VERSION) is outdated" is about Xcode itself: update Xcode from the App Store to the version Homebrew names '
      + '(or delete Xcode when the Command Line Tools are all you use).',
    fix: { description: 'Install (or reinstall) the Command Line Tools, or update Xcode from the App Store when Homebrew says Xcode is outdated, then retry', commands: [['xcode-select', '--install']], automatic: false },
    example: 'xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun',
  },
  {
    // git >= 2.35.2 (setup.c): a repository owned by another user; Homebrew's update and tap
    // commands run git in its prefix and fail with it ("not in a git directory" from brew update).
    id: 'git-dubious-ownership',
    title: 'git refuses a repository owned by another user (Homebrew prefix or tap)',
    group: 'brew',
    patterns: [
      /detected dubious ownership in repository at '(?<path>[^'\n]+)'/,
      /unsafe repository \('(?<path>[^'\n]+)' is owned by someone else\)/,
      /git config --global --add safe\.directory (?<path>\S+)/,
    ],
    supersedes: ['brew-tap-broken', 'brew-permissions'],
    explanation:
      'Since git 2.35.2, git will not work in a repository that belongs to another user. Homebrew\'s prefix and taps '
      + 'belong to whoever installed Homebrew (another admin, root after a sudo brew, or a migration that changed owners), so '
      + '`brew update`, tapping and upgrading fail. Taking ownership back (chown of the Homebrew prefix) is the lasting fix; '
      + 'marking the directory safe lets git in without changing owners.',
    fix: {
      description: 'Mark that directory as safe for git (or give the Homebrew prefix back to your user), then retry',
      commands: [['git', 'config', '--global', '--add', 'safe.directory', '<path>'], ['duo-sso-setup', 'doctor', '--only', 'homebrew']],
      automatic: false,
    },
    example: "fatal: detected dubious ownership in repository at '/opt/homebrew'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /opt/homebrew",
  },
  {
    // Homebrew's ChecksumMismatchError (Library/Homebrew/exceptions.rb), old and new wording.
    id: 'brew-checksum-mismatch',
    title: 'The download does not match the checksum the formula expects',
    group: 'brew',
    patterns: [
      /(?:Formula|Resource|Bottle) reports different checksum/,
      inContext(/\bbrew\b|[Hh]omebrew|\/Taps\/|\btap\b|==> (?:Downloading|Fetching) |mismatch\s*\n\s*Expected: /, /SHA-?256 mismatch\b/i),
      /Checksum mismatch\b[^\n]*(?:Expected|expected)|Error: Checksum mismatch/,
    ],
    explanation:
      'What was downloaded is not what the formula names. Most often the local tap is older than the release (the file '
      + 'was published again since), or a download was cut short and the partial file sits in the cache; rarely a proxy '
      + 'that rewrites downloads. Updating the taps and fetching again fixes the first two; the cached file\'s path is in '
      + 'the message (`brew cleanup -s` empties the download cache).',
    fix: {
      description: 'Update the taps, then fetch again (remove the cached file the message names if it persists)',
      commands: [['brew', 'update'], UPGRADE],
      automatic: false,
    },
    example: 'Error: Formula reports different checksum: cf035352a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c\nSHA-256 checksum of downloaded file: 5c5cf7ab0718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2',
  },
  {
    // Homebrew update.sh (before 4.0 refused to update a shallow tap) and `brew log` (opoo).
    id: 'brew-shallow-clone',
    title: 'A Homebrew tap is a shallow clone',
    group: 'brew',
    patterns: [
      /(?<![\w-])(?<tap>[\w-]+(?:\/[\w-]+)?) is a shallow clone/,
      /git -C "?(?<path>[^"\n]+?)"? fetch --unshallow/,
    ],
    explanation:
      'The tap (or Homebrew itself) was cloned with only its latest commit, as CI images and some installers do. Older '
      + 'Homebrew refuses to update such a tap and `brew log` shows only part of the history. Fetching the full history fixes '
      + 'it; nothing installed is touched.',
    fix: {
      description: 'Fetch the tap\'s full history (the message gives the path), then update',
      commands: [['git', '-C', '<path>', 'fetch', '--unshallow'], ['brew', 'update']],
      automatic: false,
    },
    example: 'Error:\n  homebrew-core is a shallow clone.\nTo `brew update`, first run:\n  git -C /usr/local/Homebrew/Library/Taps/homebrew/homebrew-core fetch --unshallow',
  },
  {
    id: 'brew-locked',
    title: 'Another Homebrew process is running (or left a lock)',
    group: 'brew',
    patterns: [
      /Another active Homebrew (?:\S+ )?process is already in progress/, /A `brew update` process is already running/, /Please wait for it to finish or terminate it to continue/,
      // Homebrew 1.x (utils/lock.sh, formula_installer.rb).
      /please avoid running (?:Homebrew|brew) in parallel/, /Operation already in progress for \S+/,
      // exceptions.rb OperationInProgressError (Homebrew 4.4+) and utils/lock.sh.
      /A `brew [^`]*` process has already locked \S+/, /Another `brew [^`]*` process is already running/, /Gave up after waiting \d+ seconds\. Terminate it to continue/,
    ],
    explanation: 'Homebrew allows one update or install at a time. Another brew is running (maybe in another terminal, or an automatic update), or one was killed and left its lock; a `git fsmonitor--daemon` started in a tap checkout can hold it too. When no brew process is left, the lock files in $(brew --prefix)/var/homebrew/locks are stale and can be removed.',
    fix: { description: 'Wait for the other brew to finish (or stop it), then retry', commands: [['pgrep', '-fl', 'brew']], automatic: false },
    example: 'Error: Another active Homebrew update process is already in progress.\nPlease wait for it to finish or terminate it to continue.',
  },
  {
    // cmd/update.sh: the GitHub API answered 404 for the tap's repository. It says so for a
    // repository that was deleted and for one you may not see (private, or no token): the same words.
    id: 'brew-tap-gone',
    title: 'brew update says the tap does not exist (deleted upstream, or not visible to you)',
    group: 'brew',
    patterns: [
      /(?<![\w.-])(?<tap>[\w.-]+\/[\w.-]+) does not exist! Run `brew untap \k<tap>` to remove it/,
      /(?<!\S)\S+ does not exist! Run `brew untap [\w.-]+\/[\w.-]+` to remove it/,
    ],
    supersedes: ['brew-tap-broken'],
    explanation:
      'Homebrew asked GitHub for the tap\'s repository and got "not found". GitHub answers that for a repository that was '
      + 'deleted and equally for one you may not see: a private repository, or no GitHub token (HOMEBREW_GITHUB_API_TOKEN) in '
      + 'this shell. Untapping a tap you still need loses it, so first check that you can reach the repository; untap '
      + 'only when it is really gone (or renamed: then tap the new name).',
    fix: {
      description: 'Check that git can reach the tap\'s repository with your credentials; only if it is gone for good, untap it',
      commands: [['git', 'ls-remote', TAP_URL], ['brew', 'tap-info', '<tap>']],
      automatic: false,
    },
    example: `${TAP} does not exist! Run \`brew untap ${TAP}\` to remove it.`,
  },
  {
    // tap.rb Tap#install and diagnostic.rb check_for_tap_deprecations: official taps Homebrew emptied.
    id: 'brew-tap-deprecated',
    title: 'An official Homebrew tap was deprecated and emptied',
    group: 'brew',
    patterns: [
      /(?<![\w.-])(?<tap>[\w.-]+\/[\w.-]+) was deprecated\. This tap is now empty (?:and all its contents were either deleted or migrated|as all its formulae were migrated)/,
      /You have the following deprecated, official taps tapped:/,
      /Tapping (?<tap>homebrew\/(?:core|cask)) is no longer typically necessary/,
    ],
    explanation:
      'Homebrew retired some of its own taps (homebrew/cask-versions, cask-fonts, bundle, services...) and moved their contents '
      + 'into homebrew/core and homebrew/cask, which Homebrew now reads from its API without tapping. Nothing of yours is in '
      + 'them: untapping them is safe, and tapping homebrew/core or homebrew/cask is no longer needed (add --force only to '
      + 'work on Homebrew itself). duo-sso\'s own tap is not one of them.',
    fix: {
      description: 'List the taps, then untap the deprecated official one the message names (only that one)',
      commands: [['brew', 'tap'], ['brew', 'untap', '<tap>']],
      automatic: false,
    },
    example: 'Error: homebrew/cask-versions was deprecated. This tap is now empty and all its contents were either deleted or migrated.',
  },
  {
    // exceptions.rb TapAlreadyTappedError: brew tap of a tap that is there, with the same (or no) URL.
    id: 'brew-tap-already-tapped',
    title: 'The tap is already tapped (nothing to do)',
    group: 'brew',
    patterns: [/Tap (?<tap>[\w.-]+\/[\w.-]+) already tapped\b/, /\bTapAlreadyTappedError\b/],
    explanation:
      'The tap is already there, so there is nothing to tap again: the install can go ahead. To point it at another URL use '
      + '`brew tap --custom-remote USER/REPO URL`; to refresh it, `brew update`.',
    fix: { description: 'See where the tap points, then install or update as planned', commands: [['brew', 'tap-info', '<tap>'], ['brew', 'update']], automatic: false },
    example: `Error: Tap ${TAP} already tapped.`,
  },
  {
    // tap.rb: HOMEBREW_ALLOWED_TAPS / HOMEBREW_FORBIDDEN_TAPS set by an administrator (MDM).
    id: 'brew-tap-not-allowed',
    title: 'An administrator\'s Homebrew policy does not allow this tap',
    group: 'brew',
    patterns: [
      /has not allowed this tap in `\$HOMEBREW_ALLOWED_TAPS`/,
      /has forbidden this tap in `\$HOMEBREW_FORBIDDEN_TAPS`/,
      /\bTapRedirectNotAllowedError\b/,
    ],
    explanation:
      'HOMEBREW_ALLOWED_TAPS or HOMEBREW_FORBIDDEN_TAPS is set on this Mac (usually by device management), and the tap is not '
      + 'allowed by it. Homebrew refuses to tap it; it is a policy, not a fault. The ones who set the policy can allow the tap; '
      + '`brew config` shows where the setting comes from.',
    fix: { description: 'Ask the administrators who set the Homebrew policy to allow the tap (brew config shows the setting)', commands: [['brew', 'config']], automatic: false },
    example: `Error: The installation of the ${TAP} was requested but your administrator\nhas not allowed this tap in \`$HOMEBREW_ALLOWED_TAPS\`.`,
  },
  {
    // exceptions.rb TapFormulaAmbiguityError.
    id: 'brew-formula-ambiguous',
    title: 'A formula of that name is in several taps',
    group: 'brew',
    patterns: [/Formulae found in multiple taps:/, /\bTapFormulaAmbiguityError\b/, /Please use the fully-qualified name \(e\.g\. (?<formula>[\w.-]+\/[\w.-]+\/[\w@.+-]+)\)/],
    explanation:
      'Two taps have a formula called duo-sso (an old tap and the current one, or a personal tap). Homebrew will not guess: '
      + 'name it with its tap. Untapping the tap you no longer use ends the ambiguity for good.',
    fix: { description: 'Install by the fully qualified name', commands: [['brew', 'install', FORMULA]], automatic: false },
    example: `Error: Formulae found in multiple taps:\n       * ${FORMULA}\n       * jdoe/tools/duo-sso\n\nPlease use the fully-qualified name (e.g. ${FORMULA}) to refer to a specific formula.`,
  },
  {
    // exceptions.rb FormulaConflictError.
    id: 'brew-formula-conflict',
    title: 'A conflicting formula is installed (and linked)',
    group: 'brew',
    patterns: [/Cannot install (?<formula>[\w.@+/-]+) because conflicting formulae are installed/, /\bFormulaConflictError\b/, /Please `brew unlink [^`]+` before continuing\./, /To install \S+, first run `brew unlink (?<formula>[^`]+)`/],
    explanation:
      'Another formula that installs files of the same names is installed and linked. Unlinking it removes only its links from '
      + 'the Homebrew prefix (nothing is uninstalled); it can be linked again later. The message names it after "Please `brew unlink`".',
    fix: { description: 'Unlink the conflicting formula the message names, then install again', commands: [['brew', 'unlink', '<formula>'], ['brew', 'install', FORMULA]], automatic: false },
    example: 'Error: Cannot install ats-operations/homebrew-tap/duo-sso because conflicting formulae are installed.\n  duo-sso-legacy: because both install `duo-sso` binaries\n\nPlease `brew unlink duo-sso-legacy` before continuing.',
  },
  {
    // caveats.rb and cmd/link.rb: a keg-only formula is installed but deliberately not linked.
    id: 'brew-keg-only',
    title: 'The formula is keg-only: installed, but not linked into Homebrew\'s bin',
    group: 'brew',
    patterns: [/Refusing to link macOS provided\/shadowed software: (?<formula>[\w@.+-]+)/, /(?<![\w@.+-])(?<formula>[\w@.+-]+) is keg-only, which means it was not symlinked into/, /(?<![\w@.+-])(?<formula>[\w@.+-]+) is keg-only and must be linked with `?--force/, /\bkeg-only\b[^\n]*\bnot symlinked\b/],
    explanation:
      'Homebrew installed it but keeps it out of its bin on purpose (it would shadow a copy macOS ships, or another version). '
      + 'Its programs are in `$(brew --prefix FORMULA)/bin`: put that folder on PATH, or link it with `brew link --force`.',
    fix: { description: 'Link it (or put its bin folder on PATH, as the caveat says)', commands: [['brew', 'link', '--force', '<formula>']], automatic: false },
    example: 'curl is keg-only, which means it was not symlinked into /opt/homebrew,\nbecause macOS already provides this software and installing another version in\nparallel can cause all kinds of trouble.',
  },
  {
    // cask/artifact/moved.rb: an app (or binary, pkg...) is already where the cask puts its own; Homebrew does not
    // overwrite what it did not install ("It seems there is already an App at '%s'."), unless --force; --adopt takes
    // over an identical copy, and says "It seems the existing App is different from the one being installed." if not.
    id: 'brew-cask-app-exists',
    title: 'A cask\'s app is already there, installed outside Homebrew',
    group: 'brew',
    patterns: [
      /It seems there is already an? (?:App|Binary|Pkg|Suite|Manpage|Font|Prefpane|Qlplugin|Service|Colorpicker|Dictionary|Input Method|Internet Plugin|Audio Unit Plugin|Vst Plugin|Vst3 Plugin|Screen Saver|Keyboard Layout|Mdimporter|Artifact) at '(?<path>[^'\n]+)'/,
      /It seems the existing \w+(?: \w+)? is different from the one being installed/,
    ],
    explanation:
      'The cask installs its app where one already is, usually the same app installed from its website or the App Store '
      + '(or by an earlier cask that Homebrew no longer tracks). Homebrew does not replace what it did not install. '
      + '`brew install --cask --adopt NAME` takes the existing copy over when it is the same version; when it is not (the '
      + 'existing one is different), `--force` replaces it with the cask\'s (the old copy goes to the Trash), or remove the '
      + 'old app yourself first.',
    fix: {
      description: 'Let Homebrew adopt the existing app (brew install --cask --adopt <cask>); if it is a different version, install with --force to replace it',
      commands: [['brew', 'install', '--cask', '--adopt', '<cask>'], ['brew', 'install', '--cask', '--force', '<cask>']],
      automatic: false,
    },
    describe: (f) => (f.path ? `The app already there is ${f.path}.` : undefined),
    example: "==> Installing Cask textmate\nError: It seems there is already an App at '/Applications/TextMate.app'.",
  },
  {
    // Homebrew services (Library/Homebrew/services/cli.rb, system.rb): under sudo it installs the plist as a system
    // LaunchDaemon and chowns the formula's paths ("Taking root:admin ownership of some %s paths:"); launchctl bootstrap
    // then fails with error 5 ("Bootstrap failed: 5: Input/output error"), also when the service is already loaded.
    id: 'brew-services-bootstrap',
    title: 'brew services could not start the service (run with sudo, or already loaded)',
    group: 'brew',
    patterns: [
      /Taking root:admin ownership of some \S+ paths/,
      /Bootstrap failed: 5: Input\/output error/,
      /`\/bin\/launchctl bootstrap (?:system|gui\/\d+) [^`\n]*homebrew\.mxcl\.(?<formula>[\w@.+-]+)\.plist` exited with 5/,
    ],
    explanation:
      'A formula\'s service runs as your user (a LaunchAgent). `sudo brew services start` makes it a system LaunchDaemon '
      + 'and hands the formula\'s files to root ("Taking root:admin ownership"), after which launchctl refuses it '
      + '(bootstrap error 5) and your own brew can no longer update it. Start services without sudo. To undo a sudo '
      + 'start: `sudo brew services stop NAME`, give the files back to yourself (`brew doctor` names them), then '
      + '`brew services start NAME`. Without sudo, error 5 means the service is already loaded: `brew services restart NAME`.',
    fix: {
      description: 'Stop the root copy of the service, then start it without sudo (brew services start <formula>)',
      commands: [['sudo', 'brew', 'services', 'stop', '<formula>'], ['brew', 'services', 'start', '<formula>']],
      automatic: false,
    },
    example: 'Warning: Taking root:admin ownership of some asimov paths:\n  /opt/homebrew/Cellar/asimov/0.3.0/bin\nBootstrap failed: 5: Input/output error\nError: Failure while executing; `/bin/launchctl bootstrap system /Library/LaunchDaemons/homebrew.mxcl.asimov.plist` exited with 5.',
  },
  {
    // exceptions.rb DownloadError / CurlDownloadStrategyError: a bottle or source archive could not be fetched.
    id: 'brew-download-failed',
    title: 'Homebrew could not download the formula\'s archive',
    group: 'brew',
    patterns: [/Failed to download resource "?(?<formula>[^"\n]+?)"?$/m, /\bDownloadError: Failed to download resource\b/, /\bDownload failed: (?<host>https?:\/\/[^\s/]+)\S*/, /\bCurlDownloadStrategyError\b/],
    explanation:
      'curl failed fetching the bottle or source archive. The line after names why: a 404 or 401 from the internal GitHub '
      + '(off the VPN, or a release that needs your GitHub credentials), a proxy, or a dropped connection. duo-sso\'s '
      + 'downloads come from the internal GitHub Enterprise, reachable only on the VPN.',
    fix: { description: 'Check the network path to the download host (VPN, proxy), then try again', commands: [['duo-sso-setup', 'doctor', '--only', 'network'], UPGRADE], automatic: false },
    example: 'Error: Failed to download resource "duo-sso"\nDownload failed: https://wwwin-github.cisco.com/ATS-operations/duo-sso/releases/download/v1.4.0/duo-sso_darwin_arm64.tar.gz',
  },
  {
    // brew.sh (xcrun output mentions the licence) and xcodebuild/git wrappers on macOS.
    id: 'brew-xcode-license',
    title: 'The Xcode licence has not been accepted',
    group: 'brew',
    patterns: [
      /You have not agreed to the Xcode license/,
      /Agreeing to the Xcode\/iOS license requires admin privileges/,
      /xcodebuild -license accept/,
    ],
    supersedes: ['brew-xcode-clt', 'node-gyp-build-failed'],
    explanation:
      'Xcode is installed (or was updated) and its licence has not been accepted, so xcrun, git and compilers refuse to run; '
      + 'Homebrew stops before anything else. Accepting it needs an administrator once.',
    fix: { description: 'Accept the Xcode licence (as an administrator), then retry', commands: [['sudo', 'xcodebuild', '-license', 'accept']], automatic: false },
    example: 'Error: You have not agreed to the Xcode license. Please resolve this by running:\n  sudo xcodebuild -license accept',
  },
  {
    // The shell, and diagnostic.rb check_user_path_1/2: Homebrew's bin is not on PATH.
    id: 'brew-not-on-path',
    title: 'brew (or what it installed) is not on PATH',
    group: 'brew',
    patterns: [
      /\bbrew: (?:command )?not found/,
      /command not found: brew\b/,
      /'brew' is not recognized as an internal or external command/,
      /Command 'brew' not found, but can be installed with/,
      /Homebrew's "s?bin" was not found in your PATH/,
      /\/usr\/bin occurs before \/(?:opt\/homebrew|usr\/local|home\/linuxbrew\/\.linuxbrew)\/bin in your PATH/,
      // Homebrew/install install.sh at the end of an install, before the 'Next steps' it prints.
      /Warning: \/(?:opt\/homebrew|usr\/local|home\/linuxbrew\/\.linuxbrew)\/bin is not in your PATH\./,
    ],
    explanation:
      'Homebrew on Apple Silicon lives in /opt/homebrew (Linux: /home/linuxbrew/.linuxbrew), which is not on the default PATH: '
      + 'the installer asks you to add `eval "$(/opt/homebrew/bin/brew shellenv)"` to ~/.zprofile, and a shell started '
      + 'without it finds no brew and nothing brew installed. If /opt/homebrew/bin/brew does not exist, Homebrew is not installed.',
    fix: {
      description: 'Add `eval "$(/opt/homebrew/bin/brew shellenv)"` to ~/.zprofile (Intel: /usr/local/bin/brew), open a new terminal; the doctor checks PATH',
      commands: [['/opt/homebrew/bin/brew', 'shellenv'], ['duo-sso-setup', 'doctor', '--only', 'homebrew,path']],
      automatic: false,
    },
    example: 'zsh: command not found: brew',
  },
  {
    // exceptions.rb BuildError (ofail "#{formula}: Failed executing: …", "… did not build") and its report advice.
    id: 'brew-build-failed',
    title: 'Building a formula from source failed',
    group: 'brew',
    patterns: [
      /(?<![\w@.+-])(?<formula>[\w@.+-]+): Failed executing: /,
      /(?<![\w@.+/-])(?<formula>[\w@.+/-]+) [\w.+-]+ did not build/,
      /If reporting this issue please do so to \(not Homebrew\/\* repositories\)/,
      /Do not report (?:this|any) issues? to Homebrew\/\* repositories!/,
    ],
    explanation:
      'Homebrew had no ready-built bottle for this Mac and the build from source failed. The lines before it name the failing '
      + 'step; the usual causes are Command Line Tools that are missing or older than this macOS (Homebrew lists that under the '
      + 'error), a tap not updated for the current macOS or CPU, or a formula that needs a newer Homebrew. Updating the tools '
      + 'and Homebrew first cures most; otherwise it is for the tap\'s maintainers.',
    fix: {
      description: 'Update Homebrew and the Command Line Tools, then try again; if it still fails, report it to the tap it names',
      commands: [['brew', 'update'], ['xcode-select', '--install'], UPGRADE],
      automatic: false,
    },
    example: 'Error: duo-sso: Failed executing: go build -o /opt/homebrew/Cellar/duo-sso/1.4.0/bin/duo-sso ./cmd/duo-sso\nIf reporting this issue please do so to (not Homebrew/* repositories):\n  ats-operations/homebrew-tap',
  },
  {
    // exceptions.rb UnsatisfiedRequirements and the requirement texts (requirements/*.rb,
    // extend/os/mac/requirements/macos_requirement.rb).
    id: 'brew-requirement-unmet',
    title: 'The formula needs something this Mac does not have (macOS version, architecture, Xcode)',
    group: 'brew',
    patterns: [
      /An unsatisfied requirement failed this build\.|Unsatisfied requirements failed this build\./,
      /This (?:formula|cask) (?:does not run on macOS versions (?:older|newer|other) than|requires macOS\.)/,
      /This formula either does not compile or function as expected on macOS\s+versions newer than/,
      /The (?:arm64|x86_64|intel|arm) architecture is required for this software\./,
    ],
    supersedes: ['brew-build-failed'],
    explanation:
      'The formula declares what it needs (a minimum or maximum macOS, a CPU architecture, a full Xcode), and this Mac does not '
      + 'meet it; the line above says which. Homebrew does not try to build it anyway. Either the Mac needs the update the '
      + 'message names, or the software is not available here (for duo-sso: the release binary for this platform).',
    fix: { description: 'Read which requirement failed; meet it (update macOS, install Xcode) or install duo-sso another way', commands: [['duo-sso-setup', 'doctor', '--only', 'homebrew,platform']], automatic: false },
    example: 'duo-sso: This formula does not run on macOS versions older than Ventura.\nError: An unsatisfied requirement failed this build.',
  },
  {
    // deprecate_disable.rb: "#{name} has been #{type} because it #{reason}!".
    id: 'brew-formula-disabled',
    title: 'Homebrew has deprecated or disabled the formula',
    group: 'brew',
    patterns: [
      /(?<![\w@.+/-])(?<formula>[\w@.+/-]+) has been (?:disabled|deprecated) because it (?:does not build|has no license|has an archived upstream repository|has a removed upstream repository|is not maintained upstream|is no longer reliably reachable upstream|is not supported upstream|is deprecated upstream|is a versioned formula|is discontinued upstream|is no longer available upstream|[^\n!]{3,80})!/,
      /(?<![\w@.+/-])(?<formula>[\w@.+/-]+) has been disabled!/,
    ],
    explanation:
      'The formula\'s maintainers marked it deprecated (it still installs, with this warning, until a date it names) or disabled '
      + '(it no longer installs). The reason is in the message. A deprecated one keeps working for now; a disabled one needs '
      + 'a replacement (its successor formula or another install method).',
    fix: { description: 'See the formula\'s notes for its replacement (brew info), and install that instead', commands: [['brew', 'info', '<formula>']], automatic: false },
    example: 'Warning: gnupg@2.2 has been deprecated because it is not supported upstream! It will be disabled on 2025-01-01.',
  },
  {
    // extend/os/mac/diagnostic.rb check_for_unsupported_macos, extend/os/linux/diagnostic.rb (glibc, kernel, CPU).
    id: 'brew-unsupported-system',
    title: 'Homebrew does not support this macOS or Linux (too old, pre-release, or an unsupported CPU)',
    group: 'brew',
    patterns: [
      /do not provide support for this (?:old version|pre-release version)/,
      /Your system glibc [\d.]+ is too old/,
      /Your Linux kernel [\d.]+ is too old/,
      /Your CPU architecture \(\w+\) is not supported/,
      /You have booted macOS using OpenCore Legacy Patcher/,
      /Homebrew's x86_64 support on Linux requires a CPU with SSSE3 support/,
      /Sorry, Homebrew does not support your computer's CPU architecture/,
      // Homebrew/install install.sh refusing the system before it installs anything.
      /Your (?:Mac )?OS X version is too old\./,
      /Homebrew is only supported on macOS and Linux\./,
      /Homebrew portable Ruby requires Glibc version [\d.]+ or newer,\s*\n?\s*and your Glibc version is too old/,
    ],
    explanation:
      'Homebrew supports only recent macOS releases (and glibc/kernel versions on Linux). On an older or a pre-release system '
      + 'it still runs, but bottles are missing, so most formulae build from source and some fail. That is a tier, not a '
      + 'fault: updating the system is the lasting fix; until then expect builds from source.',
    fix: { description: 'Update the operating system if you can; otherwise expect builds from source (and failures Homebrew will not fix)', commands: [['duo-sso-setup', 'doctor', '--only', 'homebrew,platform']], automatic: false },
    example: 'Warning: You are using macOS 12.\nWe (and Apple) do not provide support for this old version.',
  },
  {
    // Ruby's Errno messages ("No such file or directory @ rb_sysopen - PATH") as brew's top level prints them:
    // Homebrew's own files changed under it (an interrupted install, a cache or Cellar cleaned by hand).
    id: 'brew-files-changed',
    title: 'A file Homebrew expected has gone or changed (interrupted install, cleaned cache)',
    group: 'brew',
    patterns: [
      /(?:No such file or directory|Not a directory|Directory not empty|File exists|Is a directory) @ (?:rb_sysopen|dir_s_mkdir|dir_s_rmdir|rb_file_s_rename|rb_file_s_symlink|unlink_internal|apply2files|rb_check_realpath_internal|realpath_rec|dir_initialize|rb_file_s_readlink) - (?<path>\S+)/,
      /Errno::(?:ENOENT|ENOTDIR|ENOTEMPTY|EEXIST)\b[^\n]*(?:Homebrew|Cellar|Caskroom)/,
    ],
    explanation:
      'Homebrew reached for a file or folder that is not as it left it: a download removed from its cache mid-install, a '
      + 'keg deleted by hand, two brew commands at once, or an upgrade that was interrupted. Nothing is broken beyond that one '
      + 'path: refreshing Homebrew, cleaning its leftovers and running the command again lets it recreate the file.',
    fix: { description: 'Refresh Homebrew, clean its leftovers, then run the command again', commands: [['brew', 'update'], ['brew', 'cleanup'], UPGRADE], automatic: false },
    example: 'Error: No such file or directory @ rb_sysopen - /Users/jdoe/Library/Caches/Homebrew/downloads/0a1b--duo-sso-1.4.0.tar.gz',
  },
  {
    // git itself absent: the shells' "not found", Node's spawn ENOENT and npm's ENOGIT (npm/npm
    // lib/utils/error-message.js "No git binary found in $PATH"; npm 7+ "syscall spawn git"), Go's exec.
    // (On macOS a git stub that wants the Command Line Tools says so: brew-xcode-clt.)
    id: 'git-missing',
    title: 'git is not installed or not on PATH',
    group: 'brew',
    patterns: [
      /\bgit: (?:command )?not found\b|command not found: git\b/,
      /'git(?:\.exe)?' is not recognized as an internal or external command/,
      /\bspawn git(?:\.exe)? ENOENT\b|npm (?:ERR!|error) syscall spawn git\b/,
      /npm (?:ERR!|error) code ENOGIT\b|No git binary found in \$PATH/,
      /exec: \\?"git\\?": executable file not found/,
    ],
    explanation:
      'The program needs git and finds none: Homebrew clones taps with it, and npm needs it for an install from a git URL '
      + 'or a git dependency. On macOS git comes with the Command Line Tools (xcode-select --install); on Linux it is the '
      + 'distribution\'s git package; on Windows, Git for Windows (open a new terminal afterwards so PATH has it).',
    fix: {
      description: 'Install git (on macOS the Command Line Tools), then run the command again in a new terminal',
      commands: [['git', '--version']],
      platformCommands: { darwin: [['xcode-select', '--install']], linux: [['sudo', 'apt-get', 'install', 'git']] },
      automatic: false,
    },
    example: 'npm ERR! code ENOENT\nnpm ERR! syscall spawn git\nnpm ERR! path git\nnpm ERR! errno -2\nnpm ERR! enoent An unknown git error occurred',
  },
  {
    // macOS's dynamic loader (dyld: "Library not loaded: PATH", then "Referenced from: PROGRAM"): a program
    // linked against a library version Homebrew has since upgraded or cleaned up (icu4c under node,
    // openssl under python or aws, gettext/libgcrypt under gpg).
    id: 'macos-library-missing',
    title: 'A program cannot start: a library it was built against is gone (after a Homebrew upgrade)',
    group: 'brew',
    patterns: [/\bdyld(?:\[\d+\])?: Library not loaded: (?<path>\S+)/, /\bReason: image not found\b|\bReason: tried: '[^'\n]*' \(no such file\)/],
    explanation:
      'The program was built against a library that is no longer where it was: Homebrew upgraded that library to a new '
      + 'version (icu4c, openssl, readline, gettext) and `brew cleanup` removed the old one, while the program that needs '
      + 'it was not rebuilt or came from elsewhere. Upgrading or reinstalling the program named after "Referenced from:" '
      + '(`brew reinstall NAME`) relinks it; a program not from Homebrew needs its own new build.',
    fix: { description: 'Upgrade Homebrew\'s programs (or `brew reinstall` the one named after "Referenced from:"), then run it again', commands: [['brew', 'upgrade'], ['brew', 'doctor']], automatic: false },
    describe: (f) => (f.path ? `The missing library is ${f.path}.` : undefined),
    example: 'dyld: Library not loaded: /usr/local/opt/icu4c/lib/libicui18n.64.dylib\n  Referenced from: /usr/local/bin/node\n  Reason: image not found',
  },
  {
    // utils/ruby.sh: Homebrew could not fetch or install its own Ruby.
    id: 'brew-portable-ruby',
    title: 'Homebrew could not install or upgrade its own Ruby',
    group: 'brew',
    patterns: [/Failed to (?:upgrade|install) Homebrew Portable Ruby/, /Homebrew Portable Ruby is installed but (?:bundle|bundler)/, /Homebrew must be run under Ruby [\d.]+!/, /No Ruby found, cannot proceed\./],
    explanation:
      'Homebrew runs on a Ruby it downloads itself (Portable Ruby). Fetching or unpacking it failed: no network path to GitHub '
      + 'Packages (ghcr.io) through the proxy or VPN, a Homebrew folder you cannot write, or a processor it has no build for. '
      + 'The lines before name which; every brew command fails until it is in place.',
    fix: { description: 'Check the network path and Homebrew\'s folder permissions, then let Homebrew fetch its Ruby again', commands: [['duo-sso-setup', 'doctor', '--only', 'network,homebrew,permissions'], ['brew', 'vendor-install', 'ruby']], automatic: false },
    example: '==> Downloading https://ghcr.io/v2/homebrew/portable-ruby/portable-ruby/blobs/sha256:0f1e\nError: Failed to upgrade Homebrew Portable Ruby!',
  },
  {
    // git help.c: "git: '%s' is not a git command." for a credential.helper that is not installed
    // (osxkeychain without the CLT, manager-core after Git Credential Manager was removed or renamed).
    id: 'git-credential-helper-missing',
    title: 'git is configured with a credential helper that is not installed',
    group: 'brew',
    patterns: [/git: 'credential-(?<helper>[\w-]+)' is not a git command/],
    explanation:
      'git\'s configuration names a credential helper (credential.helper) that is not there: osxkeychain needs the Command '
      + 'Line Tools\' git, manager-core was renamed manager in Git Credential Manager 2.x, and a helper removed with its '
      + 'program leaves the setting behind. git goes on without it, so a clone of the tap from the internal GitHub cannot '
      + 'find your credentials. Point credential.helper at one that exists (osxkeychain on macOS, manager, libsecret or '
      + 'cache on Linux), or remove the stale line.',
    fix: {
      description: 'See which credential helpers git is configured with, then set one that is installed (or remove the stale one)',
      commands: [['git', 'config', '--show-origin', '--get-all', 'credential.helper']],
      automatic: false,
    },
    example: "git: 'credential-manager-core' is not a git command. See 'git --help'.",
  },
  {
    // utils/github/api.rb AuthenticationFailedError / MissingAuthenticationError / RateLimitExceededError, and the
    // older "HOMEBREW_GITHUB_API_TOKEN" texts: brew's GitHub API calls (search, update of GitHub taps, gh-hosted bottles).
    id: 'brew-github-token',
    title: 'Homebrew\'s GitHub token is invalid, expired or missing',
    group: 'brew',
    patterns: [
      /GitHub API Error: (?:Bad credentials|Requires authentication|Must have admin rights|Resource not accessible by personal access token)/,
      /`?\$?HOMEBREW_GITHUB_API_TOKEN`? may be invalid or expired/,
      /Your HOMEBREW_GITHUB_API_TOKEN does not have sufficient scope/,
      /HOMEBREW_GITHUB_API_TOKEN can not access the repository/,
      /The GitHub credentials in the (?:macOS|OS X) keychain may be invalid/,
      /No GitHub credentials found in macOS Keychain, GitHub CLI or the environment/,
      /GitHub API Error: API rate limit exceeded/,
    ],
    // Homebrew's own "may be invalid or expired" is about its GitHub token, not AWS credentials.
    supersedes: ['token-invalid-or-expired'],
    explanation:
      'brew talks to the GitHub API with a token from HOMEBREW_GITHUB_API_TOKEN, the GitHub CLI or the keychain. The token it '
      + 'sent was refused (revoked, expired, or without the scope the repository needs), or none was there and the anonymous '
      + 'rate limit ran out. A token set long ago in a shell profile is the usual culprit: replace it with a new one, or '
      + 'unset it. The internal GitHub\'s tap is cloned with git\'s own credentials, not this token.',
    fix: {
      description: 'Check where the token comes from; create a new personal access token (or unset HOMEBREW_GITHUB_API_TOKEN), then retry',
      commands: [['sh', '-c', 'grep -n HOMEBREW_GITHUB_API_TOKEN ~/.zshrc ~/.zprofile ~/.bash_profile ~/.bashrc 2>/dev/null'], ['brew', 'config']],
      automatic: false,
    },
    example: 'Error: GitHub API Error: Bad credentials\n`$HOMEBREW_GITHUB_API_TOKEN` may be invalid or expired; check:\n  https://github.com/settings/tokens',
  },
  {
    // macOS Gatekeeper (the assessment that runs when a file carrying com.apple.quarantine is first opened; the
    // dialog texts of macOS 10.15–14 and 15, and spctl --assess): a downloaded program that is not notarized (a release
    // binary, an app from a zip or dmg, a script from a download) is refused until the user allows it once.
    id: 'macos-gatekeeper-blocked',
    title: 'macOS Gatekeeper refuses to open a downloaded program (quarantine, not notarized)',
    group: 'brew',
    patterns: [
      /(?:["']|(?<!“[^”"'\n]*?)“)(?<path>[^”"'\n]+)[”"'] (?:cannot|can[’']t) be opened because (?:the developer cannot be verified|it is from an unidentified developer|Apple cannot check it for malicious software)/,
      /Apple could not verify [“"'](?<path>[^”"'\n]+)[”"'] is free of malware/,
      /macOS cannot verify (?:that this app|the developer of [“"'][^”"'\n]+[”"']) is free from malware|macOS cannot verify the developer of [“"'][^”"'\n]+[”"']/,
      /(?:[”"']|(?<![^”"'\n])[“"']?)(?<path>[^”"'\n]+?)[”"']? is damaged and can[’']t be opened\. You should (?:move it to the Trash|eject the disk image)/i,
      /(?:"|(?<!“[^”"\n]*?)“)[^”"\n]+[”"] Not Opened\b/,
      // spctl --assess -v: what Gatekeeper would decide.
      /: rejected\s*\n\s*source=(?:Unnotarized Developer ID|no usable signature|Developer ID)\b/,
    ],
    explanation:
      'A file downloaded through a browser (or some download tools) carries the com.apple.quarantine attribute; the first time '
      + 'it is opened, Gatekeeper checks that it is signed and notarized by Apple, and refuses if not ("cannot be verified", '
      + '"Apple could not verify … is free of malware"; for an unsigned or ad-hoc signed app, "is damaged and can\'t be '
      + 'opened"). Nothing is wrong with the program if you got it from its own release page: allow it once in System '
      + 'Settings > Privacy & Security > Open Anyway (before macOS 15 also right-click (Control-click) > Open), or remove the '
      + 'quarantine attribute from that file: `xattr -d com.apple.quarantine FILE` (an .app folder: `xattr -dr '
      + 'com.apple.quarantine APP`, or `xattr -cr`). If you are not sure where the file came from, download it again from its '
      + 'release page (and check its checksum) instead: "damaged" can also mean a broken download. Homebrew installs '
      + 'duo-sso without quarantine, so `brew install` avoids this.',
    fix: {
      description: 'For a file from its own release page: remove the quarantine flag (xattr -d com.apple.quarantine FILE, -dr for an .app) or allow it in System Settings > Privacy & Security > Open Anyway',
      commands: [['xattr', '-l', 'FILE'], ['xattr', '-d', 'com.apple.quarantine', 'FILE']],
      automatic: false,
    },
    describe: (f) => (f.path ? `Gatekeeper refused ${f.path}.` : undefined),
    example: '“duo-sso” cannot be opened because the developer cannot be verified.\nmacOS cannot verify that this app is free from malware.',
  },
  {
    // The macOS kernel (AMFI) kills a program whose code signature is invalid as it starts: zsh's job report ("zsh:
    // killed", "[1] PID killed"), bash's "Killed: 9", and the crash report's termination reason. On Apple Silicon every
    // arm64 binary must carry a signature, so a binary patched, copied over a running one, or built without signing dies.
    id: 'macos-killed-code-signature',
    title: 'A program is killed as soon as it starts (macOS: invalid code signature; Linux: out of memory)',
    group: 'brew',
    patterns: [
      // The shell's report is the same for the out-of-memory killer: where the kernel's OOM lines are shown, it is that.
      unlessContext(OOM_CONTEXT, /(?:^|\s)zsh(?::\d+)?: killed\s+\S/),
      unlessContext(OOM_CONTEXT, /(?:^|\s)\[\d+\]\s+(?:\+\s+)?(?:\d+|<pid>)\s+killed\s+\S/),
      unlessContext(OOM_CONTEXT, /\bKilled: 9\b/),
      /Termination Reason:\s+(?:Namespace )?CODESIGNING\b|\bCode Signature Invalid\b|\bEXC_BAD_ACCESS \(Code Signature Invalid\)/,
    ],
    explanation:
      'The program received SIGKILL from the system before it did anything. On macOS that is the kernel refusing its code '
      + 'signature: on Apple Silicon every arm64 program must be signed, and one that was changed after signing (patched, '
      + 'unpacked by a tool that broke the signature, copied over a running copy) or was never signed is killed at start. '
      + 'Re-signing it ad hoc fixes it: `codesign --remove-signature FILE` then `codesign --force -s - FILE` (or install it '
      + 'again from its release, or through Homebrew). On Linux the same "Killed" is almost always the out-of-memory killer '
      + '(`dmesg | grep -i oom` shows it): free memory instead; code signing has nothing to do with it there. macOS too kills '
      + 'a program that takes too much memory (rare at start; its crash report then gives no CODESIGNING reason): if '
      + '`codesign --verify` says the signature is valid, look at memory, not the signature.',
    fix: {
      description: 'On macOS: check the signature, then remove it and sign the binary ad hoc (codesign --remove-signature FILE; codesign --force -s - FILE). On Linux: look for the out-of-memory killer (dmesg)',
      commands: [['codesign', '--verify', '--verbose', 'FILE'], ['codesign', '--remove-signature', 'FILE'], ['codesign', '--force', '-s', '-', 'FILE']],
      automatic: false,
    },
    example: 'zsh: killed     duo-sso --version',
  },
  {
    // The kernel's exec of a script whose #! line names an interpreter that is gone, as bash (execute_cmd.c "%s: %s: bad
    // interpreter"), zsh ("bad interpreter: %s: %e") and env print it: a pip- or Homebrew-installed command whose Python
    // was upgraded away (python@3.9 -> 3.12, /usr/local/opt/python/bin/python2.7). (An aws command is aws-cli-install-failed.)
    id: 'script-interpreter-missing',
    title: 'A command\'s interpreter is gone (bad interpreter: the Python it was installed with was removed)',
    group: 'brew',
    patterns: [
      // bash: "PATH: INTERPRETER: bad interpreter: …"; zsh: "PATH: bad interpreter: INTERPRETER: …" (its own case).
      /(?<!\/[^\s:]*?)(?<path>\/[^\s:]*)(?<!\/aws): \/[^\s:]+: bad interpreter: No such file or directory/,
      /(?<!\/[^\s:]*?)(?<path>\/[^\s:]*)(?<!\/aws): bad interpreter: \/[^\s:]+: no such file or directory/i,
      // bash 5.1 and later say it without the word: "PATH: cannot execute: required file not found".
      /(?<!\/[^\s:]*?)(?<path>\/[^\s:]*)(?<!\/aws): cannot execute: required file not found/,
    ],
    explanation:
      'The command is a script whose first line (#!) names the Python (or other interpreter) it was installed with, and '
      + 'that interpreter no longer exists: Homebrew upgraded python@3.x to a newer version and removed the old one, a pyenv '
      + 'version was uninstalled, or macOS dropped its Python 2. The program itself is fine; it must be installed again with '
      + 'a Python that exists: `brew reinstall NAME` (or `brew install NAME`) if Homebrew has it, `pipx reinstall NAME`, '
      + 'or `python3 -m pip install --force-reinstall NAME`. `head -1` on the command shows the interpreter it wants. (bash '
      + '5.1 and later print "cannot execute: required file not found" instead; for a compiled program the same words mean '
      + 'its loader is missing: a binary built for another system, such as glibc on Alpine.)',
    fix: {
      description: 'See which interpreter the script wants, then reinstall the program with a Python that exists (brew reinstall NAME, pipx reinstall NAME, or python3 -m pip install --force-reinstall NAME)',
      commands: [['head', '-1', 'COMMAND'], ['python3', '-m', 'pip', 'install', '--force-reinstall', 'NAME']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} names an interpreter that is not there.` : undefined),
    example: 'zsh: /usr/local/bin/saml2aws-helper: bad interpreter: /usr/local/opt/python@3.9/bin/python3.9: no such file or directory',
  },
  {
    // The kernel's ENOEXEC for a binary of another OS or CPU (a darwin build on Linux, arm64 on x86_64 Linux, a Linux
    // build on macOS), as bash ("cannot execute binary file: Exec format error"), zsh ("exec format error: %s"), dash
    // and Go's os/exec ("fork/exec %s: exec format error") print it; Windows' loader for a non-Windows file.
    id: 'binary-wrong-platform',
    title: 'A downloaded program is built for another OS or CPU (Exec format error)',
    group: 'brew',
    patterns: [
      /(?<!\S)(?<path>\S+): cannot execute binary file(?:: Exec format error)?/,
      /(?:^|\s)zsh(?::\d+)?: exec format error: (?<path>\S+)/,
      // dash and sh scripts (the AWS CLI v2's ./aws/install is #!/bin/sh) print "SCRIPT: LINE: PATH: Exec format error".
      /(?:^|\s|: )(?<path>[.~]?\/[^\s:]+): Exec format error/,
      /fork\/exec (?<path>\S+): exec format error/,
      /is not a valid Win32 application|This app can(?:'|’|no)t run on your PC/,
    ],
    explanation:
      'The file is a program, but for another system: a release asset for macOS (darwin) run on Linux, one for arm64 '
      + '(aarch64, Apple Silicon, Graviton) on an x86_64 (amd64) machine or the other way round, or a Linux one on macOS. '
      + '`uname -sm` names this machine\'s OS and CPU (`file PROGRAM` names the program\'s); download the asset whose name '
      + 'matches both (darwin_arm64 for Apple Silicon Macs, linux_amd64 for most Linux PCs), or install through Homebrew, '
      + 'which picks it. (An Intel-only program on an Apple Silicon Mac says "Bad CPU type in executable" instead: that one '
      + 'runs once Rosetta is installed.)',
    fix: {
      description: 'Compare this machine (uname -sm) with the program (file PROGRAM) and download the release asset for this OS and CPU',
      commands: [['uname', '-sm'], ['file', 'PROGRAM']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} is built for another system.` : undefined),
    example: 'bash: /usr/local/bin/duo-sso: cannot execute binary file: Exec format error',
  },
  {
    // A shell running a "binary" that is text: curl without -L (or without -f) saved GitHub's redirect or error page,
    // or a 404 body ("Not Found"), under the program's name; bash and dash/zsh say so on its first line.
    id: 'download-not-a-binary',
    title: 'The downloaded "program" is a web page or error text, not the binary (a failed download saved under its name)',
    group: 'brew',
    patterns: [
      /(?<!\S)(?<path>\S+): line 1: syntax error near unexpected token `(?:newline|<)'\s*\n[^\n]*line 1: `\s*<(?:!DOCTYPE|html|\?xml)/i,
      /(?<!\S)(?<path>\S+): (?:line )?1: `?\s*<(?:!DOCTYPE|html)[^\n]*\n?[^\n]*(?:syntax error|Syntax error)/i,
      /(?<!\S)(?<path>\S+): (?:line )?1: Not: (?:command )?not found/,
      /(?<!\S)(?<path>\S+): (?:line )?1: (?:404|Moved|Found|Redirecting|<html>): (?:command )?not found/,
    ],
    explanation:
      'The file under the program\'s name holds text, not a program: the download saved a web page instead of the release '
      + 'asset. GitHub release links redirect, and curl without -L saves the redirect page; without -f (--fail) it saves '
      + 'a 404 page ("Not Found": a wrong version, asset name or a private repository that needs a login) as if it were the '
      + 'binary. `head -c 200 FILE` shows it. Download again with `curl -fL -o FILE URL` (the asset URL for this OS and CPU), '
      + 'or install through Homebrew.',
    fix: {
      description: 'Look at what was saved (head -c 200 FILE), then download the release asset again following redirects and failing on errors (curl -fL -o FILE URL)',
      commands: [['head', '-c', '200', 'FILE'], ['curl', '-fL', '-o', 'FILE', 'URL']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} is not a program.` : undefined),
    example: "./duo-sso: line 1: syntax error near unexpected token `newline'\n./duo-sso: line 1: `<!DOCTYPE html>'",
  },
  {
    // Homebrew/install install.sh's aborts about who runs it: not an administrator on macOS (have_sudo_access), root
    // (check_run_command_as_root), no way to write the default prefix on Linux, a prefix left unsearchable.
    id: 'brew-installer-needs-admin',
    title: 'The Homebrew installer needs an administrator account (sudo), not root',
    group: 'brew',
    patterns: [
      /Need sudo access on macOS \(e\.g\. the user (?<user>\S+) needs to be an Administrator\)!/,
      /Don't run this as root!/,
      /Insufficient permissions to install Homebrew to "(?<path>[^"\n]+)"/,
      /The Homebrew prefix (?<path>\S+) exists but is not searchable\./,
    ],
    explanation:
      'Homebrew\'s installer creates its prefix (/opt/homebrew, /usr/local on Intel Macs, /home/linuxbrew/.linuxbrew) with '
      + 'sudo once, then runs as you. It stops when your account may not use sudo (on macOS: not an Administrator; on a '
      + 'company Mac, request temporary admin rights through its self-service tool, or ask IT to install it), when it is '
      + 'run as root (run it as your own user; Homebrew refuses root), or when the prefix exists but its permissions were '
      + 'changed (`sudo chmod 775 PREFIX`). duo-sso-setup can also install duo-sso as a release binary without Homebrew.',
    fix: {
      description: 'Run the installer as your own user with an account that may use sudo (an Administrator on macOS); check with sudo -v',
      commands: [['sudo', '-v'], ['duo-sso-setup', 'doctor', '--only', 'homebrew,permissions']],
      automatic: false,
    },
    example: '==> Checking for `sudo` access (which may request your password)...\nNeed sudo access on macOS (e.g. the user jdoe needs to be an Administrator)!',
  },
  {
    // install.sh aborts on its prerequisites: bash (it was piped to sh), git and curl (missing, too old, or the snap curl,
    // which it ignores as "too restricted"), and the step wrapper's "Failed during: CMD" / "Failed N times doing: CMD".
    id: 'brew-installer-prerequisite',
    title: 'The Homebrew installer stopped: bash, git or curl is missing or too old, or one of its steps failed',
    group: 'brew',
    // "Failed during: git fetch …" follows the step's own error (DNS, proxy, TLS), which is the answer when known.
    fallback: true,
    patterns: [
      /Bash is required to interpret this script\./,
      /You must install (?:Git|cURL) before installing Homebrew/,
      /The version of (?:Git|cURL) that was found does not satisfy requirements for Homebrew/,
      /Ignoring \/snap\/bin\/curl \(curl snap is too restricted\)/,
      /(?:^|\s)Failed (?:during|\d+ times doing): (?<command>[^\n]+)/,
    ],
    explanation:
      'Homebrew\'s installer must run under bash (`/bin/bash -c "$(curl -fsSL URL)"`, not `| sh`), and on Linux needs git '
      + 'and curl of recent versions (it ignores the Ubuntu snap curl: install the distribution\'s curl and git with apt or '
      + 'dnf). "Failed during: COMMAND" names the step that failed; the lines above it say why: a git fetch or curl download '
      + 'that could not reach GitHub (proxy, VPN, TLS interception), or a mkdir/chown that was refused.',
    fix: {
      description: 'Install bash, git and curl from the distribution (not the snap curl), run the installer with /bin/bash, and read the lines above "Failed during" for the step\'s own error',
      commands: [['sh', '-c', 'command -v bash git curl; git --version; curl --version | head -1'], ['duo-sso-setup', 'doctor', '--only', 'network']],
      automatic: false,
    },
    example: 'Warning: Ignoring /snap/bin/curl (curl snap is too restricted)\nThe version of cURL that was found does not satisfy requirements for Homebrew.\nPlease install cURL 7.41.0 or newer and add it to your PATH.',
  },
  {
    // Homebrew's own commands and options it has removed: odisabled("brew cask install", "brew install [--cask]") in
    // Homebrew 2.7-2.x, then brew.rb's odie "Unknown command: %s" once the command is gone (cask, switch, diy, prune,
    // linkapps); "brew tap --full". Old instructions (a README, a setup script, an Ansible role) still use them.
    id: 'brew-command-removed',
    title: 'The brew command (or option) used has been removed from Homebrew (brew cask install, brew switch)',
    group: 'brew',
    patterns: [
      /Calling `?brew (?<command>[a-z][\w-]*(?: [a-z][\w-]*)?(?: --[\w-]+)?)`? is disabled!/,
      /Error: Unknown command: (?!duo-sso\b)(?<command>[a-z][\w-]*)$/m,
    ],
    // "Calling brew … is disabled!" is about the command typed, not a formula in the tap: no re-clone, no untap.
    supersedes: ['brew-stale-tap-dsl'],
    explanation:
      'Homebrew removes commands and options a few releases after deprecating them, and the message names the replacement '
      + 'when there is one: `brew cask install NAME` became `brew install --cask NAME` (and `brew cask` is an unknown command '
      + 'since Homebrew 3); `brew switch` and `brew tap --full` have no replacement (install the versioned formula, '
      + 'formula@N, and `brew link` it). The instructions or script you followed are older than your Homebrew: use the new '
      + 'form. Nothing is wrong with the tap or the installation.',
    fix: {
      description: 'Use the replacement the message names (brew install --cask NAME instead of brew cask install NAME); see brew help for the current commands',
      commands: [['brew', 'help'], ['brew', '--version']],
      automatic: false,
    },
    example: 'Error: Calling brew cask install is disabled! Use brew install [--cask] instead.',
  },
  {
    // The AWS CLI v2 installer (aws/aws-cli exe/assets/install: mkdir -p INSTALL_DIR, cp -r, ln -sf into BIN_DIR) run
    // without the rights to write /usr/local, as coreutils prints it; and macOS installer(8) for AWSCLIV2.pkg.
    id: 'aws-cli-installer-permission',
    title: 'The AWS CLI v2 installer cannot write /usr/local (run it with sudo, or install into your home)',
    group: 'aws-cli',
    patterns: [
      /mkdir: cannot create directory ['‘"]?(?<path>\/usr\/local\/aws-cli[^'’"\s]*)['’"]?: Permission denied/,
      /(?:ln: failed to create symbolic link|cp: cannot create (?:regular file|directory|symbolic link)) ['‘"]?(?<path>\/usr\/local\/(?:bin\/aws(?:_completer)?|aws-cli)[^'’"\s]*)['’"]?: Permission denied/,
      /installer: Must be run as root to install this package\./,
    ],
    explanation:
      'The AWS CLI v2 installer copies the CLI to /usr/local/aws-cli and links aws into /usr/local/bin, which only an '
      + 'administrator may write: run it as `sudo ./aws/install` (with --update when a v2 is already there), or install it '
      + 'into your home without sudo: `./aws/install -i ~/.local/aws-cli -b ~/.local/bin`, with ~/.local/bin on PATH. On '
      + 'macOS the package installs with `sudo installer -pkg AWSCLIV2.pkg -target /`. duo-sso-setup installs it for you.',
    fix: {
      description: 'Run the installer with sudo (sudo ./aws/install), or into your home (./aws/install -i ~/.local/aws-cli -b ~/.local/bin) with ~/.local/bin on PATH',
      commands: [['duo-sso-setup', 'install', 'aws-cli'], ['./aws/install', '-i', '~/.local/aws-cli', '-b', '~/.local/bin']],
      automatic: false,
    },
    describe: (f) => (f.path ? `No permission to write ${f.path}.` : undefined),
    example: "mkdir: cannot create directory ‘/usr/local/aws-cli’: Permission denied",
  },
  {
    // pip (pip/_internal/operations/install/wheel.py message_about_scripts_not_on_PATH) and pipx (its post-install PATH
    // note) after installing a command into a folder this shell's PATH lacks: aws (v1) from pip, aws-sso-util from pipx.
    id: 'python-scripts-not-on-path',
    title: 'pip or pipx installed the command into a folder that is not on PATH (~/.local/bin)',
    group: 'aws-cli',
    patterns: [
      /The scripts? (?<command>[^\n]+?) (?:is|are) installed in '(?<path>[^'\n]+)' which is not on PATH/,
      /Note: '(?<path>[^'\n]+)' is not on your PATH environment variable\./,
    ],
    explanation:
      'pip (with --user, or a Python whose scripts folder is not on PATH) and pipx put commands in ~/.local/bin (macOS: '
      + '~/Library/Python/3.X/bin; Windows: %APPDATA%\\Python\\Python3X\\Scripts), and this shell\'s PATH does not include '
      + 'that folder, so the command is "not found" although it is installed. `pipx ensurepath` adds it to your shell '
      + 'profile (then open a new terminal), or add it yourself. For the AWS CLI, pip installs the old v1: install v2 '
      + 'instead (`duo-sso-setup install aws-cli`) and remove the pip one, so `aws --version` says aws-cli/2.',
    fix: {
      description: 'Add the folder the message names to PATH (pipx ensurepath, then a new terminal); for the AWS CLI install v2 instead of pip\'s v1',
      commands: [['pipx', 'ensurepath'], ['duo-sso-setup', 'doctor', '--only', 'path,aws-cli']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} is not on PATH.` : undefined),
    example: "WARNING: The scripts aws, aws.cmd, aws_bash_completer, aws_completer and aws_zsh_completer.sh are installed in '/home/jdoe/.local/bin' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.",
  },
  {
    // Scoop (Windows; lib/install.ps1 check_hash: "Hash check failed!" with App/URL/Expected/Actual lines, before 2017
    // "hash check failed for URL. expected: …, actual: …!"): the download does not match the hash in the app's manifest.
    id: 'scoop-hash-check-failed',
    title: 'Scoop\'s download does not match the hash in the app\'s manifest',
    group: 'brew',
    patterns: [
      /Checking hash of [^\n]*\.\.\. ERROR Hash check failed!/,
      /\bERROR Hash check failed!\s*\n[^\n]*App:/,
      /hash check failed for (?<url>https?:\/\/\S+?)\.?\s*expected:/i,
      /checking hash\.\.\.\s*hash check failed for https?:\/\//i,
    ],
    explanation:
      'Scoop checks every download against the hash its bucket\'s manifest names. A mismatch almost always means the '
      + 'publisher replaced the file and the manifest here is older than the fix the bucket has since made (or a download '
      + 'cut short in Scoop\'s cache). Update Scoop and its buckets, then uninstall and install the app again (scoop cache rm '
      + 'APP drops a partial download); if it persists the bucket has not been fixed yet: report it there. Skipping the '
      + 'check (--skip-hash-check) installs a file nobody verified.',
    fix: {
      description: 'Update Scoop and its buckets (scoop update), then reinstall the app (scoop uninstall APP; scoop cache rm APP; scoop install APP)',
      commands: [['scoop', 'update'], ['scoop', 'status']],
      automatic: false,
    },
    example: "Checking hash of scoop-completion.psm1 ... ERROR Hash check failed!\nApp:         extras/scoop-completion\nURL:         https://github.com/Moeologist/scoop-completion/releases/download/v0.2.3/scoop-completion.psm1\nFirst bytes: 23 52 45 51 55 49 52 45\nExpected:    a1b2c3…\nActual:      d4e5f6…",
  },
  {
    // Homebrew's formula loader for a URL (Library/Homebrew/formulary.rb FromUrlLoader): Homebrew 4 refuses formula files
    // from arbitrary URLs and GitHub commit URLs (UnsupportedInstallationMethod); before that it fetched the .rb with curl
    // into Caches/Homebrew/Formula and failed on a 404 ("Failure while executing: … curl … URL.rb -o …/Formula/NAME.rb"),
    // which brew bundle hit for a URL in a Brewfile.
    id: 'brew-formula-from-url',
    title: 'A formula given by URL (brew install URL, a URL in a Brewfile) instead of from a tap',
    group: 'brew',
    patterns: [
      /Non-checksummed download of (?<formula>\S+) formula file from an arbitrary URL is unsupported/,
      /Installation of (?<formula>\S+) from a GitHub commit URL is unsupported/,
      /Failure while executing:? [^\n]*curl[^\n]*https?:\/\/\S+\.rb -o \S*\/Caches\/Homebrew\/Formula\/[^\s/]+\.rb/,
    ],
    explanation:
      'Homebrew installs formulae from taps (git repositories named OWNER/homebrew-NAME). Giving it the URL of a formula file '
      + '(brew install https://…/NAME.rb, or brew "https://…" in a Brewfile) is not supported: Homebrew 4 refuses it outright '
      + '("Non-checksummed download … is unsupported"), and older versions downloaded the file and failed when the URL did '
      + 'not answer (curl 22, 404; brew bundle also lower-cased the URL). Put the formula in a tap and install it by name: '
      + '`brew tap OWNER/NAME` (or `brew tap-new` and `brew extract` for an old version), then `brew install OWNER/NAME/FORMULA`, '
      + 'and in a Brewfile a `tap "OWNER/NAME"` line before `brew "OWNER/NAME/FORMULA"`. duo-sso comes from its tap this way.',
    fix: {
      description: 'Install from a tap instead of a URL: brew tap OWNER/NAME, then brew install OWNER/NAME/FORMULA (in a Brewfile: tap "OWNER/NAME" and brew "OWNER/NAME/FORMULA")',
      commands: [['brew', 'tap'], ['duo-sso-setup', 'doctor', '--only', 'brew']],
      automatic: false,
    },
    example: 'Error: Non-checksummed download of duo-sso formula file from an arbitrary URL is unsupported! Use `brew extract` or `brew create` and `brew tap-new` to create a formula file in a tap on GitHub instead.',
  },
  {
    // Homebrew keeps a symlink per linked keg in var/homebrew/linked (before 1.0 Library/LinkedKegs). Homebrew 1.0's
    // migration of those records (September 2016) broke every command with Ruby's Errno::ENOENT from FileUtils.ln_sf
    // ("No such file or directory - (TARGET, LINK)"), fixed by the next brew update; utils/link.rb "Could not link:" asks
    // the same (delete the paths, brew update).
    id: 'brew-linked-keg-records',
    title: 'Homebrew\'s own records of linked kegs are broken (every brew command fails the same way)',
    group: 'brew',
    // The linked-keg record is the path Ruby names ("@ rb_file_s_symlink - (…)" since Ruby 2.6): this says which file and why.
    supersedes: ['brew-files-changed'],
    patterns: [
      /Error: No such file or directory (?:@ \w+ )?- \(?[^\n]*\/var\/homebrew\/linked\/(?<formula>[^\s)\/]+)\)?/,
      /Error: No such file or directory (?:@ \w+ )?- [^\n]*\/Library\/LinkedKegs\/(?<formula>[^\s)\/]+)/,
      /Error: Could not link:\s*\n(?:[^\n]*\n){1,6}?\s*Please delete these paths and run `brew update`\./,
    ],
    explanation:
      'Homebrew records which version of each formula is linked as a symlink in $(brew --prefix)/var/homebrew/linked. When '
      + 'that record points at a keg that is gone, or Homebrew\'s own migration of the records fails (Homebrew 1.0 did, for '
      + 'a day, in September 2016), every brew command stops with the same "No such file or directory - (../../../Cellar/…, '
      + '…/var/homebrew/linked/NAME)". It is Homebrew\'s bug, fixed upstream: run `brew update` again (twice if the first '
      + 'run fails the same way, or `brew update-reset`). Only if it persists, remove that one dangling record in '
      + 'var/homebrew/linked and `brew link` the formula again. Reinstalling Homebrew is not needed.',
    fix: {
      description: 'Run brew update again to get Homebrew\'s fix (brew update-reset if brew update itself fails), then brew doctor',
      commands: [['brew', 'update'], ['brew', 'update-reset'], ['brew', 'doctor']],
      automatic: false,
    },
    describe: (f) => (f.formula ? `The broken record is the one for ${f.formula}.` : undefined),
    example: 'Error: No such file or directory - (../../../Cellar/ffmpeg/3.1.2, /usr/local/var/homebrew/linked/ffmpeg)',
  },
  {
    // Homebrew Cask (Library/Homebrew/cask/artifact/moved.rb: "It seems the %s source '%s' is not there."): upgrading or
    // uninstalling a cask whose app was deleted or moved by hand, so Homebrew cannot move it back into the Caskroom.
    id: 'brew-cask-app-missing',
    title: 'A cask\'s app was deleted or moved outside Homebrew, so upgrade or uninstall cannot find it',
    group: 'brew',
    patterns: [
      /It seems the (?:App|Binary|Pkg|Suite|Manpage|Font|Prefpane|Qlplugin|Service|Colorpicker|Dictionary|Input Method|Internet Plugin|Audio Unit Plugin|Vst Plugin|Vst3 Plugin|Screen Saver|Keyboard Layout|Mdimporter|Artifact) source '(?<path>[^'\n]+)' is not there/,
    ],
    explanation:
      'Homebrew still records the cask as installed, but its app is no longer where Homebrew put it (deleted from '
      + '/Applications by hand, moved, or renamed), so an upgrade (which first moves the old app back) or an uninstall stops. '
      + 'Make Homebrew forget the missing copy, `brew uninstall --cask --force NAME` (it removes only Homebrew\'s record and '
      + 'what is left of it), then install the cask again (`brew install --cask NAME`).',
    fix: {
      description: 'Remove Homebrew\'s record of the missing app (brew uninstall --cask --force <cask>), then install the cask again',
      commands: [['brew', 'uninstall', '--cask', '--force', '<cask>'], ['brew', 'install', '--cask', '<cask>']],
      automatic: false,
    },
    describe: (f) => (f.path ? `Homebrew expected the app at ${f.path}.` : undefined),
    example: "==> Purging files for version 1.0.4 of Cask tinypng4mac\nError: tinypng4mac: It seems the App source '/Applications/TinyPNG4Mac.app' is not there.",
  },
];
