// Installing or starting duo-sso-setup with npm, Node or Deno: the failures node.ts does not
// already answer (EACCES, ENOSPC and engine checks are there). Keyed on npm's error codes
// (npm/cli lib/utils/error-message.js prints "npm ERR! code X", npm 10 "npm error code X"),
// Node's error codes (ERR_REQUIRE_ESM) and Deno's permission errors (runtime/permissions:
// "Requires X access to …, run again with the --allow-X flag").
import { nodeFsError } from './node-errors.js';
import type { KnownFailure } from './types.js';

const NPM = String.raw`npm (?:ERR!|error)`;

export const npmFailures: readonly KnownFailure[] = [
  {
    id: 'npm-eperm',
    title: 'npm could not write or rename a file (EPERM: in use, or a protected folder)',
    group: 'node',
    patterns: [
      new RegExp(`${NPM} code (?:EPERM|EBUSY)`),
      nodeFsError('EPERM', 'operation not permitted', 'rename|mkdir|unlink|open|scandir|symlink|lstat|rmdir|chmod|copyfile'),
      // libuv's EBUSY text (a file or folder held open on Windows), as Node prints it with or without a quoted path.
      /\bEBUSY: resource busy or locked, (?:rename|unlink|rmdir|open|scandir|lstat|copyfile)\b/,
      /It's possible that the file was already in use \(by a text editor or antivirus\)/,
    ],
    explanation:
      'The operating system refused npm a change to a file. On Windows that is almost always a file held open by another '
      + 'program (an editor, a running duo-sso-setup, an antivirus scan) or a global folder under C:\\Program Files; on macOS a '
      + 'folder protected by privacy settings, or files root left behind. Close what uses the folder and retry; keep npm\'s '
      + 'global prefix in a folder you own (on Windows the default %AppData%\\npm) instead of running as Administrator.',
    fix: {
      description: 'Close programs using the folder (editors, a running duo-sso-setup, antivirus), check npm\'s prefix is a folder you own, then retry',
      commands: [['npm', 'config', 'get', 'prefix'], ['duo-sso-setup', 'doctor', '--only', 'permissions']],
      automatic: false,
    },
    example: "npm ERR! code EPERM\nnpm ERR! syscall rename\nnpm ERR! path C:\\Users\\jdoe\\AppData\\Roaming\\npm\\node_modules\\duo-sso-setup\nnpm ERR! errno -4048\nnpm ERR! Error: EPERM: operation not permitted, rename 'C:\\Users\\jdoe\\AppData\\Roaming\\npm\\node_modules\\duo-sso-setup'",
  },
  {
    id: 'npm-file-exists',
    title: 'npm will not overwrite a command that is already there (EEXIST)',
    group: 'node',
    patterns: [
      new RegExp(`${NPM} code EEXIST`),
      /\bEEXIST: file already exists, (?:symlink|mkdir|open|rename|link) '[^']*' -> '(?<path>[^']+)'/,
      // Node 0.x printed no destination (`EEXIST, symlink '/usr/local/bin/x'`); npm 2-6 added "Move it away".
      nodeFsError('EEXIST', 'file already exists', 'symlink|mkdir|open|rename|link', String.raw`[^'\n]+`),
      /\bFile exists: (?<path>[^\n]+)\n(?:npm (?:ERR!|error) )?Move it away, and try again\./,
      /Remove the existing file and try again, or run npm\s*(?:ERR!|error)?\s*with --force to overwrite files recklessly/,
    ],
    explanation:
      'A file of the same name is already where npm links the command: another install of duo-sso-setup (Homebrew, a '
      + 'release binary, another Node version\'s prefix) or a leftover. npm does not replace files it did not create. See which '
      + 'one is on PATH; remove the stale one, or let npm overwrite it with --force. When the file is another program\'s '
      + 'command of the same name (a Homebrew formula, another package\'s bin), overwriting it breaks that program: check '
      + 'whether a newer version of the package you install no longer ships the clashing command (update to it), or '
      + 'uninstall one of the two.',
    fix: {
      description: 'See which duo-sso-setup is where; remove the stale one (or install again with --force to overwrite it)',
      commands: [['duo-sso-setup', 'doctor', '--only', 'path'], ['npm', 'install', '-g', '--force', 'duo-sso-setup']],
      automatic: false,
    },
    example: "npm ERR! code EEXIST\nnpm ERR! path /usr/local/lib/node_modules/duo-sso-setup/dist/cli.js\nnpm ERR! dest /usr/local/bin/duo-sso-setup\nnpm ERR! EEXIST: file already exists, symlink '../lib/node_modules/duo-sso-setup/dist/cli.js' -> '/usr/local/bin/duo-sso-setup'\nnpm ERR! File exists: /usr/local/bin/duo-sso-setup",
  },
  {
    id: 'npm-registry-auth',
    title: 'The npm registry refused the login token (E401, E403, ENEEDAUTH)',
    group: 'node',
    patterns: [
      new RegExp(`${NPM} code (?:E401|E403|ENEEDAUTH|EOTP)\\b`),
      /Unable to authenticate, (?:your authentication token seems to be invalid|need: (?:Basic|Bearer))/,
      /You need to authorize this machine using `npm adduser`/,
      /This operation requires a one-time password from your authenticator/,
      /\b(?:401 Unauthorized|403 Forbidden) - (?:GET|PUT) https?:\/\/(?<host>[^/\s]+)/,
    ],
    supersedes: ['npm-package-not-found'],
    explanation:
      'The registry npm asked (the public one, or the company registry a scope in ~/.npmrc points at) refused the token npm '
      + 'sent: it expired, belongs to another registry, or is missing. A stale `_authToken` line in ~/.npmrc or a project\'s '
      + '.npmrc is the usual cause. Logging in to that registry again writes a new token.',
    fix: {
      description: 'See which registry npm uses, then log in to it again (npm login --registry URL)',
      commands: [['npm', 'config', 'get', 'registry'], ['npm', 'login']],
      automatic: false,
    },
    describe: (f) => (f.host ? `The registry at ${f.host} refused the request.` : undefined),
    example: 'npm ERR! code E401\nnpm ERR! Unable to authenticate, your authentication token seems to be invalid.\nnpm ERR! To correct this please try logging in again with:\nnpm ERR!     npm login',
  },
  {
    id: 'npm-package-not-found',
    title: 'npm cannot find the package or version in the registry it asks (E404, ETARGET)',
    group: 'node',
    patterns: [
      new RegExp(`${NPM} code (?:E404|ETARGET)\\b`),
      /404 Not Found - GET https?:\/\/(?<host>[^/\s]+)\S*/,
      /'(?<package>[^'\s]+)' is not in (?:this|the npm) registry/,
      // npm 2 (lib/cache/add-named.js) for a version range nothing satisfies.
      /No compatible version found: (?<package>\S+)/,
      /No matching version found for (?<package>\S+?)\.?$/m,
    ],
    explanation:
      'The registry npm asked has no such package or version: a typo, a version not published yet, or a package published '
      + 'only to another registry (a company registry the project\'s .npmrc names, which this machine does not use). A '
      + 'private package can also answer 404 to a request without a login. ETARGET ("No matching version found") for a version '
      + 'that `npm view NAME versions` does list is npm\'s own fault: old npm releases (5.0 to 5.3) resolved ranges from a stale '
      + 'cache; upgrade npm (npm install -g npm@latest) and install again.',
    fix: {
      description: 'Check the name and which registry npm asks (npm config get registry); use the registry the package is published to (a version the registry lists: upgrade npm)',
      commands: [['npm', 'config', 'get', 'registry'], ['npm', 'view', 'duo-sso-setup', 'versions']],
      automatic: false,
    },
    example: "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/duo-sso-setup - Not found\nnpm ERR! 404\nnpm ERR! 404  'duo-sso-setup@*' is not in this registry.",
  },
  {
    id: 'npm-integrity',
    title: 'A downloaded package does not match its checksum (EINTEGRITY)',
    group: 'node',
    patterns: [new RegExp(`${NPM} code EINTEGRITY`), /integrity checksum failed when using sha(?:1|256|512): wanted \S+ but got/, /\bEINTEGRITY\b/],
    explanation:
      'What npm downloaded does not match the checksum in the lockfile or the registry: a truncated download left in npm\'s '
      + 'cache, a proxy that rewrites downloads, or a lockfile made against another registry. Verifying the cache and '
      + 'downloading again cures the first; the others show the same mismatch again.',
    fix: { description: 'Verify npm\'s cache (it drops damaged entries), then install again', commands: [['npm', 'cache', 'verify']], automatic: false },
    example: 'npm ERR! code EINTEGRITY\nnpm ERR! sha512-AbC== integrity checksum failed when using sha512: wanted sha512-AbC== but got sha512-XyZ==. (8392 bytes)',
  },
  {
    id: 'npm-read-only',
    title: 'npm\'s install folder is on a read-only file system (EROFS)',
    group: 'node',
    patterns: [
      new RegExp(`${NPM} code EROFS`), nodeFsError('EROFS', 'read-only file system', 'mkdir|open|rename|symlink|unlink'),
      // npm 2-6 (lib/utils/error-message.js EROFS detail).
      /related to the file system being read-only/,
    ],
    explanation:
      'The folder npm installs into is read-only: a Node from a system image or a Nix/immutable system (/usr, /nix/store), '
      + 'or a container\'s mounted file system. Install into a prefix in your home folder instead.',
    fix: { description: 'Point npm\'s global prefix at a folder in your home, put its bin on PATH, install again', commands: [['npm', 'config', 'set', 'prefix', '~/.npm-global']], automatic: false },
    example: "npm ERR! code EROFS\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/lib/node_modules/duo-sso-setup\nnpm ERR! errno -30\nnpm ERR! rofs EROFS: read-only file system, mkdir '/usr/lib/node_modules/duo-sso-setup'",
  },
  {
    id: 'node-require-esm',
    title: 'An ES module was loaded with require() (ERR_REQUIRE_ESM)',
    group: 'node',
    patterns: [
      /\bERR_REQUIRE_ESM\b/,
      /require\(\) of ES Module (?<path>\S+?) (?:from \S+ )?not supported/,
      /Cannot use import statement outside a module/,
      /\bERR_REQUIRE_ASYNC_MODULE\b/,
    ],
    explanation:
      'duo-sso-setup is an ES module. Node before 20.19 (and 22.12) cannot load ES modules with require(), so a wrapper that '
      + 'requires it, or running a file Node takes for CommonJS, fails at once. Run the installed `duo-sso-setup` command (or '
      + '`node dist/cli.js`) with a current Node; nothing is wrong with the install.',
    fix: { description: 'Use a current Node (20.19 or newer) and start the installed command rather than require()-ing it', commands: [['node', '--version'], ['duo-sso-setup', 'doctor', '--only', 'platform']], automatic: false },
    example: "Error [ERR_REQUIRE_ESM]: require() of ES Module /usr/local/lib/node_modules/duo-sso-setup/dist/cli.js from /home/jdoe/bin/wrap.js not supported.",
  },
  {
    id: 'node-not-found',
    title: 'Node.js (or npm, npx) is not installed or not on PATH',
    group: 'node',
    patterns: [
      /\b(?:node|npm|npx): (?:command )?not found/,
      /command not found: (?:node|npm|npx)\b/,
      // (env's and Go's exec "node: No such file" are node-not-on-path's, in node.ts.)
      // cmd.exe quotes the name ('node' is not recognized…); reports and PowerShell transcripts often drop the quotes.
      /['‘]?\b(?:node|npm|npx)(?:\.exe)?['’]? is not recognized as (?:an internal or external command|the name of a cmdlet)/,
      /exec: "(?:npm|npx)": executable file not found/,
      /(?:Command '(?:node|npm|npx)' not found, but can be installed with|The program '(?:node|npm|npx)' is currently not installed)/,
    ],
    explanation:
      'The shell finds no node: Node.js is not installed, or it was installed by a version manager (nvm, fnm, volta) whose '
      + 'setup is not in this shell\'s profile, or its bin folder is missing from PATH in a non-login shell. duo-sso-setup\'s '
      + 'command starts with `#!/usr/bin/env node`, so it fails the same way ("env: node: No such file or directory"). On '
      + 'Windows ("is not recognized as an internal or external command") the folder holding node.exe (C:\\Program Files\\nodejs) '
      + 'is not in the PATH environment variable: add it (System Properties, Environment Variables), or install with the MSI '
      + 'installer, which adds it, and open a new console.',
    fix: {
      description: 'Install Node.js 20 or newer (or load your version manager in the shell profile; on Windows add the folder containing node.exe to PATH, or use the MSI installer), then open a new terminal',
      commands: [['sh', '-c', 'command -v node npm; echo "$PATH"']],
      automatic: false,
    },
    example: 'bash: node: command not found',
  },
  {
    id: 'deno-permission-denied',
    title: 'Deno refused an access duo-sso-setup needs (run without -A)',
    group: 'node',
    patterns: [
      /Requires (?<access>read|write|net|env|run|sys|ffi|import) access to [^\n]*?, (?:run again with the --allow-\w+ flag|specify the required permissions during compilation)/,
      /\b(?:NotCapable|PermissionDenied): Requires (?:read|write|net|env|run|sys|ffi|import) access\b/,
      /\bPermissionDenied: (?:read|write|network|net|env|run) access to [^\n]*, run again with the --allow-\w+ flag/,
      // Deno's interactive prompt for a permission the program was not given (runtime/permissions/prompter.rs: Deno 1.x
      // "Deno requests network access. Grant? [g/d (g = grant, d = deny)]", later "Deno requests net access to …" with "Allow? [y/n/A]").
      /Deno requests (?:read|write|net|network|env|run|sys|ffi|hrtime|plugin|import)\w* access\b/,
    ],
    explanation:
      'Deno runs a program with no access to files, network, environment or other programs unless given flags, and '
      + 'duo-sso-setup needs all of them (~/.aws, STS, HOME, gpg and pass). It was started without -A (or installed with a '
      + 'narrower set of flags). Run it as `deno run -A dist/cli.js`, or install it with `deno install -g -A -n duo-sso-setup dist/cli.js`. '
      + 'Any Deno program works the same way: give it the flag the message names (--allow-net for network access, --allow-read, '
      + '--allow-env, --allow-run), on `deno run` or when installing it (`deno install --allow-net … -f URL` replaces an install '
      + 'made with too few flags, which otherwise asks "Deno requests … access" each time).',
    fix: { description: 'Run (or reinstall with -f) it with the permission flags it needs (the --allow-net, --allow-read… the message names, or -A): deno install -g -A -n duo-sso-setup dist/cli.js', commands: [['deno', 'install', '-g', '-A', '-f', '-n', 'duo-sso-setup', 'dist/cli.js']], automatic: false },
    example: 'error: Uncaught (in promise) NotCapable: Requires env access to "HOME", run again with the --allow-env flag',
  },
  {
    id: 'deno-not-found',
    title: 'Deno is not installed or not on PATH',
    group: 'node',
    patterns: [
      /\bdeno:? (?:command )?not found/i, /command not found: deno\b/, /'deno' is not recognized as an internal or external command/, /exec: "deno": executable file not found/,
      // deno_install install.sh when its bin folder is not on PATH yet (older installers never edited the profile).
      /Manually add the directory to your \$HOME\/\.\w+ \(or similar\)/,
    ],
    explanation:
      'The shell finds no deno. Deno\'s installer puts it in ~/.deno/bin (or $DENO_INSTALL/bin) and adds that to PATH in the '
      + 'shell profile, which a shell started before (or a non-login shell) has not read; older installers only printed the '
      + 'lines to add: `export DENO_INSTALL="$HOME/.deno"` and `export PATH="$DENO_INSTALL/bin:$PATH"` in ~/.bash_profile '
      + '(or ~/.zshrc), then `source` it or open a new shell. duo-sso-setup runs on Node.js 20+ as well: Deno is not required.',
    fix: { description: 'Put ~/.deno/bin on PATH (export DENO_INSTALL="$HOME/.deno"; export PATH="$DENO_INSTALL/bin:$PATH" in ~/.bash_profile or ~/.zshrc, then open a new shell), or install Deno 2, or run duo-sso-setup with Node instead', commands: [['sh', '-c', 'ls ~/.deno/bin; echo "$PATH"']], automatic: false },
    example: 'bash: deno: command not found',
  },
  {
    // A program that cannot be executed because its file lacks the execute bit (a release binary unpacked or downloaded
    // without it, a copy to a noexec mount): bash/dash/sh's exec error, zsh's ("zsh: permission denied: %s"), Go's
    // os/exec (a credential_process or kubeconfig exec helper), Node's child_process (spawn EACCES).
    id: 'program-not-executable',
    title: 'A program cannot be run: its file is not executable (Permission denied)',
    group: 'node',
    patterns: [
      /(?:^|\s)-?(?:bash|sh|dash|ksh)(?:: (?:line )?\d+)?: (?<path>(?:~|\.{1,2})?\/\S*\/bin\/[^\s:\/]+|\.\/[^\s:\/]+): Permission denied$/m,
      /(?:^|\s)zsh(?::\d+)?: permission denied: (?<path>\S*\/bin\/\S+|\.\/\S+)$/m,
      /fork\/exec (?<path>\/\S+): permission denied/,
      /\bspawn (?<path>\/\S+) EACCES\b/,
    ],
    explanation:
      'The file is there but the system will not run it: it has no execute permission (a binary downloaded or unpacked '
      + 'without the x bit, or copied by a tool that dropped it), or it sits on a file system mounted noexec (often /tmp or a '
      + 'shared folder). `ls -l FILE` shows the permissions: `chmod u+x FILE` (chmod +x) makes it runnable; on a noexec mount, '
      + 'move it to a folder such as ~/.local/bin. (The same shell words for a file you were writing to, `> FILE`, mean '
      + 'that folder is not yours: check its owner rather than chmod +x.)',
    fix: {
      description: 'Check the file\'s permissions and make it executable (chmod u+x FILE); if it is on a noexec mount, move it to ~/.local/bin',
      commands: [['ls', '-l', 'FILE'], ['chmod', 'u+x', 'FILE']],
      automatic: false,
    },
    describe: (f) => (f.path ? `${f.path} is not executable.` : undefined),
    example: 'bash: /home/jdoe/.deno/bin/deno: Permission denied',
  },
  {
    // curl's tool (tool_cb_wrt.c tool_create_output_file: "Failed to open the file %s: %s", wrapped by warnf at 79 columns
    // with a "Warning: " prefix on each line) when -o/-O names a file it cannot create: an installer (deno, duo-sso's
    // release script) downloading into a folder under home.
    id: 'curl-cannot-write',
    title: 'curl cannot write the file it downloads (a folder not yours, or the Ubuntu snap curl)',
    group: 'node',
    patterns: [
      // (warnf wraps at 79 columns, so the reason often starts a new "Warning: " line, or is cut after "Permission".)
      /Failed to open the file (?<path>\S+?):\s+(?:Warning:\s+)?(?:Permission|Read-only|Operation not)\b/,
    ],
    explanation:
      'curl could not create the file an installer asked it to download. Either the folder is not writable by you (made by '
      + 'an earlier run with sudo: `ls -ld` shows root as its owner) or curl is the Ubuntu snap package (`command -v curl` '
      + 'prints /snap/bin/curl): a snap is confined and cannot write into hidden folders of your home such as ~/.deno or '
      + '~/.local. Replace the snap with the distribution\'s curl (`sudo snap remove curl`, `sudo apt install curl`) and run '
      + 'the installer again; otherwise give the folder back to yourself.',
    fix: {
      description: 'See which curl runs and who owns the folder; if curl is the snap, sudo snap remove curl and sudo apt install curl, then rerun the installer',
      commands: [['sh', '-c', 'command -v curl; ls -ld ~/.deno ~/.deno/bin 2>&1'], ['sudo', 'snap', 'remove', 'curl'], ['sudo', 'apt', 'install', 'curl']],
      automatic: false,
    },
    describe: (f) => (f.path ? `curl could not create ${f.path}.` : undefined),
    example: 'Warning: Failed to open the file /home/jdoe/.deno/bin/deno.zip: Permission \nWarning: denied\ncurl: (23) Failure writing output to destination',
  },
  {
    // Installers that unpack a zip: deno_install install.sh ("Error: either unzip or 7z is required to install Deno"),
    // bun's ("unzip is required to install bun"), the AWS CLI v2 and release-zip instructions (`unzip awscliv2.zip`) on a
    // minimal Linux: the shells' "unzip: command not found".
    id: 'unzip-missing',
    title: 'unzip is not installed (the Deno installer, the AWS CLI v2 zip and release zips need it)',
    group: 'node',
    patterns: [
      /Error: (?:either unzip or 7z|unzip) is required to install Deno/,
      /\bunzip is required to install (?<tool>\w+)/,
      /\bunzip: (?:command )?not found\b/,
      /command not found: unzip\b/,
    ],
    explanation:
      'The installer (Deno\'s, bun\'s) or the instructions (the AWS CLI v2 for Linux, a release .zip) unpack a zip file with '
      + 'unzip, which minimal Linux installs and containers do not have. Install it with the system\'s package manager '
      + '(`sudo apt install unzip`, `sudo dnf install unzip`, `apk add unzip`) and run the step again.',
    fix: {
      description: 'Install unzip with the system\'s package manager, then run the installer again',
      commands: [['sudo', 'apt-get', 'install', 'unzip']],
      platformCommands: { darwin: [['brew', 'install', 'unzip']] },
      automatic: false,
    },
    example: 'Error: either unzip or 7z is required to install Deno (see: https://github.com/denoland/deno_install#either-unzip-or-7z-is-required ).',
  },
  {
    // npm/cli lib/utils/error-message.js: the "network" detail npm adds to ECONNRESET, ETIMEDOUT, ENOTFOUND,
    // ECONNREFUSED, socket timeouts and tunnel errors (npm 2/3 "…not a problem with npm itself and is related to
    // network connectivity", npm 5–10 "…In most cases you are behind a proxy…", npm 11 one line).
    // The layer entry (connection-reset, dns-failure…) answers beside it; this one says where npm's own settings live.
    id: 'npm-network-settings',
    title: 'npm could not reach the registry (its own proxy and registry settings are the first suspect)',
    group: 'node',
    patterns: [
      /\bIn most cases you are behind a proxy or have bad network settings\b/,
      new RegExp(String.raw`If you are behind a proxy, please make sure that the(?:\s|${NPM}|network)*'proxy' config is set properly`),
      new RegExp(String.raw`This is most likely not a problem with npm itself(?:\s|${NPM}|network)*and is related to network connectivity`),
    ],
    explanation:
      'npm keeps its own network settings (proxy, https-proxy, registry, cafile in ~/.npmrc, the project\'s .npmrc, or '
      + 'npm_config_* variables) besides HTTPS_PROXY. When only npm fails, a proxy setting left from another network (the '
      + 'office proxy at home, a proxy that no longer exists) is the usual cause: remove it with npm config delete proxy and '
      + 'npm config delete https-proxy. Behind a corporate proxy, set both to it instead (http://proxy:port). The error '
      + 'above the note (ECONNRESET, ETIMEDOUT, ENOTFOUND, a tunnel error) says at which layer it broke.',
    fix: {
      description: 'See which proxy and registry npm uses and where they come from; delete a proxy setting that does not belong to this network',
      commands: [['npm', 'config', 'get', 'proxy'], ['npm', 'config', 'get', 'https-proxy'], ['npm', 'config', 'get', 'registry'], ['duo-sso-setup', 'doctor', '--only', 'network']],
      automatic: false,
    },
    example: "npm ERR! network This is a problem related to network connectivity.\nnpm ERR! network In most cases you are behind a proxy or have bad network settings.\nnpm ERR! network\nnpm ERR! network If you are behind a proxy, please make sure that the\nnpm ERR! network 'proxy' config is set properly.  See: 'npm help config'",
  },
  {
    // npm's config validation (npm 2–6 lib/config/defaults.js invalidHandler; npm 7+ @npmcli/config lib/index.js
    // invalidHandler with type-defs.js url "full url with \"http://\""): the value is dropped with a warning, so npm
    // runs as if the proxy or registry were not set. Tried here: npm 11 with --proxy="http://'CORP\\jdoe:x'@127.0.0.1:8080".
    id: 'npm-config-invalid-url',
    title: 'An npm URL setting (proxy, https-proxy, registry) is not a valid URL, so npm ignores it',
    group: 'node',
    patterns: [
      /invalid config Must be (?:a )?full url with ["']http:\/\/["']/i,
      /invalid config (?:proxy|https-proxy|registry|@[\w.-]+:registry)=/i,
    ],
    explanation:
      'npm checks that proxy, https-proxy and registry are full URLs, and drops a value that is not, with this warning: npm '
      + 'then runs as if it were not set (no proxy, or the default registry), and fails further on. The usual causes: no '
      + 'scheme (proxy.corp:8080 instead of http://proxy.corp:8080), quotes or a backslash in the value (a DOMAIN\\user '
      + 'login written into the URL: leave the quotes out and percent-encode such characters, %5C for a backslash, %40 for '
      + '@), or a CI variable that expanded to nothing (registry=""). Set the proxy as a plain full URL, '
      + 'http://host:port, or delete the setting where no proxy is needed.',
    fix: {
      description: 'See where the setting comes from (npm config list shows each file), then set it as a full URL (npm config set proxy http://host:port, the same for https-proxy) or delete it',
      commands: [['npm', 'config', 'list'], ['npm', 'config', 'set', 'proxy', 'http://<proxy-host>:<port>'], ['npm', 'config', 'set', 'https-proxy', 'http://<proxy-host>:<port>']],
      automatic: false,
    },
    example: 'npm warn invalid config proxy="proxy.corp.example:8080" set in /home/jdoe/.npmrc\nnpm warn invalid config Must be full url with "http://"',
  },
];
