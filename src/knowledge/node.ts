// Failures of installing or running duo-sso-setup itself with npm, Node or Deno: npm's error
// codes (npm/cli lib/utils/error-message.js prints "npm ERR! code X" / "npm error code X")
// and Node's errno names (libuv: EACCES, ENOSPC), and engine checks.
import { inContext } from './context.js';
import { nodeFsError } from './node-errors.js';
import type { KnownFailure } from './types.js';

export const nodeFailures: readonly KnownFailure[] = [
  {
    id: 'npm-global-permissions',
    title: 'npm cannot write to the global install folder (EACCES)',
    group: 'node',
    patterns: [
      /npm (?:ERR!|error) code EACCES/,
      nodeFsError('EACCES', 'permission denied', 'mkdir|open|rename|symlink|access|unlink|rmdir|scandir', String.raw`(?<path>[^']*(?:node_modules|\.npm|lib\/node|bin)[^']*)`),
      // npm printing the error itself, whatever the path (its cache, prefix or, in npm 1-2, ~/tmp): Node 4+ and 0.x forms.
      /npm (?:ERR!|error) Error: EACCES[:,] /,
      // Node's own files in a home folder left root-owned by a sudo run (~/.npm, ~/.nvm, the REPL history).
      /EACCES:? ?permission denied, (?:open|mkdir)\s*'\/(?:home|Users)\/[^'\/]+\/(?:\.npm|\.nvm|\.node_repl_history|\.node-gyp|\.config\/configstore)[^']*'?/,
      /The operation was rejected by your operating system\.\s*\n?[^\n]*(?:npm (?:ERR!|error) )?It is likely you do not have the permissions/,
      // npm run as root drops to "nobody" for install scripts (npm 6 unsafe-perm): node-gyp then cannot read root's
      // header cache (lib/install.js "current user … does not have permission to access the dev dir"), and npm 6
      // skips the script ("cannot run in wd").
      /gyp WARN EACCES (?:current )?user \("?[\w-]+"?\) does not have permission to access the dev dir/,
      /npm WARN lifecycle \S+~(?:pre|post)?install: cannot run in wd\b/,
    ],
    explanation:
      'npm installs global packages under its prefix (often /usr/local or /usr, owned by root) or writes its cache in '
      + '~/.npm (npm 1 and 2 also a temporary folder, ~/tmp), which a past `sudo npm` may have left owned by root. Do not use sudo for npm: point the prefix at a folder '
      + 'you own (`npm config set prefix ~/.npm-global`, add ~/.npm-global/bin to PATH) or use a version manager (nvm, fnm), '
      + 'and give ~/.npm back to yourself if root owns it. Under sudo, npm runs packages\' install scripts as "nobody", so '
      + 'node-gyp cannot use root\'s files ("does not have permission to access the dev dir", "cannot run in wd"): the same '
      + 'cure, no sudo.',
    fix: {
      description: 'Install into a prefix you own instead of using sudo, then install again',
      commands: [['npm', 'config', 'set', 'prefix', '~/.npm-global'], ['sudo', 'chown', '-R', '<user>', '~/.npm']],
      automatic: false,
    },
    example: "npm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/local/lib/node_modules/duo-sso-setup\nnpm ERR! errno -13\nnpm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/duo-sso-setup'",
  },
  {
    id: 'disk-full',
    title: 'No space left on the disk (ENOSPC)',
    group: 'node',
    patterns: [
      /\bENOSPC\b[^\n]*no space left on device/i, /npm (?:ERR!|error) code ENOSPC/, /No space left on device/, /\[Errno 28\] No space left on device/,
      // Node 0.x (`ENOSPC, mkdir '/p'`), npm 2-6's heading and detail (lib/utils/error-message.js); not the
      // file-watcher limit, which Node reports as ENOSPC too ("System limit for number of file watchers reached").
      /\bENOSPC, (?!System limit)/, /npm (?:ERR!|error) nospc\b/, /related to insufficient space on your system/,
    ],
    explanation:
      'A write failed because the file system is full (or its inode table is): the download, npm\'s cache or a temporary '
      + 'folder. Nothing is wrong with the tool. (On Linux, "System limit for number of file watchers reached" is ENOSPC too, '
      + 'but is a watcher limit, not space.)',
    fix: { description: 'See which file system is full and free space (npm cache clean --force empties npm\'s cache)', commands: [['df', '-h'], ['npm', 'cache', 'clean', '--force']], automatic: false },
    example: 'npm ERR! code ENOSPC\nnpm ERR! syscall write\nnpm ERR! errno -28\nnpm ERR! nospc ENOSPC: no space left on device, write',
  },
  {
    id: 'node-too-old',
    title: 'Node.js is older than duo-sso-setup needs',
    group: 'node',
    patterns: [
      /\bEBADENGINE\b/,
      /npm (?:ERR!|error|WARN) (?:notsup|engine) Unsupported engine/,
      /Unsupported engine for (?<package>\S+): wanted: \{"node":"(?<wanted>[^"]+)"\}/,
      /SyntaxError: Unexpected token '(?:\?|\.)'(?!, "[^\n]*" is not valid JSON)/,
      /Node\.js (?:v?\d+(?:\.\d+)*|version) (?:is )?(?:not supported|too old)|requires Node(?:\.js)? (?:>=|version )?\s*\d+/i,
      // npm 2-6 (lib/utils/error-message.js ENOTSUP with engines).
      /Not compatible with your version of node\/npm/,
      // The AWS SDK for JavaScript v3's NodeDeprecationWarning (@aws-sdk/core emitWarningIfUnsupportedVersion),
      // yarn's engine check, and a Node without a global fetch (before 18).
      /NodeDeprecationWarning: The AWS SDK for JavaScript \(v3\) will\b/,
      /The engine "node" is incompatible with this module/,
      /ReferenceError: fetch is not defined/,
      // V8's messages for syntax and built-ins an old Node lacks: let/const outside strict mode (Node 4-5), spread and
      // rest (before 6 and 8.3), async functions (before 7.6), and methods added in Node 11-16.
      /SyntaxError: Block-scoped declarations \(let, const, function, class\) not yet supported outside strict mode/,
      /SyntaxError: Unexpected token (?:\.\.\.|function)$/m,
      /TypeError: \S+\.(?:replaceAll|flatMap|hasOwn|findLast|at) is not a function/,
      /ReferenceError: (?:structuredClone|AbortController) is not defined/,
      // npm's own check (lib/cli.js, lib/utils/unsupported.js) of the Node it runs on.
      /npm (?:v?[\d.]+ )?(?:is known not to run on|does not support) Node\.js v?\d/,
      // The node: scheme for built-ins (Node 14.18/16 and later): an older Node has no such module.
      /Cannot find module 'node:[\w/]+'|No such built-in module: node:[\w/]+|\bERR_UNKNOWN_BUILTIN_MODULE\b/,
    ],
    explanation:
      'duo-sso-setup needs Node.js 20 or newer (or Deno 2); the AWS SDK warns (NodeDeprecationWarning) as each Node line nears '
      + 'its end of support. An older Node fails at install with EBADENGINE or, if the check '
      + 'is skipped, at start with a syntax error on newer JavaScript. When `current` is newer than `required` (an engines field '
      + 'that pins one major version), the package\'s engines field is too strict: npm only warns, nothing needs doing.',
    fix: { description: 'Install a current Node.js (20 or newer), then install again', commands: [['node', '--version'], ['duo-sso-setup', 'doctor', '--only', 'platform']], automatic: false },
    example: 'npm WARN EBADENGINE Unsupported engine {\nnpm WARN EBADENGINE   package: \'duo-sso-setup@0.1.0\',\nnpm WARN EBADENGINE   required: { node: \'>=20\' },\nnpm WARN EBADENGINE   current: { node: \'v16.20.2\', npm: \'8.19.4\' }\nnpm WARN EBADENGINE }',
  },
  {
    // Version managers' shims (asdf lib/functions/commands & shims: "No version is set for command %s" / "No preset
    // version installed for command %s", "unknown command: %s. Perhaps you have to reshim?"; mise "No version is set
    // for shim: %s"): the command is on PATH as a shim, but no version of the tool is selected or installed here.
    id: 'version-manager-no-version',
    title: 'A version manager\'s shim (asdf, mise, pyenv) has no version of the tool selected here',
    group: 'node',
    patterns: [
      /No version is set for (?:command|shim:?) (?<command>\S+)/,
      /No preset version installed for command (?<command>\S+)/,
      /unknown command: (?<command>\S+)\. Perhaps you have to reshim\?/,
      // pyenv, rbenv and nodenv (libexec/*-which): the command exists only in versions not selected here.
      /The [`'](?<command>[^'`\n]+)' command exists in these (?:Python|Ruby|Node) versions:/,
      /(?:pyenv|rbenv|nodenv): version `[^'\n]+' is not installed \(set by [^)\n]+\)/,
      // nvm (nvm.sh nvm_use): the version .nvmrc or the command names is not installed yet.
      /N\/A: version "[^"\n]+" is not yet installed\.|You need to run "nvm install [^"\n]*" to install it before using it\./,
      // fnm (src/commands/use.rs): the version .nvmrc / .node-version or the command names is not installed.
      /Requested version (?<version>\S+) is not currently installed/,
      // Volta (crates/volta-core/src/error/kind.rs NoPlatform, BinaryNotFound, NoProjectNodeInManifest): its shims found no
      // default Node, or no installed package provides the command.
      /Volta error: Node is not available\.|first set a default version using `volta install node`/,
      /Volta error: Could not find executable "(?<command>[^"\n]+)"/,
      /Volta error: No Node version found in this project\./,
      // nvm (nvm.sh nvm_install / nvm_remote_version): no such release at all.
      /Version '[^'\n]+' not found - try `nvm ls-remote` to browse available versions\./,
    ],
    // pyenv's first line ("pyenv: aws: command not found") is not a missing install: the next lines say where it is.
    supersedes: ['aws-cli-not-found', 'node-not-found'],
    explanation:
      'The command found on PATH is a shim of asdf (or mise), which runs the version that .tool-versions (or mise.toml) '
      + 'in this folder or its parents, or your global setting, selects. None is selected for this tool here, or the one '
      + 'selected is not installed: the project pins other tools only, or you are outside the project. Select one '
      + '(asdf set -u TOOL VERSION, or asdf global TOOL VERSION before asdf 0.16; mise use -g TOOL@VERSION), install it '
      + '(asdf install), and reshim after installing a command through another tool (asdf reshim). pyenv (rbenv, nodenv) '
      + 'says "command not found" and lists the versions that have the command: select one of them (pyenv global VERSION, '
      + 'or pyenv shell for this shell), or install the command into the selected version; for the AWS CLI, install v2 '
      + 'instead of a pip aws inside one Python version. nvm says "N/A: version … is not yet installed": run the `nvm install '
      + 'VERSION` it names (or `nvm install` in the folder with .nvmrc); fnm says "Requested version … is not currently installed": '
      + '`fnm install VERSION` (or `fnm use --install-if-missing`); nvm\'s "Version \'X\' not found - try `nvm ls-remote`" means no '
      + 'such release exists: pick one `nvm ls-remote` lists. Volta ("Volta error: Node is not available") has no default Node: '
      + '`volta install node` (or `volta pin node` in the project); "Could not find executable" means no package Volta manages '
      + 'provides that command: `volta install PACKAGE` (global npm installs under Volta land in its toolchain).',
    fix: {
      description: 'See which versions are installed and selected (asdf current), then select one for this tool (asdf set -u <tool> <version>, or mise use -g) and install it',
      commands: [['asdf', 'current'], ['asdf', 'install']],
      automatic: false,
    },
    example: 'No version is set for command aws\nConsider adding one of the following versions in your config file at /home/jdoe/.tool-versions\nawscli 2.15.30',
  },
  {
    // A `#!/usr/bin/env node` script started where node is not on PATH: env(1)'s message (GNU and
    // BSD), the shells', and Go's exec (duo-sso or the AWS CLI running a credential_process).
    id: 'node-not-on-path',
    title: 'node is not on the PATH of the program that runs duo-sso-setup',
    group: 'node',
    supersedes: ['credential-process-failed'],
    patterns: [
      // (A shell's own "node: command not found" is node-not-found's, in npm.ts.)
      /\benv: ['‘]?node['’]?: No such file or directory/,
      /exec: \\?"node\\?": executable file not found/,
    ],
    explanation:
      'duo-sso-setup runs on Node, found through PATH. A terminal may have it (nvm, fnm, asdf or Homebrew set PATH in your '
      + 'shell\'s rc file) while programs started another way do not: the AWS CLI running `credential_process` from an IDE, '
      + 'kubectl, cron or a GUI app, or a non-interactive shell. Use an absolute path to node in credential_process, or install '
      + 'Node where every program sees it.',
    fix: {
      description: 'See where node is in your shell, and make credential_process (or the calling program) use that absolute path',
      commands: [['which', 'node'], ['duo-sso-setup', 'doctor', '--only', 'platform,path']],
      automatic: false,
    },
    example: "/usr/bin/env: 'node': No such file or directory",
  },
  {
    // npm/cli lib/utils/error-message.js prints "npm ERR! code X" (npm 10: "npm error code X") for
    // these filesystem conflicts during a global install.
    // (EEXIST, EPERM/EBUSY and EINTEGRITY have their own entries in npm.ts.)
    id: 'npm-install-conflict',
    title: 'An interrupted earlier install left a folder in npm\'s way (ENOTEMPTY)',
    group: 'node',
    patterns: [
      /npm (?:ERR!|error) code ENOTEMPTY\b/,
      nodeFsError('ENOTEMPTY', 'directory not empty', 'rename'),
    ],
    explanation:
      'ENOTEMPTY: an interrupted earlier install left a temporary folder (.NAME-XXXXXXXX) next to the package in '
      + 'node_modules, and npm will not rename over it. Delete the leftover folder and install again.',
    fix: {
      description: 'Delete the leftover .duo-sso-setup-* folder next to the package in npm\'s global node_modules, then install again',
      commands: [['npm', 'root', '-g'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: "npm error code ENOTEMPTY\nnpm error syscall rename\nnpm error path /usr/local/lib/node_modules/duo-sso-setup\nnpm error ENOTEMPTY: directory not empty, rename '/usr/local/lib/node_modules/duo-sso-setup' -> '/usr/local/lib/node_modules/.duo-sso-setup-Kz3Qx1'",
  },
  {
    // The keyring's native part (@napi-rs/keyring's generated index.js loader), node-gyp builds of
    // other native modules, and the loader's ABI and architecture checks (Node's dlopen).
    id: 'native-binding-missing',
    supersedes: ['node-dependencies-missing'],
    title: 'A native module of duo-sso-setup (the keyring) is missing or built for another Node or CPU',
    group: 'node',
    patterns: [
      /Cannot find native binding\.|Failed to load native binding\b|Native binding package version mismatch/,
      /Cannot find module '@napi-rs\/keyring-[\w-]+'/,
      // node-gyp built modules (keytar and other keyring bindings) whose build output is missing.
      /Cannot find module ['"][^'"\n]*build\/Release\/[\w-]+\.node['"]/,
      // Node's dlopen of an addon built for another Node or Electron ABI whose module never registered (node src/node_binding.cc).
      /Module did not self-register/,
      /was compiled against a different Node\.js version\b/,
      inContext(/\.node\b|node_modules|\bnode(?:js)?\b|\bnpm\b|ERR_DLOPEN_FAILED/, /incompatible architecture \(have '(?:x86_64|arm64e?)', need '(?:x86_64|arm64e?)'\)|\binvalid ELF header\b|\bwrong ELF class\b/),
      /\bERR_DLOPEN_FAILED\b/,
      // Windows LoadLibrary on a .node file built for another Node/Electron ABI (ERROR_DLL_INIT_FAILED 1114), as Node's
      // dlopen reports it with the file's path on the next line.
      /A dynamic link library \(DLL\) initialization routine failed\.?\s*(?:\r?\n)?[^\n]*\.node\b/,
      // (node-gyp's own failures are node-gyp-failed's and its specific siblings'.)
      /No prebuilt binaries found/,
    ],
    explanation:
      'duo-sso-setup reads the OS keyring through a native module installed for one platform, CPU and Node version. It is '
      + 'missing when npm skipped the optional platform package (an npm bug with optional dependencies, or a lock file made '
      + 'on another OS), and refuses to load after Node was upgraded, or when Node runs under Rosetta (x86_64) on Apple '
      + 'Silicon or the other way round. Reinstalling with the Node you run fixes it. "Module did not self-register" and a '
      + 'missing build/Release/NAME.node are the same mismatch for another package (keytar in an Electron app): Electron has its '
      + 'own ABI, not Node\'s, so rebuild the module for it (npx electron-rebuild -f -w keytar, or $(npm bin)/electron-rebuild); '
      + 'on Windows a wrong build shows as "A dynamic link library (DLL) initialization routine failed". Under plain Node, '
      + 'npm rebuild (after npm cache clean and npm prune) builds it again.',
    fix: {
      description: 'Reinstall duo-sso-setup with the Node (and CPU architecture) you run it with: remove node_modules and package-lock.json in the checkout first (another package\'s module: delete its build folder and run npm rebuild in that project; inside an Electron app, rebuild it for Electron\'s ABI with electron-rebuild)',
      commands: [['node', '-p', 'process.version + " " + process.arch'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: "Error: Cannot find module '@napi-rs/keyring-darwin-arm64'\nRequire stack:\n- /usr/local/lib/node_modules/duo-sso-setup/node_modules/@napi-rs/keyring/index.js",
  },
  {
    // npm/cli lib/utils/error-message.js: the registry or the dependency resolution refused the install.
    id: 'npm-registry-or-resolution',
    // (E401/E403 and E404/ETARGET have their own entries in npm.ts.)
    title: 'npm could not resolve the dependencies (ERESOLVE, EBADPLATFORM)',
    group: 'node',
    patterns: [
      /npm (?:ERR!|error) code (?:ERESOLVE|EBADPLATFORM)\b/,
      /npm (?:ERR!|error) (?:ERESOLVE (?:unable to resolve|could not resolve)|notsup Unsupported platform)/,
    ],
    explanation:
      'ERESOLVE is a conflict between peer dependencies (often an old lockfile or a .npmrc setting from another project); '
      + 'EBADPLATFORM a package built for another OS or CPU (a lockfile made elsewhere). Installing from the checkout\'s own '
      + 'lockfile with a current npm resolves both. A package whose package.json limits "os" or "cpu" (fsevents is macOS-only) '
      + 'must not be installed by name on another OS: other packages list it as an optional dependency, which npm skips '
      + 'there; remove it from your own dependencies (or move it to optionalDependencies) instead.',
    fix: {
      description: 'Install from the checkout with a current npm (npm ci, then npm install -g .); check which registry and settings npm uses',
      commands: [['npm', 'config', 'list'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree',
  },
  {
    // npm/cli: install run outside the checkout (npm 7+ ENOENT on package.json, npm 6 ENOLOCAL), and the
    // cache corruption errors npm itself prints (pacote/cacache reading a damaged entry).
    id: 'npm-wrong-folder-or-cache',
    title: 'npm was run outside the duo-sso-setup folder, or its cache is damaged',
    group: 'node',
    patterns: [
      nodeFsError('ENOENT', 'no such file or directory', 'open', String.raw`[^'\n]*package\.json`),
      // npm 2-6 (lib/utils/error-message.js ENOPACKAGEJSON).
      /npm can't find a package\.json file in your current directory/,
      /npm (?:ERR!|error) code ENOLOCAL|Could not install from "[^"\n]*" as it does not contain a package\.json file/,
      /Cannot read propert(?:y|ies) of null \(reading 'pickAlgorithm'\)/,
      /npm (?:ERR!|error) Maximum call stack size exceeded/,
      /npm (?:ERR!|error) Unexpected end of JSON input while parsing/,
      // npm 5-6 losing track of a callback, almost always over a damaged cache (cache clean, then a current npm).
      /npm (?:ERR!|error) cb\(\) never called!/,
    ],
    explanation:
      'duo-sso-setup installs from its checkout with `npm install -g .`: run elsewhere, npm finds no package.json (ENOENT, or '
      + 'ENOLOCAL in npm 6). The other messages are npm reading a damaged cache entry (an interrupted download, a disk that '
      + 'filled up): clearing the cache and installing again fixes them.',
    fix: {
      description: 'cd into the duo-sso-setup checkout before npm install -g .; for the cache errors, clear npm\'s cache first',
      commands: [['npm', 'cache', 'clean', '--force'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: "npm ERR! code ENOENT\nnpm ERR! syscall open\nnpm ERR! path /home/jdoe/package.json\nnpm ERR! errno -2\nnpm ERR! enoent ENOENT: no such file or directory, open '/home/jdoe/package.json'",
  },
  {
    // duo-sso-setup itself not found after `npm install -g .`: the shells' messages (bash, zsh, dash,
    // cmd.exe, PowerShell) for the command, and PowerShell's execution policy refusing npm's .ps1 shim.
    id: 'duo-sso-setup-not-on-path',
    title: 'duo-sso-setup is not on PATH (npm\'s global bin folder is missing from it)',
    group: 'node',
    patterns: [
      /command not found: duo-sso-setup\b|\bduo-sso-setup: (?:command )?not found\b/,
      /'duo-sso-setup(?:\.cmd|\.ps1)?' is not recognized as/,
      /duo-sso-setup\.ps1 cannot be loaded because running scripts is disabled on this system/,
    ],
    supersedes: ['duo-sso-not-found', 'powershell-execution-policy'],
    explanation:
      'npm installs the duo-sso-setup command into its global bin folder (`npm prefix -g` followed by /bin; on Windows '
      + '%AppData%\\npm). That folder is not on this shell\'s PATH: the prefix was changed (~/.npm-global) without adding its '
      + 'bin to PATH, nvm or fnm is not loaded in this shell, or the install did not finish. On Windows PowerShell, "running '
      + 'scripts is disabled" refuses npm\'s .ps1 shim: run duo-sso-setup.cmd, or allow local scripts for your user '
      + '(Set-ExecutionPolicy -Scope CurrentUser RemoteSigned).',
    fix: {
      description: 'Add npm\'s global bin folder to PATH in your shell profile (or install again from the checkout), then open a new shell',
      commands: [['npm', 'prefix', '-g'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: 'zsh: command not found: duo-sso-setup',
  },
  {
    // node-gyp compiles a package's C/C++ part at install time and needs Python for its build files: lib/find-python.js
    // ("gyp ERR! find Python", "Could not find any Python installation to use"), node-gyp before 5 (lib/configure.js
    // "Can't find Python executable", "is v3.x, which is not supported by gyp"), and gyp on Python 3.12, which removed distutils.
    id: 'node-gyp-python-missing',
    title: 'node-gyp (building a native module) cannot find a Python it can use',
    group: 'node',
    supersedes: ['native-binding-missing'],
    patterns: [
      /\bgyp ERR! find Python\b/,
      /Could not find any Python installation to use/,
      /Can't find Python executable "[^"\n]*", you can set the PYTHON env variable/,
      /Python executable "[^"\n]*" is v[\d.]+, which is not supported by gyp/,
      /\bgyp\b[\s\S]{0,3000}?ModuleNotFoundError: No module named '?distutils'?/,
    ],
    explanation:
      'A package with a native (C/C++) part is compiled during `npm install` by node-gyp, which runs Python to generate its '
      + 'build files. No usable Python was found: none is installed or on PATH, PYTHON or npm\'s `python` setting names one '
      + 'that is gone, or its version does not suit this node-gyp (node-gyp before 5 needs Python 2.7 and refuses Python 3; '
      + 'node-gyp before 10 fails on Python 3.12, which removed distutils: upgrade npm/node-gyp, or `pip install setuptools`). '
      + 'Install Python (python3; python2.7 for an old node-gyp) and point node-gyp at it (`npm config set python '
      + '/path/to/python`, or the PYTHON variable). duo-sso-setup\'s own keyring module is prebuilt and needs no Python: this '
      + 'is another package being built.',
    fix: {
      description: 'Install a Python this node-gyp supports (python3, or python2.7 for node-gyp before 5) and tell npm where it is (npm config set python PATH), then install again',
      commands: [['sh', '-c', 'command -v python3 python python2; npm config get python'], ['npm', 'config', 'set', 'python', 'python3']],
      automatic: false,
    },
    example: 'gyp ERR! find Python Python is not set from command line or npm configuration\ngyp ERR! find Python - "python3" is not in PATH or produced an error\ngyp ERR! configure error\ngyp ERR! stack Error: Could not find any Python installation to use',
  },
  {
    // node-gyp's build step (lib/build.js: "`make` failed with exit code: N", "not found: make") and its Windows
    // Visual Studio search (lib/find-visualstudio.js "gyp ERR! find VS"): no compiler toolchain, or one that cannot
    // build this module for this Node.
    id: 'node-gyp-build-failed',
    title: 'node-gyp could not compile a native module (no compiler toolchain, or Xcode licence not accepted)',
    group: 'node',
    supersedes: ['native-binding-missing'],
    patterns: [
      /\bgyp ERR! build error\b/,
      /\bgyp ERR! stack Error: `(?:make|msbuild|MSBuild\.exe)` failed with exit code: \d+/,
      /\bgyp ERR! stack Error: not found: make\b/,
      /\bgyp ERR! find VS\b|Could not find any Visual Studio installation to use/,
      /\bmake: (?:g\+\+|cc|c\+\+|gcc|clang\+\+): (?:Command not found|No such file or directory)/,
    ],
    explanation:
      'A package with a native (C/C++) part is compiled during `npm install` by node-gyp, and the compile failed. Most often '
      + 'the compiler toolchain is missing: on macOS the Xcode Command Line Tools (`xcode-select --install`), and after an '
      + 'Xcode install or update its licence must be accepted (`sudo xcodebuild -license accept`) before anything compiles; '
      + 'open a new terminal afterwards. On Linux install build-essential (make, g++) and python3; on Windows the Visual '
      + 'Studio Build Tools with "Desktop development with C++". When the toolchain is there, the compiler errors above '
      + '"gyp ERR! build error" name the cause: often a module version too old for this Node (upgrade the package). '
      + 'duo-sso-setup\'s own keyring module is prebuilt and compiles nothing.',
    fix: {
      description: 'Install the compiler toolchain (macOS: xcode-select --install, then sudo xcodebuild -license accept if Xcode is installed; Linux: build-essential; Windows: Visual Studio Build Tools), open a new terminal and install again',
      commands: [['xcode-select', '--install'], ['sudo', 'xcodebuild', '-license', 'accept']],
      platformCommands: { linux: [['sudo', 'apt-get', 'install', 'build-essential', 'python3']] },
      automatic: false,
    },
    example: 'gyp ERR! build error\ngyp ERR! stack Error: `make` failed with exit code: 2\ngyp ERR! stack     at ChildProcess.onExit (/usr/local/lib/node_modules/npm/node_modules/node-gyp/lib/build.js:194:23)',
  },
  {
    // pkg-config (freedesktop pkg.c "Package '%s', required by '%s', not found", "Package %s was not found in the pkg-config
    // search path", "No package '%s' found"), pkgconf (cli "required by 'virtual:world'"), gyp running pkg-config for a
    // keyring binding's cflags, and the compiler missing the header: the library's development files are not installed.
    id: 'native-build-library-missing',
    title: 'A native module cannot be built: a library\'s development files (libsecret, gnome-keyring) are not installed',
    group: 'node',
    supersedes: ['native-binding-missing', 'node-gyp-build-failed'],
    patterns: [
      /Package '(?<library>[^'\n]+)', required by '(?:virtual:)?world', not found/,
      /Package (?<library>\S+) was not found in the pkg-config search path/,
      /\bNo package '(?<library>[^'\n]+)' found/,
      /gyp: Call to '(?:\S*\/)?pkg-config [^'\n]*' returned exit status \d+/,
      /\bpkg-config: (?:command )?not found\b/,
      /fatal error: (?:libsecret\/secret\.h|gnome-keyring\.h|glib\.h|dbus\/dbus\.h): No such file or directory/,
    ],
    explanation:
      'Building a native module (a keyring binding such as keytar, compiled by node-gyp) asks pkg-config for the C library '
      + 'it links against, and the library\'s development package is not installed (or pkg-config itself is missing). '
      + 'Install the -dev (-devel) package of the library the message names: on Debian/Ubuntu libsecret-1-dev for keytar 4 '
      + 'and later (libgnome-keyring-dev for older keytar, gnome-keyring-1), plus pkg-config and build-essential; on Fedora '
      + 'libsecret-devel. duo-sso-setup\'s own keyring module is prebuilt and links nothing at install.',
    fix: {
      description: 'Install the development package of the library named (Debian/Ubuntu: libsecret-1-dev, libgnome-keyring-dev for old keytar, and pkg-config; Fedora: libsecret-devel), then install again',
      commands: [['sudo', 'apt-get', 'install', 'libsecret-1-dev', 'pkg-config']],
      automatic: false,
    },
    example: "Package libsecret-1 was not found in the pkg-config search path.\nPerhaps you should add the directory containing `libsecret-1.pc'\nto the PKG_CONFIG_PATH environment variable\nNo package 'libsecret-1' found\ngyp: Call to 'pkg-config --cflags libsecret-1' returned exit status 1 while in binding.gyp. while trying to load binding.gyp",
  },
  {
    // npm running a package's lifecycle script (install, postinstall) that exited non-zero: npm 7+ ("npm error code N",
    // "command failed", "command sh -c …": lib/utils/error-message.js), npm 5-6 (ELIFECYCLE, "Failed at the %s %s
    // script."). The script's own error is above it (node-gyp, a download through a proxy), so this is a fallback.
    id: 'npm-install-script-failed',
    title: 'A package\'s install script failed during npm install (ELIFECYCLE, "command failed")',
    group: 'node',
    fallback: true,
    patterns: [
      /npm (?:ERR!|error) code ELIFECYCLE\b/,
      /npm (?:ERR!|error) Failed at the (?<package>\S+) (?:pre|post)?install script/,
      /npm (?:ERR!|error) command failed\s*\n(?:[^\n]*\n)?[^\n]*npm (?:ERR!|error) command (?:sh|cmd(?:\.exe)?|\S*[\\/]cmd\.exe) /,
    ],
    explanation:
      'npm ran a script of one of the packages being installed (to compile a native module with node-gyp, or to download '
      + 'a binary) and the script failed. npm\'s lines only say that; the cause is in the script\'s own output above them '
      + '(gyp ERR! lines, a download refused by a proxy, a missing Python or compiler). Run the install again with '
      + '`--foreground-scripts` (npm 7+) to see it in order, and answer that error. Skipping scripts (--ignore-scripts) '
      + 'leaves such a package broken.',
    fix: {
      description: 'Look above npm\'s lines for the script\'s own error (or rerun with --foreground-scripts), then fix that',
      commands: [['npm', 'install', '-g', '.', '--foreground-scripts']],
      automatic: false,
    },
    example: 'npm error code 1\nnpm error path /usr/local/lib/node_modules/duo-sso-setup/node_modules/keytar\nnpm error command failed\nnpm error command sh -c prebuild-install || node-gyp rebuild',
  },
  {
    // The dynamic loader (glibc's dl-version.c: "%s: %s: version `%s' not found (required by %s)") for an official Node
    // 18+ (or Deno, or a Go/Rust release binary) built against a newer glibc than the system's: CentOS/RHEL 7, Amazon
    // Linux 2, Ubuntu 18.04.
    id: 'node-glibc-too-old',
    title: 'Node.js (or Deno, duo-sso) needs a newer C library (GLIBC) than this Linux has',
    group: 'node',
    patterns: [
      /version `GLIBC_(?<glibc>[\d.]+)' not found \(required by (?<path>[^)\n]*\b(?:node|deno|duo-sso|duo-sso-setup|npm)\b[^)\n]*)\)/,
      /version `GLIBCXX_[\d.]+' not found \(required by (?<path2>[^)\n]*\b(?:node|deno)\b[^)\n]*)\)/,
    ],
    explanation:
      'The program was built against a newer GNU C library than this system has. Official Node.js 18 and later need glibc '
      + '2.28, which CentOS/RHEL 7 (2.17), Amazon Linux 2 (2.26) and Ubuntu 18.04 (2.27) do not have; duo-sso-setup needs '
      + 'Node 20. `ldd --version` shows this system\'s glibc. Use a newer system (Amazon Linux 2023, RHEL 8+, Ubuntu 20.04+), '
      + 'a container with one, or a Node built for the old glibc (the distribution\'s own nodejs package where it has '
      + 'Node 20, or the unofficial glibc-217 builds).',
    fix: {
      description: 'Check the system\'s glibc (ldd --version); run duo-sso-setup on a system with glibc 2.28 or newer, or with a Node built for this one',
      commands: [['ldd', '--version']],
      automatic: false,
    },
    example: "node: /lib64/libm.so.6: version `GLIBC_2.27' not found (required by node)\nnode: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by node)",
  },
  {
    // bash runs a path it remembered (its hash table) or a symlink whose target is gone: after the AWS CLI v1 was
    // uninstalled, v2 moved, Node switched with a version manager, or Homebrew's cleanup removed a keg. bash's
    // "%s: No such file or directory" for the command's full path; zsh's "no such file or directory: %s".
    id: 'shell-stale-command-path',
    title: 'The shell runs a path that is gone (remembered from before an uninstall, or a broken link)',
    group: 'node',
    patterns: [
      /(?:^|\s)-?bash:(?: line \d+:)? (?<path>\/\S*\/(?:aws|aws_completer|duo-sso|duo-sso-setup|node|npm|npx|deno|saml2aws|aws-vault|gpg|pass)): No such file or directory/,
      /(?:^|\s)zsh(?::\d+)?: no such file or directory: (?<path>\/\S*\/(?:aws|aws_completer|duo-sso|duo-sso-setup|node|npm|npx|deno|saml2aws|aws-vault|gpg|pass))$/m,
    ],
    explanation:
      'The shell tried to run a file that is no longer there. bash remembers where it found each command: after the AWS CLI '
      + 'v1 was uninstalled (or v2 installed elsewhere, or node switched by a version manager) it keeps running the old '
      + 'path until told to forget (`hash -r`, or a new shell). Otherwise the path is a symbolic link whose target was '
      + 'removed (`ls -l PATH` shows it): remove the dangling link, or install the program again. `type -a NAME` lists '
      + 'every copy the shell can find now.',
    fix: {
      description: 'Make the shell forget remembered paths (hash -r, or open a new shell), see which copies exist (type -a NAME), and remove a dangling link',
      commands: [['sh', '-c', 'hash -r; type -a aws duo-sso node 2>&1'], ['duo-sso-setup', 'doctor', '--only', 'path']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} is not there any more.` : undefined),
    example: '-bash: /usr/local/bin/aws: No such file or directory',
  },
  {
    // nvm is a shell function that the profile loads (nvm install.sh adds 'export NVM_DIR=…; . "$NVM_DIR/nvm.sh"' to
    // ~/.bashrc, ~/.zshrc…); without it the shell says "nvm: command not found". The installer's own "=> Profile not
    // found. Tried …" (copied by many installers) means it added those lines nowhere.
    id: 'nvm-not-loaded',
    title: 'nvm or fnm (or another installer\'s PATH lines) is not loaded in this shell',
    group: 'node',
    patterns: [
      /\bnvm: (?:command )?not found/,
      // fnm (src/commands/use.rs and the commands that switch versions) when `fnm env` was not evaluated in this shell,
      // so FNM_MULTISHELL_PATH is unset; and fnm itself not on PATH.
      /We can't find the necessary environment variables to replace the Node version/,
      /You should setup your shell profile to evaluate `fnm env`/,
      /\bfnm: (?:command )?not found|command not found: fnm\b/,
      /command not found: nvm\b/,
      /=> Profile not found\. Tried /,
      /=> Profile \S+ not found\s*\n[^\n]*=> Create it \(touch /,
    ],
    explanation:
      'nvm is not a program but a shell function: its installer adds two lines to your shell profile (`export '
      + 'NVM_DIR="$HOME/.nvm"` and `[ -s "$NVM_DIR/nvm.sh" ] && . "$NVM_DIR/nvm.sh"`), and a shell that has not read them '
      + '(one opened before the install, or zsh when the lines went to ~/.bashrc) has no nvm and none of the Node versions it '
      + 'installed. "Profile not found" means the installer found no ~/.bashrc, ~/.zshrc or ~/.profile to add them to: '
      + 'create the one your shell reads (`touch ~/.zshrc` on macOS) and run the installer again, or add the lines it '
      + 'printed yourself, then open a new terminal. fnm works the same way: its "We can\'t find the necessary environment '
      + 'variables to replace the Node version" means the shell never evaluated `fnm env`; add `eval "$(fnm env --use-on-cd)"` '
      + 'to ~/.bashrc or ~/.zshrc (PowerShell: `fnm env --use-on-cd | Out-String | Invoke-Expression` in $PROFILE) and open a new terminal.',
    fix: {
      description: 'Add the two NVM_DIR lines (for fnm: eval "$(fnm env --use-on-cd)") to the profile your shell reads (~/.zshrc on macOS, ~/.bashrc on Linux), or create it and rerun the installer, then open a new terminal',
      commands: [['sh', '-c', 'echo "$SHELL"; ls -a ~ | grep -E "^\\.(zshrc|bashrc|bash_profile|profile)$"; grep -n NVM_DIR ~/.zshrc ~/.bashrc ~/.bash_profile ~/.profile 2>/dev/null']],
      automatic: false,
    },
    example: 'zsh: command not found: nvm',
  },
  {
    // Node's ESM loader (ERR_MODULE_NOT_FOUND "Cannot find package '%s' imported from %s") and the CommonJS loader
    // ("Cannot find module '%s'" with its "Require stack:"), for a package name: the dependencies of the program were not
    // installed (a checkout run without npm install, a copy of dist/ alone, an install interrupted).
    id: 'node-dependencies-missing',
    title: 'A package the program imports is not installed (its dependencies were never installed, or the install broke off)',
    group: 'node',
    patterns: [
      /Cannot find package '(?<package>[^'\n]+)' imported from (?<path>\S+)/,
      /Cannot find module '(?![.\/])(?<package>(?:@[\w.-]+\/)?[\w.-]+)(?:\/[^'\n]*)?'\s*\n[^\n]*?Require stack:/,
    ],
    explanation:
      'The program started, but a package it needs is missing from node_modules: the checkout was run without `npm '
      + 'install` (or `npm ci`), only dist/ was copied somewhere, or an install broke off. Install the dependencies in the '
      + 'folder that holds package.json (or install the command again with `npm install -g .` from its checkout). '
      + '(A missing native part of a package, such as @napi-rs/keyring-PLATFORM, is native-binding-missing.)',
    fix: {
      description: 'Install the dependencies where package.json is (npm ci, or npm install), or install the command again from its checkout (npm install -g .)',
      commands: [['npm', 'ci'], ['npm', 'install', '-g', '.']],
      automatic: false,
    },
    example: "Error [ERR_MODULE_NOT_FOUND]: Cannot find package '@aws-sdk/client-sts' imported from /home/jdoe/duo-sso-setup/dist/cli.js",
  },
  {
    // node-gyp's failure lines (lib/util/log.js "gyp ERR! stack Error: …", "configure error", "build error"): the
    // cause is named on the stack line and, when it is a known one (DNS, proxy, TLS, EACCES, Python, compiler), that
    // entry answers; otherwise this one does.
    id: 'node-gyp-failed',
    title: 'node-gyp failed while building a native module (the "gyp ERR! stack" line names why)',
    group: 'node',
    fallback: true,
    patterns: [/\bgyp ERR! (?:stack|configure error|build error|find Python|find VS)\b/],
    explanation:
      'A package with a native (C/C++) part is built during `npm install` by node-gyp, which first downloads the headers of '
      + 'your Node from nodejs.org, then runs Python and a compiler. The "gyp ERR! stack Error:" line says which step '
      + 'failed: a download refused by the network (proxy, VPN, TLS interception: set npm\'s proxy and cafile), a '
      + 'permission (npm run with sudo), an incomplete header download left in ~/.cache/node-gyp/VERSION by an interrupted '
      + 'install (remove that folder and install again), a missing Python or compiler, or compiler errors in the module\'s own source, which '
      + 'mean that version of the module does not support this Node (upgrade the package, or use the Node it supports). '
      + 'duo-sso-setup\'s own keyring module is prebuilt and never needs node-gyp.',
    fix: {
      description: 'Read the "gyp ERR! stack Error:" line and fix that cause; see the Node, npm and node-gyp versions involved',
      commands: [['sh', '-c', 'node --version; npm --version; npm config get proxy https-proxy cafile']],
      automatic: false,
    },
    example: 'gyp ERR! configure error\ngyp ERR! stack Error: 403 status code downloading tarball https://nodejs.org/download/release/v20.11.1/node-v20.11.1-headers.tar.gz',
  },
  {
    // PowerShell refusing to run any .ps1 file under its execution policy (PSSecurityException, FullyQualifiedErrorId
    // UnauthorizedAccess): npm's and yarn's generated .ps1 shims for global commands (nodemon.ps1, yarn.ps1), an installer
    // script. ("duo-sso-setup.ps1 cannot be loaded" is duo-sso-setup-not-on-path's, which says to run the .cmd.)
    id: 'powershell-execution-policy',
    title: 'PowerShell\'s execution policy refuses to run a script (an npm command\'s .ps1 shim, an installer)',
    group: 'node',
    patterns: [
      /\.ps1 cannot be loaded because running scripts is disabled on this system/,
      /\.ps1 cannot be loaded\. The file [^\n]*\.ps1 is not digitally signed/,
      /\.ps1 is not digitally signed\. You cannot run this script on the current system/,
      /cannot be loaded because (?:the execution of scripts is disabled|running scripts is disabled) on this system/,
      /CategoryInfo\s*: SecurityError: \(:\) \[\], PSSecurityException[\s\S]{0,80}?FullyQualifiedErrorId : UnauthorizedAccess/,
    ],
    explanation:
      'Windows PowerShell runs no script files under its default execution policy (Restricted), and npm installs each global '
      + 'command (nodemon, yarn, duo-sso-setup) as NAME.ps1 beside NAME.cmd; PowerShell picks the .ps1 and refuses it. '
      + 'Allow local scripts for your account in PowerShell (`Set-ExecutionPolicy -Scope CurrentUser RemoteSigned`, or '
      + 'machine-wide `Set-ExecutionPolicy RemoteSigned` in an administrator PowerShell), or run NAME.cmd, or use cmd.exe. '
      + 'A downloaded script that is "not digitally signed" under RemoteSigned is blocked as coming from the internet: '
      + '`Unblock-File PATH` after checking it.',
    fix: {
      description: 'In PowerShell allow local scripts for your user (Set-ExecutionPolicy -Scope CurrentUser RemoteSigned; an administrator PowerShell for the machine-wide Set-ExecutionPolicy RemoteSigned), or run the command\'s .cmd instead',
      commands: [['powershell', '-NoProfile', '-Command', 'Get-ExecutionPolicy -List'], ['powershell', '-NoProfile', '-Command', 'Set-ExecutionPolicy -Scope CurrentUser RemoteSigned']],
      automatic: false,
    },
    example: 'nodemon : File C:\\Users\\jdoe\\AppData\\Roaming\\npm\\nodemon.ps1 cannot be loaded because running scripts is disabled on this system. For more information, see about_Execution_Policies at https:/go.microsoft.com/fwlink/?LinkID=135170.\n    + CategoryInfo          : SecurityError: (:) [], PSSecurityException\n    + FullyQualifiedErrorId : UnauthorizedAccess',
  },
  {
    // OpenSSL 3 (Node 17 and later) refusing a legacy digest: webpack 4 and tools built on it hash with md4, which only
    // OpenSSL's legacy provider has (crypto/evp/digest.c: error:0308010C "digital envelope routines::unsupported",
    // Node's code ERR_OSSL_EVP_UNSUPPORTED).
    id: 'node-openssl-legacy-digest',
    title: 'A build tool uses a hash OpenSSL 3 dropped (ERR_OSSL_EVP_UNSUPPORTED, Node 17 and later)',
    group: 'node',
    patterns: [
      /error:0308010C:digital envelope routines::unsupported/,
      /\bERR_OSSL_EVP_UNSUPPORTED\b/,
      // Node 16 and older (OpenSSL 1.1, src/node_options.cc) do not know the option NODE_OPTIONS now carries for every Node.
      /--openssl-legacy-provider is not allowed in NODE_OPTIONS/,
    ],
    explanation:
      'Node 17 and later use OpenSSL 3, which no longer offers old digests such as md4 by default. webpack 4 (and tools built '
      + 'on it: react-scripts 4, Vue CLI 4, Angular before 12) hash with md4, so they stop with "digital envelope routines::'
      + 'unsupported" after a Node upgrade. Upgrade the build tool (webpack 5, react-scripts 5); until then start it with '
      + 'OpenSSL\'s legacy provider: `export NODE_OPTIONS=--openssl-legacy-provider` (Windows: set NODE_OPTIONS=--openssl-legacy-provider), '
      + 'or use Node 16 for that project. duo-sso-setup itself uses no such digest. "--openssl-legacy-provider is not allowed in '
      + 'NODE_OPTIONS" is the other side: a Node 16 or older, which has no such option, started with the NODE_OPTIONS set for '
      + 'the newer one; set it only for the project that needs it (unset NODE_OPTIONS in your profile).',
    fix: {
      description: 'Upgrade the build tool (webpack 5); meanwhile run it with NODE_OPTIONS=--openssl-legacy-provider (export NODE_OPTIONS=--openssl-legacy-provider)',
      commands: [['sh', '-c', 'node --version; NODE_OPTIONS=--openssl-legacy-provider npm start']],
      automatic: false,
    },
    example: "Error: error:0308010C:digital envelope routines::unsupported\n    at new Hash (node:internal/crypto/hash:69:19)\n    at Object.createHash (node:crypto:133:10)\n  opensslErrorStack: [ 'error:03000086:digital envelope routines::initialization error' ],\n  library: 'digital envelope routines',\n  reason: 'unsupported',\n  code: 'ERR_OSSL_EVP_UNSUPPORTED'",
  },
  {
    // Corepack (sources/corepackUtils.ts verifySignature) checks a package manager's download against the npm registry's
    // signing keys it shipped with; the registry rotated its key in January 2025, so Corepack before 0.31 rejects new
    // pnpm/yarn releases ("Cannot find matching keyid", "Signature does not match").
    id: 'corepack-signature-keys',
    title: 'Corepack rejects a pnpm or yarn download (its copy of the npm registry\'s signing keys is outdated)',
    group: 'node',
    patterns: [
      /Cannot find matching keyid: \{/,
      /(?:Internal )?Error: Cannot find matching keyid\b/,
      /at verifySignature \([^)\n]*corepack[^)\n]*\)/,
    ],
    explanation:
      'Corepack (bundled with Node) downloads pnpm or yarn on first use and checks its signature against the npm registry keys '
      + 'it was released with. The registry changed its signing key in January 2025, so Corepack older than 0.31 (bundled with '
      + 'Node 18, 20 and 22 before their early-2025 releases) rejects every newer release. Upgrade Corepack '
      + '(`npm install -g corepack@latest`, then `corepack enable`) or Node; as a stop-gap COREPACK_INTEGRITY_KEYS=0 skips the check.',
    fix: {
      description: 'Upgrade Corepack (npm install -g corepack@latest) or Node, then run the pnpm/yarn command again',
      commands: [['npm', 'install', '-g', 'corepack@latest'], ['corepack', '--version']],
      automatic: false,
    },
    example: 'Internal Error: Cannot find matching keyid: {"signatures":[{"sig":"MEQCIH…","keyid":"SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"}],"keys":[{"expires":null,"keyid":"SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"}]}\n    at verifySignature (/usr/local/lib/node_modules/corepack/dist/lib/corepack.cjs:21535:47)',
  },
  {
    // node-pre-gyp (lib/install.js: "Pre-built binaries not found for %s and %s (%s ABI) (falling back to source compile with
    // node-gyp)", "Tried to download(%d): %s", "%d status code downloading tarball %s") and prebuild-install ("No prebuilt
    // binaries found (target=… runtime=node …)"): the package published no binary for this Node ABI, platform or CPU.
    id: 'native-prebuilt-unavailable',
    title: 'A native module has no prebuilt binary for this Node version or platform (node-pre-gyp, prebuild-install)',
    group: 'node',
    supersedes: ['native-binding-missing', 'node-gyp-failed'],
    patterns: [
      /Pre-built binaries not found for (?<package>\S+) and (?:node|electron)@[\d.]+/,
      /node-pre-gyp (?:ERR! )?(?:Tried to download\(\d{3}\)|(?:http |ERR! stack Error: )?(?:403|404) status code downloading tarball)/,
      /node-pre-gyp http (?:403|404) https?:\/\/\S+\/node-v\d+-/,
      /\(falling back to source compile with node-gyp\)/,
      /prebuild-install (?:WARN|warn|info) install No prebuilt binaries found \(target=/,
    ],
    explanation:
      'The package downloads a prebuilt binary made for one Node ABI (node-v46 is Node 4, node-v115 Node 20), platform and CPU. '
      + 'Its release published none for yours (a 403 or 404 from its download host), so npm falls back to compiling it from '
      + 'source, which needs a compiler and the C++ libraries it wraps and often fails. Upgrade the package to a release that '
      + 'ships binaries for your Node (its changelog says which Node versions each release supports), or use a Node version '
      + 'that release supports (nvm install VERSION); only when neither exists, install its build dependencies and compile.',
    fix: {
      description: 'Upgrade the package to a release that ships prebuilt binaries for your Node (or run a Node version it supports), then install again',
      commands: [['node', '-p', 'process.versions.modules + " " + process.platform + "-" + process.arch'], ['npm', 'outdated']],
      automatic: false,
    },
    example: 'node-pre-gyp ERR! Tried to download(403): https://mapbox-node-binary.s3.amazonaws.com/osrm/v5.1.0/Release/node-v48-linux-x64.tar.gz\nnode-pre-gyp ERR! Pre-built binaries not found for osrm@5.1.0 and node@6.1.0 (node-v48 ABI) (falling back to source compile with node-gyp)',
  },
  {
    // nvm (nvm.sh nvm_die_on_prefix): an npm prefix (from .npmrc, or NPM_CONFIG_PREFIX / PREFIX in the environment) would
    // send global installs outside the Node that nvm selected, so nvm refuses to use it.
    id: 'nvm-npm-prefix-conflict',
    title: 'nvm refuses an npm "prefix" setting (from ~/.npmrc or NPM_CONFIG_PREFIX) that points outside its Node',
    group: 'node',
    patterns: [
      /nvm is not compatible with the npm config "prefix" option: currently set to "(?<path>[^"\n]*)"/,
      /nvm is not compatible with the "(?:NPM_CONFIG_PREFIX|npm_config_prefix|PREFIX)" environment variable: currently set to "(?<path>[^"\n]*)"/,
      /Run `(?:npm config delete prefix|nvm use --delete-prefix [^`\n]+)`(?: or `[^`\n]+`)? to unset it\./,
    ],
    explanation:
      'nvm keeps each Node version\'s global packages under ~/.nvm/versions/node/VERSION, and an npm prefix set elsewhere '
      + '(often `npm config set prefix ~/.npm-global`, the advice for a Node without nvm, or Homebrew\'s Node, or '
      + 'NPM_CONFIG_PREFIX in a profile) would send them somewhere else, so nvm will not use that Node. With nvm, remove the '
      + 'setting: `npm config delete prefix` (or `nvm use --delete-prefix VERSION`), and remove an NPM_CONFIG_PREFIX line from '
      + 'your profile (`unset NPM_CONFIG_PREFIX`); then install duo-sso-setup again under the nvm Node.',
    fix: {
      description: 'Delete the npm prefix setting (npm config delete prefix, or nvm use --delete-prefix <version>; unset NPM_CONFIG_PREFIX), then open a new shell',
      commands: [['npm', 'config', 'get', 'prefix'], ['npm', 'config', 'delete', 'prefix']],
      automatic: false,
    },
    describe: (f) => (f.path ? `The prefix set now is ${f.path}.` : undefined),
    example: 'nvm is not compatible with the npm config "prefix" option: currently set to "/Users/jdoe/.npm-global"\nRun `npm config delete prefix` or `nvm use --delete-prefix v20.11.1 --silent` to unset it.',
  },
  {
    // The project declares its package manager in package.json ("packageManager"): Corepack (sources/Engine.ts / specUtils.ts
    // "This project is configured to use %s because %s has a \"packageManager\" field"), Yarn 1 (cli "This project's
    // package.json defines \"packageManager\": …. However the current global version of Yarn is …"), and npm meeting a
    // pnpm/yarn workspace protocol (npm-package-arg EUNSUPPORTEDPROTOCOL for "workspace:").
    id: 'package-manager-mismatch',
    title: 'The project is meant for another package manager (its package.json "packageManager" field, Corepack)',
    group: 'node',
    patterns: [
      /This project is configured to use (?:yarn|pnpm|npm) because (?<path>\S+) has a "packageManager" field/,
      /This project's package\.json defines "packageManager": "[^"\n]+"\. However the current global version of Yarn is/,
      /Presence of the "packageManager" field indicates that the project is meant to be used with Corepack/,
      /Unsupported URL Type "workspace:"/,
    ],
    explanation:
      'The project names the package manager (and version) it uses in package.json\'s "packageManager" field, and this '
      + 'command ran another one: npm or Yarn 1 in a pnpm or Yarn 4 project (npm also fails on their "workspace:" '
      + 'dependencies). Use the declared one through Corepack, which ships with Node: `corepack enable`, then run yarn or '
      + 'pnpm as the project says (`corepack use` changes the declaration). COREPACK_ENABLE_STRICT=0 lets another manager '
      + 'run anyway, at the cost of a lockfile the project does not use.',
    fix: {
      description: 'Enable Corepack (corepack enable) and run the package manager the project\'s package.json "packageManager" field names',
      commands: [['corepack', 'enable'], ['node', '-p', 'require("./package.json").packageManager']],
      automatic: false,
    },
    example: 'Usage Error: This project is configured to use yarn because /home/jdoe/app/package.json has a "packageManager" field',
  },
  {
    // sudo (plugins/sudoers: "sudo: %s: command not found"): sudo searches its own secure_path (/etc/sudoers), not the
    // user's PATH, so commands nvm, fnm, pip --user or a ~/.npm-global prefix put on PATH are not found under sudo.
    id: 'sudo-command-not-found',
    title: 'sudo cannot find a command your shell finds (sudo uses its own PATH)',
    group: 'node',
    supersedes: ['node-not-found', 'aws-cli-not-found', 'deno-not-found', 'duo-sso-setup-not-on-path'],
    patterns: [/(?:^|[\s\]>$#])sudo: (?<command>[\w.+-]+): command not found/m],
    explanation:
      'sudo does not use your PATH: it searches the secure_path in /etc/sudoers (/usr/sbin:/usr/bin:/sbin:/bin and, on '
      + 'some systems, not even /usr/local/bin). A command installed for your user (node and npm from nvm, fnm or volta, '
      + 'aws from pip --user in ~/.local/bin, anything in ~/.npm-global/bin) is therefore found by your shell but not by sudo. '
      + 'Usually the command should not run under sudo at all: npm global installs into a version manager\'s Node or a '
      + 'prefix you own need no root, and duo-sso-setup writes only your own files. If root really is needed, give the '
      + 'full path (`sudo "$(command -v npm)" …`).',
    fix: {
      description: 'Run the command without sudo (it is installed for your user); if it must run as root, pass its full path: sudo "$(command -v <command>)"',
      commands: [['sh', '-c', 'command -v node npm aws; sudo -n sh -c \'echo "$PATH"\' 2>&1']],
      automatic: false,
    },
    example: 'sudo: npm: command not found',
  },
  {
    // Node 18.20.2, 20.12.2 and 21.7.3 (April 2024, CVE-2024-27980) refuse to spawn a .cmd or .bat file on Windows without
    // `shell: true` (child_process: spawn EINVAL): a tool that launches npm.cmd, npx.cmd or yarn.cmd that way broke.
    id: 'node-spawn-cmd-einval',
    title: 'A tool cannot start a .cmd/.bat program on Windows since Node\'s April 2024 security release (spawn EINVAL)',
    group: 'node',
    patterns: [/\bspawn EINVAL\b/, /\bspawnSync (?:\S+\.(?:cmd|bat)) EINVAL\b/i],
    explanation:
      'Since Node 18.20.2, 20.12.2 and 21.7.3 (CVE-2024-27980), Node on Windows refuses to start a .cmd or .bat file (npm.cmd, '
      + 'npx.cmd, yarn.cmd, a tool\'s own shim) unless the caller asks for a shell, and reports it as spawn EINVAL. The tool '
      + 'that launched it must be updated (its fix passes shell: true); upgrade that tool or package. Until then, running it '
      + 'with a Node from before that release works around it, at the cost of the security fix.',
    fix: {
      description: 'Upgrade the tool or package that starts the .cmd/.bat program (its fix passes shell: true); see which Node you run',
      commands: [['node', '--version'], ['npm', 'outdated', '-g']],
      automatic: false,
    },
    example: "Error: spawn EINVAL\n    at ChildProcess.spawn (node:internal/child_process:421:11)\n    at spawn (node:child_process:761:9) {\n  errno: -4071,\n  code: 'EINVAL',\n  syscall: 'spawn'\n}",
  },
  {
    // Deno before 1.15 (no "node:" built-ins) and before 1.28 (no "npm:" specifiers), and code importing Node built-ins
    // without the node: prefix, which only Deno 2 (and 1.x with --unstable-bare-node-builtins) resolves: deno_core's
    // module_specifier.rs ("Relative import path \"%s\" not prefixed with / or ./ or ../") and "Unsupported scheme".
    id: 'deno-too-old',
    title: 'Deno is too old for Node-style code (node: and npm: imports need Deno 2)',
    group: 'node',
    patterns: [
      /Unsupported scheme "(?:npm|node)" for module "(?:npm|node):[^"\n]+"/,
      /Relative import path "(?:fs|path|os|child_process|crypto|util|events|stream|http|https|url|buffer|process|readline|net|tls|zlib|assert)(?:\/[\w]+)?" not prefixed with \/ or \.\/ or \.\.\//,
    ],
    explanation:
      'duo-sso-setup (like most npm packages) imports Node\'s built-in modules and npm packages. Deno resolves node: imports '
      + 'since 1.15, npm: ones since 1.28, and bare names such as "fs" only in Deno 2 (or with --unstable-bare-node-builtins). '
      + 'An older Deno stops with "Unsupported scheme" or "Relative import path … not prefixed". Upgrade Deno (`deno upgrade`, '
      + 'or your package manager) to 2.x, or run the program with Node 20+.',
    fix: {
      description: 'Upgrade Deno to 2.x (deno upgrade) or run with Node.js 20+ instead',
      commands: [['deno', '--version'], ['deno', 'upgrade']],
      automatic: false,
    },
    example: 'error: Unsupported scheme "npm" for module "npm:@aws-sdk/client-sts@3". Supported schemes: [\n    "data",\n    "blob",\n    "file",\n    "http",\n    "https",\n]',
  },
  {
    // The dynamic loader (glibc elf/dl-load.c: "%s: error while loading shared libraries: %s: cannot open shared object
    // file: No such file or directory"): a release binary (Node, Deno, the AWS CLI v2) needs a library the system lacks.
    id: 'linux-shared-library-missing',
    title: 'A program needs a shared library this Linux does not have (error while loading shared libraries)',
    group: 'node',
    patterns: [/error while loading shared libraries: (?<library>[^\s:]+): cannot open shared object file/],
    explanation:
      'The program was built to load a shared library that is not installed here, which minimal systems and containers '
      + 'often lack: libatomic.so.1 for Node 17+ on minimal RHEL-family images (package libatomic), libstdc++.so.6 or '
      + 'libgcc_s.so.1 (libstdc++ / libgcc), libz.so.1 (zlib). Install the package that provides the library named (`dnf '
      + 'provides */NAME` or `apt-file search NAME` finds it) and run it again. (A library present in a too-old version is '
      + 'the GLIBC "version not found" error instead.)',
    fix: {
      description: 'Install the package that provides the library the message names (dnf provides */<library>, apt-file search <library>), then run again',
      commands: [['sh', '-c', 'ldd "$(command -v node)" | grep "not found"']],
      automatic: false,
    },
    example: 'node: error while loading shared libraries: libatomic.so.1: cannot open shared object file: No such file or directory',
  },
];
