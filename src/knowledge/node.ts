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
      /EACCES:? ?permission denied, (?:open|mkdir)\s*'\/(?:home|Users)\/[^'\/]+\/(?:\.npm|\.nvm|\.node_repl_history|\.node-gyp)[^']*'?/,
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
      + 'VERSION` it names (or `nvm install` in the folder with .nvmrc).',
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
      /Cannot find module '[^'\n]*build\/Release\/[\w-]+\.node'/,
      /was compiled against a different Node\.js version\b/,
      inContext(/\.node\b|node_modules|\bnode(?:js)?\b|\bnpm\b|ERR_DLOPEN_FAILED/, /incompatible architecture \(have '(?:x86_64|arm64e?)', need '(?:x86_64|arm64e?)'\)|\binvalid ELF header\b|\bwrong ELF class\b/),
      /\bERR_DLOPEN_FAILED\b/,
      // (node-gyp's own failures are node-gyp-failed's and its specific siblings'.)
      /No prebuilt binaries found/,
    ],
    explanation:
      'duo-sso-setup reads the OS keyring through a native module installed for one platform, CPU and Node version. It is '
      + 'missing when npm skipped the optional platform package (an npm bug with optional dependencies, or a lock file made '
      + 'on another OS), and refuses to load after Node was upgraded, or when Node runs under Rosetta (x86_64) on Apple '
      + 'Silicon or the other way round. Reinstalling with the Node you run fixes it.',
    fix: {
      description: 'Reinstall duo-sso-setup with the Node (and CPU architecture) you run it with: remove node_modules and package-lock.json in the checkout first (another package\'s module: delete its build folder and run npm rebuild in that project)',
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
      + 'lockfile with a current npm resolves both.',
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
    supersedes: ['duo-sso-not-found'],
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
    title: 'nvm (or another installer\'s PATH lines) is not loaded in this shell',
    group: 'node',
    patterns: [
      /\bnvm: (?:command )?not found/,
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
      + 'printed yourself, then open a new terminal.',
    fix: {
      description: 'Add the two NVM_DIR lines to the profile your shell reads (~/.zshrc on macOS, ~/.bashrc on Linux), or create it and rerun the installer, then open a new terminal',
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
];
