// Failures of duo-sso itself: not installed, and the first-run certificate prompt. Its known
// bug of saving credentials under [default] is in credentials.ts (profile not found).
import type { KnownFailure } from './types.js';

export const duoSsoFailures: readonly KnownFailure[] = [
  {
    id: 'duo-sso-not-found',
    title: 'duo-sso is not installed or not on PATH',
    group: 'duo-sso',
    patterns: [
      /duo-sso(?:_\w+)?: (?:command )?not found/,
      /command not found: duo-sso/,
      /Unknown command:? '?duo-sso/,
      /'duo-sso(?:\.exe)?' is not recognized as (?:an internal or external command|the name of a cmdlet)/,
      /exec: "duo-sso": executable file not found/,
      /spawn duo-sso ENOENT/,
    ],
    explanation:
      'The shell could not find duo-sso. It is not installed, or it was installed into a folder that is not on PATH '
      + '(a binary moved to ~/.local/bin, or Homebrew\'s bin missing from a non-login shell).',
    fix: {
      description: 'Install duo-sso (and put its folder on PATH)',
      commands: [['duo-sso-setup', 'install', 'duo-sso']],
      automatic: false,
    },
    example: 'bash: duo-sso: command not found',
  },
  {
    id: 'first-run-client-certificate',
    title: 'First login needs the browser\'s client-certificate prompt',
    group: 'duo-sso',
    patterns: [
      /client[- ]certificate/i,
      /ERR_BAD_SSL_CLIENT_AUTH_CERT|ERR_SSL_CLIENT_AUTH_CERT_NEEDED/,
      /certificate (?:selection|prompt)/i,
      /(?:re)?run (?:it |duo-sso )?with -{1,2}interactive/i,
    ],
    explanation:
      'On the first login on a machine the SSO page asks the browser to choose a client certificate. duo-sso runs its browser '
      + 'headless unless -interactive is given, so nobody can answer and the login stalls or fails.',
    fix: {
      description: 'Log in once with the browser visible and pick the certificate (login does this by itself in a terminal)',
      commands: [['duo-sso-setup', 'login', '--interactive']],
      automatic: true,
    },
    example: 'Error: SSO login failed: net::ERR_BAD_SSL_CLIENT_AUTH_CERT: a client certificate is required (run with -interactive on the first login)',
  },
];
