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
      // (?![\w-]): "command not found: duo-sso-setup" is this tool missing, not duo-sso.
      /command not found: duo-sso(?![\w-])/,
      /Unknown command:? '?duo-sso(?![\w-])/,
      /'duo-sso(?:\.exe)?' is not recognized as (?:an internal or external command|the name of a cmdlet)/,
      /exec: "duo-sso": executable file not found/,
      /spawn duo-sso ENOENT/,
      /(?:Command 'duo-sso' not found|The program 'duo-sso' is currently not installed)/,
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
  {
    // The headless browser SSO login tools drive (duo-sso on chromedp; puppeteer and playwright under
    // aws-azure-login and others) cannot start: missing, missing libraries, or no display for a visible one.
    id: 'login-browser-failed',
    title: 'The browser the SSO login drives cannot start',
    group: 'duo-sso',
    patterns: [
      /Failed to launch the browser process/,
      /Could not find (?:Chrome|Chromium|expected browser)\b/,
      /exec: "(?:google-chrome|chromium|chromium-browser|google-chrome-stable|headless_shell)": executable file not found/,
      /\b(?:chrome|chromium|headless_shell)[^\n]*error while loading shared libraries: (?<library>lib[\w.+-]+\.so[\w.]*)/,
      /Looks like you launched a headed browser without having a XServer running/,
      /No usable sandbox! Update your kernel or see/,
    ],
    supersedes: ['first-run-client-certificate'],
    explanation:
      'The SSO login runs a Chrome-based browser in the background to go through the identity provider\'s pages. It could not '
      + 'start: no Chrome or Chromium is installed (or not where the tool looks), a Linux or WSL system lacks the libraries '
      + 'Chrome needs (libnss3, libgbm...), a visible browser (-interactive) was asked for without a display, or a container '
      + 'has no user namespaces for Chrome\'s sandbox. Installing Google Chrome (or Chromium) with its dependencies fixes '
      + 'the first two.',
    fix: {
      description: 'Install Google Chrome or Chromium (with its libraries on Linux and WSL), then log in again; a visible browser needs a desktop session',
      commands: [['duo-sso-setup', 'doctor', '--only', 'duo-sso,platform'], ['duo-sso-setup', 'login']],
      automatic: false,
    },
    example: 'Error: Failed to launch the browser process!\n/home/jdoe/.cache/puppeteer/chrome/linux-121.0.6167.85/chrome-linux64/chrome: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory',
  },
  {
    // SAML login tools that went through the identity provider's pages and found no SAMLResponse
    // (aws-azure-login src/login.ts, saml2aws pkg/provider/adfs*.go).
    id: 'saml-response-missing',
    title: 'The identity provider\'s login ended without a SAML response for AWS',
    group: 'duo-sso',
    patterns: [
      /\bSAML response not found\b/,
      /unable to locate saml (?:assertion value|response)/i,
      /unable to locate IDP authentication form submit URL/,
      /(?:No|Missing|Could not find(?: the)?) SAMLResponse\b/,
      // onelogin-python-aws-assume-role (onelogin_aws_assume_role.py): the API never answered "success" for the app.
      /Not able to get a SAMLResponse with success status after \d+ iteration/,
      // aws-azure-login (src/login.ts): a login page it has no state for.
      /Unable to recognize page state!/,
      // saml2aws cmd/saml2aws/commands/login.go: the provider returned no assertion.
      /Didn't get saml assertions/,
      // saml2aws login.go and list_roles.go, when the provider returned an empty assertion (then "Please check ...").
      /Response did not contain a valid SAML assertion/,
      // A login page script that found no form field: JavaScriptCore's TypeError (PhantomJS-era tools) and puppeteer's
      // page.evaluate failure ("Evaluation failed: ..."), both meaning the IdP's page is not the one the tool knows.
      /\bundefined is not an object \(evaluating 'document\./,
      /\bEvaluation failed: TypeError: Cannot (?:read|set) propert(?:y|ies) of (?:null|undefined)/,
      // aws-adfs (authenticator.py): the ADFS response carried no assertion (a failed or unanswered login).
      /Cannot extract saml assertion(?: from request's response)?\. Re-authentication needed\?/i,
      // puppeteer (aws-azure-login and other browser-driving tools): a login page element that never appeared.
      /TimeoutError: [Ww]aiting for selector `[^`\n]+` failed: timeout \d+ ?ms exceeded/,
    ],
    explanation:
      'The tool went through the identity provider\'s pages and never reached the page that posts a SAML response to AWS. '
      + 'The login stopped before the end: a password or Duo prompt that was not answered (or timed out), a page the tool '
      + 'does not know (a new login page, a certificate prompt, a consent screen), or an app URL that is not the AWS one. '
      + 'Logging in with the browser visible shows where it stops; a tool that no longer knows its IdP\'s pages needs an update. '
      + 'Tools that ask the IdP\'s API for the assertion of one app (OneLogin\'s onelogin-aws-assume-role) get none when the '
      + 'app id is not the AWS app\'s (--appid must be the AWS multi-account app\'s id) or the subdomain is wrong.',
    fix: {
      description: 'Log in once with the browser visible to see where the login stops (answer the prompt it waits for)',
      commands: [['duo-sso-setup', 'login', '--interactive']],
      automatic: false,
    },
    example: 'Error: SAML response not found',
  },
  {
    // saml2aws pkg/cfg/cfg.go IDPAccount.Validate ("URL empty in idp account", "MFA empty in idp account", "Provider
    // empty in idp account"), wrapped by cmd/saml2aws ("error building login details: Failed to validate account.: ...").
    id: 'saml2aws-account-incomplete',
    title: 'saml2aws has no (complete) IdP account for this name',
    group: 'duo-sso',
    patterns: [
      /\b(?:URL|MFA|Provider|Username|SessionDuration) empty in idp account\b/,
      /\b(?:error building login details|Failed to validate account)\b[^\n]*(?:empty|invalid)[^\n]*idp account/i,
    ],
    explanation:
      'saml2aws reads the identity provider\'s URL, provider type and MFA setting from an IdP account in ~/.saml2aws '
      + '(the [default] one unless -a/--idp-account or SAML2AWS_IDP_ACCOUNT names another). That account is missing or '
      + 'lacks the value named: never configured on this machine, another account name, or SAML2AWS_CONFIGFILE pointing '
      + 'elsewhere. Run saml2aws configure (with -a NAME for a named one), or pass --url, --idp-provider and --mfa.',
    fix: { description: 'Configure the IdP account saml2aws uses (saml2aws configure -a <name>), or name the one that exists with -a', commands: [['saml2aws', 'configure']], automatic: false },
    example: 'error building login details: Failed to validate account.: URL empty in idp account',
  },
  {
    // okta-aws-cli (internal/sessiontoken/sessiontoken.go, internal/webssoauth): the OIDC device flow, then a token
    // exchange for the AWS Federation app's web SSO token; each call's non-200 answer is "<step> received API response %q".
    id: 'okta-aws-cli-app-setup',
    title: 'okta-aws-cli: the Okta apps it needs are not set up for it (OIDC app, AWS Federation app)',
    group: 'duo-sso',
    patterns: [
      /fetching SSO web token received API response\b/,
      /\bauthorize received API response "\d{3}/,
      /fetching SAML assertion received API response\b/,
      /There aren't any AWS Federation Applications associated with OIDC App/,
      /is a Classic org, okta-aws-cli is an-?OIE only tool/,
    ],
    explanation:
      'okta-aws-cli signs in with an OIDC app (device authorization), then exchanges that token for a web SSO token of the '
      + 'Okta AWS Federation app and reads its SAML assertion. An error answer at one of those steps means the Okta side is '
      + 'not set up as the tool needs, which only an Okta admin can fix: the OIDC app needs the Device Authorization and '
      + 'Token Exchange grant types and the okta.apps.sso / okta.apps.read scopes; the AWS Federation app\'s "Allowed Web SSO '
      + 'Client" must be that OIDC app\'s client id; you must be assigned to both. Give the tool the right ids (--oidc-client-id, '
      + '--aws-acct-fed-app-id). okta-aws-cli works only with Okta Identity Engine orgs, not Classic ones.',
    fix: {
      description: 'Ask the Okta admin to check the OIDC app and the AWS Federation app configuration (grant types, scopes, Allowed Web SSO Client, assignments); pass the app ids explicitly',
      commands: [['okta-aws-cli', '--debug']],
      automatic: false,
    },
    example: 'Error: fetching SSO web token received API response "400 Bad Request"',
  },
  {
    // SAML login tools refused by the identity provider before any assertion: saml2aws's wrapper
    // (cmd/saml2aws/commands/login.go "Error authenticating to IdP."), Okta's API error codes as
    // gimme-aws-creds and okta tools print them (okta_classic.py "LOGIN ERROR: {errorSummary} | Error
    // Code: {errorCode}"; Okta's E0000004 authentication exception, E0000069 user locked). The wrapper's
    // inner error, when an entry knows it (DNS, TLS, timeout), is the answer: hence a fallback.
    id: 'idp-login-failed',
    title: 'The identity provider did not let the login tool in (password, lockout or MFA)',
    group: 'duo-sso',
    fallback: true,
    patterns: [
      /\bError authenticating to IdP\b/i,
      /\bE0000004\b/, /\bE0000069\b|\bLOCKED_OUT\b/,
      /Your Okta access has been locked out due to failed login attempts/,
      /\bLOGIN ERROR: /,
      // gimme-aws-creds okta_classic.py: Okta said E0000004 to the password it took from the keyring or OKTA_PASSWORD.
      /Stored password is invalid, clearing\./,
    ],
    explanation:
      'The login tool reached the identity provider, which refused the sign-in: the username or password is wrong (often a '
      + 'password changed at the IdP while the tool still uses the copy it saved in the keychain), the account is locked after '
      + 'too many attempts (Okta E0000069: every retry with the old saved password keeps it locked), or the MFA step was not '
      + 'answered, denied or not allowed for the app. When the message goes on after "Error authenticating to IdP", that part '
      + 'names the cause (a network error, a page the tool does not know). gimme-aws-creds takes the password from '
      + 'OKTA_PASSWORD when that variable is set, before its keyring: a stale one there fails every time, so unset OKTA_PASSWORD.',
    fix: {
      description: 'Sign in to the identity provider in a browser to check the password (then update the one the tool saved); if locked, wait or ask the IdP admin to unlock',
      commands: [['duo-sso-setup', 'login', '--interactive']],
      automatic: false,
    },
    example: 'LOGIN ERROR: Authentication failed | Error Code: E0000004',
  },
  {
    // SAML login tools whose assertion arrived but carries no AWS role for this user
    // (aws-azure-login "No roles found in SAML response.", saml2aws "No roles available.", gimme-aws-creds).
    id: 'saml-no-aws-roles',
    title: 'The SAML assertion gives you no AWS role',
    group: 'duo-sso',
    patterns: [
      /No roles found in (?:the )?SAML (?:response|assertion)/i,
      /\bNo roles (?:available|to assume)\.?/,
      /\bNo AWS accounts found\./,
      /ERROR: AWS (?:roles|account) \[[^\]\n]*\] not found!/,
      /Please check you are permitted to assume roles for the AWS service/,
      // saml2aws (pkg/saml2aws: the role asked for is not among the assertion's) and awsume (SAMLRoleNotFoundError).
      /Supplied RoleArn not found in saml assertion/i,
      /No match for SAML principal and role: /,
    ],
    explanation:
      'The login worked and the identity provider sent an assertion, but it holds no AWS role for you (or not the one asked '
      + 'for): your account is not assigned to the AWS app or its groups, the access was removed, or the IdP\'s Role attribute is '
      + 'mapped wrongly. Only the IdP\'s administrators (or your AWS account owner) can grant it; the SAML inspector shows '
      + 'which roles, if any, the assertion carries.',
    fix: {
      description: 'See which roles the assertion carries; ask your AWS account owner or IdP administrators for the role',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    example: 'CLIError: No roles found in SAML response.',
  },
  {
    // duo-sso's own configuration errors, in the wording test/support/duo-sso-sim uses (duo-sso is internal).
    id: 'duo-sso-config-missing',
    title: 'duo-sso cannot read its config.json, or the profile is not in it',
    group: 'duo-sso',
    patterns: [
      /Error: failed to read config (?<path>\S+?config\.json)\b/,
      /Error: profile '(?<profile>[^'\n]+)' not found in \S*config\.json/,
      /Error: no role selected\b/,
    ],
    explanation:
      'duo-sso reads its profiles from ~/.config/duo-sso/config.json. The file is missing or unreadable (never written, or written '
      + 'by another user), or the profile asked for is not in it (a typo, or a profile never added). Without --profile duo-sso '
      + 'asks for a role, and ending that prompt without a choice stops it too.',
    fix: {
      description: 'Check config.json and the profiles in it; write it or add the profile, then log in again',
      commands: [['duo-sso-setup', 'config', 'validate'], ['duo-sso-setup', 'config', 'profiles'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: "Error: profile 'eticloud' not found in /Users/jdoe/.config/duo-sso/config.json",
  },
  {
    // gimme-aws-creds main.py / config.py: how it finds the AWS accounts is gimme_creds_server ('appurl', 'internal', or
    // the URL of a gimme-creds-server lambda, which it reaches with Okta OAuth: okta_classic.py auth_oauth, whose
    // authorize call gives no redirect without that setup, hence KeyError: 'location').
    id: 'gimme-aws-creds-config',
    title: 'gimme-aws-creds is configured for a way of finding AWS accounts that is not set up (gimme_creds_server)',
    group: 'duo-sso',
    patterns: [
      /in auth_oauth\b[\s\S]{0,600}?KeyError: '(?:location|Location)'/,
      /No Gimme-Creds server URL in configuration\./,
      /app_url is not defined in your config!/,
      /OKTA_API_KEY environment variable not found!/,
      /No OAuth Client ID in configuration\./,
    ],
    explanation:
      'gimme-aws-creds finds your AWS accounts the way gimme_creds_server says: \'appurl\' (the AWS app\'s embed link, set as '
      + 'app_url: what most setups use), \'internal\' (lists your Okta apps through the Okta API, and needs OKTA_API_KEY), or '
      + 'the URL of a gimme-creds-server deployment (it then signs in with Okta OAuth and a client_id; without that server '
      + 'and OAuth app, the sign-in gets no redirect and fails with KeyError: \'location\'). Run its configuration again and set '
      + 'gimme_creds_server = appurl with app_url, unless your organisation runs the server.',
    fix: {
      description: 'Reconfigure gimme-aws-creds with gimme_creds_server = appurl and the AWS app\'s app_url (or internal with OKTA_API_KEY)',
      commands: [['gimme-aws-creds', '--action-configure']],
      automatic: false,
    },
    example: "  File \"/usr/lib/python3/site-packages/gimme_aws_creds/okta_classic.py\", line 254, in auth_oauth\n    url_parse_results = urlparse(response.headers['Location'])\nKeyError: 'location'",
  },
];
