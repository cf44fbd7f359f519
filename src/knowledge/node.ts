// Failures of installing or running duo-sso-setup itself with npm, Node or Deno: npm's error
// codes (npm/cli lib/utils/error-message.js prints "npm ERR! code X" / "npm error code X")
// and Node's errno names (libuv: EACCES, ENOSPC), and engine checks.
import type { KnownFailure } from './types.js';

export const nodeFailures: readonly KnownFailure[] = [
  {
    id: 'npm-global-permissions',
    title: 'npm cannot write to the global install folder (EACCES)',
    group: 'node',
    patterns: [
      /npm (?:ERR!|error) code EACCES/,
      /EACCES: permission denied, (?:mkdir|open|rename|symlink|access|unlink|rmdir|scandir) '(?<path>[^']*(?:node_modules|\.npm|lib\/node|bin)[^']*)'/,
      /npm (?:ERR!|error) Error: EACCES: permission denied/,
      // Node's own files in a home folder left root-owned by a sudo run (~/.npm, ~/.nvm, the REPL history).
      /EACCES:? ?permission denied, (?:open|mkdir)\s*'\/(?:home|Users)\/[^'\/]+\/(?:\.npm|\.nvm|\.node_repl_history|\.node-gyp)[^']*'?/,
      /The operation was rejected by your operating system\.\s*\n?[^\n]*(?:npm (?:ERR!|error) )?It is likely you do not have the permissions/,
    ],
    explanation:
      'npm installs global packages under its prefix (often /usr/local or /usr, owned by root) or writes its cache in '
      + '~/.npm, which a past `sudo npm` may have left owned by root. Do not use sudo for npm: point the prefix at a folder '
      + 'you own (`npm config set prefix ~/.npm-global`, add ~/.npm-global/bin to PATH) or use a version manager (nvm, fnm), '
      + 'and give ~/.npm back to yourself if root owns it.',
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
    patterns: [/\bENOSPC\b[^\n]*no space left on device/i, /npm (?:ERR!|error) code ENOSPC/, /No space left on device/, /\[Errno 28\] No space left on device/],
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
      /SyntaxError: Unexpected token '(?:\?|\.)'/,
      /Node\.js (?:v?\d+(?:\.\d+)*|version) (?:is )?(?:not supported|too old)|requires Node(?:\.js)? (?:>=|version )?\s*\d+/i,
    ],
    explanation:
      'duo-sso-setup needs Node.js 20 or newer (or Deno 2). An older Node fails at install with EBADENGINE or, if the check '
      + 'is skipped, at start with a syntax error on newer JavaScript. When `current` is newer than `required` (an engines field '
      + 'that pins one major version), the package\'s engines field is too strict: npm only warns, nothing needs doing.',
    fix: { description: 'Install a current Node.js (20 or newer), then install again', commands: [['node', '--version'], ['duo-sso-setup', 'doctor', '--only', 'platform']], automatic: false },
    example: 'npm WARN EBADENGINE Unsupported engine {\nnpm WARN EBADENGINE   package: \'duo-sso-setup@0.1.0\',\nnpm WARN EBADENGINE   required: { node: \'>=20\' },\nnpm WARN EBADENGINE   current: { node: \'v16.20.2\', npm: \'8.19.4\' }\nnpm WARN EBADENGINE }',
  },
];
