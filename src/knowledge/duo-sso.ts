// Failures of duo-sso itself: not installed, and the first-run certificate prompt. Its known
// bug of saving credentials under [default] is in credentials.ts (profile not found).
import { inContext } from './context.js';
import type { KnownFailure } from './types.js';

// Third-party AWS login tools (their executables), for the shells' "not found" texts.
const LOGIN_TOOLS = String.raw`(?:aws-vault|saml2aws|granted|assume|assumego|gimme-aws-creds|awsume|aws-okta|okta-aws-cli|aws-sso-util|aws-azure-login|aws-google-auth|aws-adfs|gsts|leapp|aws-runas)`;

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
      /(?:ask(?:s|ing)? (?:for|to select)|select|choose|chosen|pick|wants|requires?|required|needed|prompt(?:s|ing)? for) (?:a |the |your |one )?client[- ]certificate|client[- ]certificate (?:is )?(?:required|needed|chosen|selection|prompt)/i,
      /ERR_BAD_SSL_CLIENT_AUTH_CERT|ERR_SSL_CLIENT_AUTH_CERT_NEEDED/,
      /(?:browser|SSO|page|duo-sso|login)\b[^\n]*certificate (?:selection|prompt)|certificate (?:selection|prompt)[^\n]*\b(?:browser|SSO|duo-sso|login)\b/i,
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
      // puppeteer (aws-azure-login): Chrome started but never opened the page target, or never answered the connection;
      // both follow a Chrome release the tool's puppeteer does not drive.
      /\b[Ww]aiting for target failed: timeout \d+ ?ms exceeded/,
      /Timed out after \d+ ?ms while trying to connect to the browser!/,
      // playwright (gsts and other tools built on it: server/registry, browserType.launch*): the browser build of the
      // revision this playwright release pins was never downloaded into ms-playwright.
      /\b[Ee]xecutable doesn't exist at (?<path>\S+)/,
      /Looks like Playwright(?: Test or Playwright)? was just installed or updated/,
      // playwright's host check (server/registry/dependencies.ts) and its branded-channel lookup (registry executables).
      /Host system is missing dependencies to run browsers/,
      /Chromium distribution '(?:chrome|msedge)[\w-]*' is not found at /,
    ],
    // (linux-shared-library-missing is the same loader error for any program; for Chrome this entry says more.)
    supersedes: ['first-run-client-certificate', 'linux-shared-library-missing'],
    explanation:
      'The SSO login runs a Chrome-based browser in the background to go through the identity provider\'s pages. It could not '
      + 'start: no Chrome or Chromium is installed (or not where the tool looks), a Linux or WSL system lacks the libraries '
      + 'Chrome needs (libnss3, libgbm...), a visible browser (-interactive) was asked for without a display, or a container '
      + 'has no user namespaces for Chrome\'s sandbox. Installing Google Chrome (or Chromium) with its dependencies fixes '
      + 'the first two. A browser that starts but hangs ("waiting for target failed", "Timed out ... trying to connect to the '
      + 'browser") usually follows a Chrome release the tool\'s puppeteer does not drive: update Chrome to its newest release '
      + '(or the tool), or point the tool at a Chrome version it supports. Tools built on Playwright (gsts) do not use the '
      + 'installed Chrome: each Playwright release drives its own browser build (ms-playwright/chromium-NNNN in ~/.cache or '
      + '~/Library/Caches), downloaded separately. "Executable doesn\'t exist at .../ms-playwright/chromium-NNNN/..." means that '
      + 'build was never downloaded (an install with downloads skipped) or belongs to another Playwright version than the '
      + 'tool\'s: run the matching Playwright\'s installer (npx playwright@<the tool\'s playwright version> install chromium, '
      + 'or node node_modules/playwright/install.js inside the tool\'s folder; installing the tool\'s playwright version, '
      + 'npm install playwright@<version>, fetches the revision it wants), or point the tool at a browser you have '
      + '(gsts --engine-executable-path=/path/to/chrome, or another --engine). "Host system is missing dependencies to run '
      + 'browsers" (Linux, WSL) is the libraries: sudo npx playwright install-deps chromium installs them. "Chromium '
      + 'distribution \'chrome\' is not found" means the tool asked for the installed Google Chrome channel and there is '
      + 'none: install Google Chrome (or npx playwright install chrome).',
    fix: {
      description: 'Install or update Google Chrome or Chromium (with its libraries on Linux and WSL), then log in again; a visible browser needs a desktop session. For Playwright-based tools (gsts) run the installer of the tool\'s Playwright version (npx playwright install chromium) or give the tool a browser path (--engine-executable-path)',
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
      // awsume (awsumepy/app.py SAMLAssertionNotFoundError): a SAML login plugin handed it no assertion.
      /\bNo assertion to use!/,
      // okta-aws-cli (internal/webssoauth/webssoauth.go): the AWS Federation app's page held no SAMLResponse.
      /could not find SAML assertion in API call/,
      // aws-runas (client/external: the OneLogin client, the browser login): the IdP's answer held no assertion, or none came in time.
      /\bfailed to obtain SAML assertion\b/, /\btimed out waiting for SAML response\b/,
      // puppeteer (aws-azure-login and other browser-driving tools): a login page element that never appeared.
      /TimeoutError: [Ww]aiting for selector `[^`\n]+` failed: timeout \d+ ?ms exceeded/,
      // saml2aws (cmd/saml2aws/commands/login.go, early releases) and the AWS blog's ADFS/Okta scripts it grew from.
      /\b[Rr]esponse did not contain a valid SAML assertion/,
      // okta-awscli (oktaawscli/okta_auth.py): the app page was neither the SAML form nor Okta's extra verification,
      // and (okta_auth_config.py) an app-link that is not a URL at all.
      /\bNo Extra Verification\b/, /The app-link provided: \S+ is an invalid url/,
      // aws-runas (credentials/saml_assertion.go Decode, saml_role_provider.go): an empty or cut-short assertion, before
      // any call to STS; STS's own "Invalid SAML" refusals stay saml-provider-invalid's.
      /^(?:[^\n]*\b(?:ERROR|FATAL|error):? )?invalid saml assertion$/m,
      /invalid SAML Assertion detected, check your local SAML and identity provider configuration/,
      // aws-google-auth (google.py parse_saml): Google's pages ended without the assertion (a refused or changed login).
      /Could not find SAML response, check your credentials/,
      // saml2aws (pkg/saml2aws ExtractDestinationURL, used by the Ping, Okta and other providers): the page it took for
      // the SAML form holds no samlp:Response; aws-jumpcloud (jumpcloud.py): JumpCloud's answer lacked the SAMLResponse.
      /error parsing destination url: missing Response element/,
      /JumpCloud's SSO response did not contain the expected/,
    ],
    supersedes: ['saml-provider-invalid'],
    explanation:
      'The tool went through the identity provider\'s pages and never reached the page that posts a SAML response to AWS. '
      + 'The login stopped before the end: a password or Duo prompt that was not answered (or timed out), a page the tool '
      + 'does not know (a new login page, a certificate prompt, a consent screen), or an app URL that is not the AWS one. '
      + 'Logging in with the browser visible shows where it stops; a tool that no longer knows its IdP\'s pages needs an update. '
      + 'Tools that ask the IdP\'s API for the assertion of one app (OneLogin\'s onelogin-aws-assume-role) get none when the '
      + 'app id is not the AWS app\'s (--appid must be the AWS multi-account app\'s id) or the subdomain is wrong. With Okta, the '
      + 'URL the tool opens must be the AWS app\'s own link (its embed URL, https://ORG.okta.com/home/amazon_aws/APP_ID/272, '
      + 'from the Okta dashboard or the app\'s settings), not the base Okta URL: saml2aws\'s url, okta-awscli\'s app-link, '
      + 'gimme-aws-creds\'s app_url, OKTA_AWS_APP_URL. aws-runas says "invalid saml assertion" when it holds no assertion at '
      + 'all (nothing came back from the IdP, or a cached one was empty): run it with -v to see the login; before 3.0.3 '
      + 'listing roles (-l) hit this every time after the first login: upgrade aws-runas. Tools that type a saved password '
      + 'for you (aws-google-auth keeps it in the system keyring under the service "aws-google-auth") fail this way after a '
      + 'password change: the stale saved password is refused and no SAML response follows; delete the saved one (python3 -m '
      + 'keyring del aws-google-auth <your email>, or the item in Keychain Access) and log in again typing the new one. When '
      + 'the password works in a browser and the tool still finds no SAML response (saml2aws "error parsing destination '
      + 'url: missing Response element", aws-jumpcloud "did not contain the expected SAMLResponse"), the IdP changed its '
      + 'pages and the tool needs its newer release: upgrade it (or, for a regression of a new release, go back to the '
      + 'previous one until it is fixed).',
    fix: {
      description: 'Log in once with the browser visible to see where the login stops (answer the prompt it waits for); check that the configured app URL is the AWS app\'s link',
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
      /\b(?:URL|MFA|Provider|Profile|Username|SessionDuration|Resource ID|app ID|subdomain) empty in idp account\b/,
      // pkg/cfg/cfg.go ErrIdpAccountNotFound: no account of that name in ~/.saml2aws at all.
      /IDP account not found, run configure to set it up/,
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
      + '--aws-acct-fed-app-id). okta-aws-cli works only with Okta Identity Engine orgs, not Classic ones. A 400 at the web SSO '
      + 'token step with everything assigned is the AWS Federation app\'s authentication policy refusing the exchange '
      + '(invalid_grant, "assurance requirements are not met"): a rule that asks for MFA on every sign-in or for a registered '
      + 'or managed device; the admin sets re-authentication to a time window instead.',
    fix: {
      description: 'Ask the Okta admin to check the OIDC app and the AWS Federation app configuration (grant types, scopes, Allowed Web SSO Client, assignments, its authentication policy); pass the app ids explicitly',
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
      // aws-google-auth (google.py) and other page-scraping tools: the IdP's page did not take the password.
      // Alone it is any site's or database's refusal: the IdP's only with a login tool's or IdP's words around it.
      inContext(/\b(?:aws-google-auth|saml2aws|gimme-aws-creds|aws-azure-login|okta-aws-cli|IdP|Okta|Google Password|SAML)\b/, /^Invalid username or password\.?$/m),
      // Microsoft Entra ID's sign-in codes for the account itself (wrong password, locked, expired, disabled, unknown),
      // as aws-azure-login (src/login.ts, the page's service exception) and MSAL-based tools print them.
      /\bAADSTS(?:50126|50053|50055|50057|50034)\b/,
      // saml2aws's Okta, OneLogin and JumpCloud providers: the push was denied or not answered in time.
      /\bMFA rejected by user\b/, /\bUser did not accept MFA in time\b/, /\bmfa timed out or denied\b/,
      // gimme-aws-creds (okta_classic.py, duo.py): Duo's push denied or unanswered, or the wait cancelled.
      /\bDuo Push (?:REJECTED|TIMEOUT)\b/, /\bTimed out waiting for Duo MFA\b/, /\bUser canceled waiting for MFA success\b/,
      // okta-awscli (oktaawscli/okta_auth_mfa_base.py): the Okta Verify push denied or unanswered, the password expired.
      /^(?:\S+ - )?Verification (?:timed out|was rejected)$/m, /\bYour Okta password is expired\b/,
      // Okta's API error codes for a wrong MFA passcode, an expired password and its rate limit (developer.okta.com
      // error codes), in the JSON body Okta returns and the login tools print.
      /\bE00000(?:68|64|47)\b/,
      // gimme-aws-creds okta_classic.py: Okta said E0000004 to the password it took from the keyring or OKTA_PASSWORD.
      /Stored password is invalid, clearing\./,
      // Entra ID's session codes (reference-error-codes): no signed-in session for a silent login, a saved refresh token
      // expired by inactivity or revoked by a password change, a sign-in that took too long.
      /\bAADSTS(?:50058|700082|50173|50089)\b/,
    ],
    explanation:
      'The login tool reached the identity provider, which refused the sign-in: the username or password is wrong (often a '
      + 'password changed at the IdP while the tool still uses the copy it saved in the keychain), the account is locked after '
      + 'too many attempts (Okta E0000069: every retry with the old saved password keeps it locked), or the MFA step was not '
      + 'answered, denied or not allowed for the app. When the message goes on after "Error authenticating to IdP", that part '
      + 'names the cause (a network error, a page the tool does not know). Tools that fill in the IdP\'s web pages themselves '
      + '(aws-google-auth, older Okta and ADFS scripts) report a right password as invalid when the IdP changed its pages (a '
      + 'new captcha or challenge step): if the password works in a browser, upgrade the tool to its latest release. Entra '
      + 'ID names the case by code: AADSTS50126 wrong username or password, AADSTS50053 locked after too many attempts, '
      + 'AADSTS50055 password expired (change it in a browser), AADSTS50057 account disabled, AADSTS50034 no such account in '
      + 'this tenant (a typo, or another organisation\'s tenant). Okta\'s codes: E0000068 the MFA passcode was wrong (a TOTP '
      + 'from a phone whose clock is off, or reused), E0000064 the password expired (change it in a browser), E0000047 too '
      + 'many requests (a script retrying in a loop): wait a minute before trying again. '
      + 'gimme-aws-creds takes the password from OKTA_PASSWORD when that variable is set, before its keyring: a stale one there '
      + 'fails every time, so unset OKTA_PASSWORD. '
      + 'Entra ID\'s session codes mean sign in '
      + 'again with the prompt (aws-azure-login without --no-prompt, or --mode gui): AADSTS50058 there is no signed-in session '
      + 'for a silent login, AADSTS700082 the saved session expired from inactivity, AADSTS50173 it was revoked (a password '
      + 'change), AADSTS50089 the sign-in took too long.',
    fix: {
      description: 'Sign in to the identity provider in a browser to check the password (then update the one the tool saved); if it works there, upgrade the login tool; if locked, wait or ask the IdP admin to unlock',
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
      // aws-adfs (login.py, roles_assertion_extractor.py): an assertion without roles, or without the role_arn asked for.
      /This account does not have access to any roles/, /Cannot extract roles from response/,
      /Not allowed to assume role \S+ and role_arn is enforced/,
      // aws-okta (lib/utils.go): the assertion carried no role.
      /There are no roles that can be assumed/,
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
    // Okta's OAuth endpoints (/oauth2/v1/token, /oauth2/v1/device/authorize) refusing the device-code or token-exchange
    // step of the login tools that use them: okta-aws-cli (webssoauth), gimme-aws-creds (okta_identity_engine.py, which
    // raises requests' HTTPError "400 Client Error: Bad Request for url: …"), with Okta's error descriptions for an
    // authentication policy the session does not satisfy and for a user not assigned to the client app.
    id: 'okta-token-refused',
    title: 'Okta refused the token the login tool asked for (the app\'s authentication policy, an app you are not assigned to, or an expired cached token)',
    group: 'duo-sso',
    supersedes: ['okta-aws-cli-app-setup', 'idp-login-failed'],
    patterns: [
      /The application's assurance requirements are not met/,
      /\b4\d\d Client Error: [\w ]+ for url:? https?:\/\/\S+\/oauth2\/(?:[\w-]+\/)?v1\/(?:token|device\/authorize)\b/,
      /\buser_not_assigned\b/, /User is not assigned to the client application/,
      // The token exchange's subject_token (okta-aws-cli's access token, cached in ~/.okta/awscli-access-token.json with
      // --cache-access-token) expired or lost its Okta session.
      /The 'subject_token' (?:either expired|is (?:expired|invalid|not valid))/,
    ],
    explanation:
      'The login tool signed in to Okta and then asked its OAuth endpoint (/oauth2/v1/token) for the token that leads to '
      + 'the AWS app, and Okta refused. The error description, or the Okta System Log entry for that attempt, decides which '
      + 'of two causes it is. "The application\'s assurance requirements are not met" (invalid_grant): the authentication '
      + 'policy of the AWS app (or of the tool\'s OIDC app) asks for more than this sign-in gave, typically MFA on every '
      + 'sign-in or a registered or managed device; an Okta admin changes the policy (re-authentication after a time window '
      + 'such as 2 minutes or more, no device-state condition). "user_not_assigned": you are not assigned to the app the tool '
      + 'asked for, usually because its configuration names the wrong app: gimme-aws-creds wants gimme_creds_server = appurl '
      + 'and the AWS app\'s link (https://ORG.okta.com/home/amazon_aws/APP_ID/272) in app_url; okta-aws-cli wants the OIDC '
      + 'app\'s client id and the AWS Federation app\'s id. A bare "400 Bad Request" needs that reason first. A description '
      + 'saying the \'subject_token\' expired (or its session ended) is a third cause and no setup fault: okta-aws-cli '
      + 'reused an access token whose Okta session is over (you signed out of Okta, the session lifetime ran out), which '
      + 'it keeps in ~/.okta/awscli-access-token.json with --cache-access-token: delete that file (only a cached token) '
      + 'and run it again for a fresh device authorization.',
    fix: {
      description: 'Find the reason (error description or the Okta System Log): for "assurance requirements" ask the Okta admin to relax the AWS app\'s authentication policy; for user_not_assigned correct the app settings (gimme-aws-creds: gimme_creds_server = appurl, app_url = the AWS app link); for an expired subject_token delete okta-aws-cli\'s cached token (rm ~/.okta/awscli-access-token.json) and log in again',
      commands: [['gimme-aws-creds', '--action-configure'], ['okta-aws-cli', '--debug']],
      automatic: false,
    },
    example: 'Error: fetching SSO web token received API response "400 Bad Request", error: "invalid_grant", description: "The application\'s assurance requirements are not met by the \'subject_token\'."',
  },
  {
    // aws-okta (lib/okta.go): any page from the AWS app that is not a SAML form is reported as the app not being assigned;
    // most often Okta answered with a sign-in or verification page because the session cookie or device token it keeps
    // in the keyring ("okta session cookie", "okta device token") is stale.
    id: 'aws-okta-session-stale',
    title: 'aws-okta got no SAML form from the AWS app (a stale Okta session or device token in its keyring)',
    group: 'duo-sso',
    patterns: [
      /[Oo]kta user (?:\S+ )?does not have the AWS app added to their account/,
    ],
    explanation:
      'aws-okta opens the Okta AWS app (aws_saml_url) with the session it keeps in the keyring and expects the page that '
      + 'posts the SAML assertion. Whatever else comes back is reported as "does not have the AWS app added to their '
      + 'account", and most often it is Okta asking to sign in or verify again because the saved session cookie or device '
      + 'token is stale (typical after an upgrade, or with several profiles sharing one Okta session). Delete the "okta '
      + 'session cookie" and "okta device token" items from the keyring (Keychain Access on macOS; aws-okta\'s keyring '
      + 'backend elsewhere) and log in again: only cached session data goes, the saved password stays. If it persists, check '
      + 'aws_saml_url (home/amazon_aws/APP_ID/272) and ask the Okta admin whether you are assigned to the app.',
    fix: {
      description: 'Delete the "okta session cookie" and "okta device token" items from the keychain (cached session data only), then retry; if it persists, check aws_saml_url and your assignment to the AWS app',
      commands: [['aws-okta', '--debug', 'exec', '<profile>', '--', 'true']],
      automatic: false,
    },
    example: 'getting creds via SAML: Okta user jdoe does not have the AWS app added to their account.  Please contact your Okta admin to make sure things are configured properly.',
  },
  {
    // Login tools that answer Duo's prompt themselves through Duo's web frame endpoints (aws-okta lib/duo.go "Prompt
    // request failed: %d", "DUO: bad status from result_url: %d", wrapped by lib/okta.go "Failed Duo challenge. Err: %s";
    // the Shibboleth and Okta providers of its forks "Failed Duo Challenge"). An HTTP error there means Duo's endpoints no
    // longer take what the tool sends (Duo changed them, the Universal Prompt), not that the push was denied.
    id: 'login-tool-duo-outdated',
    title: 'The login tool\'s built-in Duo client no longer works with Duo (update the tool)',
    group: 'duo-sso',
    supersedes: ['idp-login-failed'],
    patterns: [
      /\bFailed Duo [Cc]hallenge\b/,
      /\b(?:U2F )?Prompt request failed: \d{3}\b/,
      /\bDUO: bad status from result_url: \d{3}\b/,
      // gimme-aws-creds's Duo Universal Prompt flow (duo_universal.py) reads Okta's session cookie "sid" after Duo; when
      // the flow did not end in an Okta session, requests' cookie jar raises this KeyError.
      /KeyError: "name='sid', domain=None, path=None"/,
    ],
    explanation:
      'Some login tools (aws-okta and its forks) do not open a browser for Duo: they call Duo\'s '
      + 'web prompt endpoints themselves to send the push and wait for it. When those calls fail with an HTTP status (403, '
      + '400) the push usually never reached the phone: Duo changed its endpoints (the Universal Prompt replaced the '
      + 'iframe one) and this release of the tool speaks the old protocol. Upgrade the tool to the release that follows '
      + 'Duo\'s change (aws-okta 1.0.4 and later, from its GitHub releases when the package manager lags). gimme-aws-creds\'s '
      + 'first Universal Prompt release (2.4.0) stopped with KeyError "name=\'sid\'" (no Okta session cookie after Duo): '
      + 'upgrade to 2.4.3 or later (on Windows with a Python its dependencies install on). duo-sso '
      + 'itself drives a real browser through Duo and is not affected.',
    fix: {
      description: 'Upgrade the login tool to its latest release (from its GitHub releases if Homebrew has not caught up), then log in again',
      commands: [['aws-okta', 'version'], ['brew', 'upgrade', 'aws-okta']],
      automatic: false,
    },
    example: 'Failed to validate credentials: Failed Duo challenge. Err: Prompt request failed: 403',
  },
  {
    // Microsoft Entra ID (Azure AD) refusing the AWS enterprise app to this user, by its documented sign-in codes
    // (learn.microsoft.com/entra/identity-platform/reference-error-codes), as aws-azure-login (src/login.ts "Service
    // exception" state: the page's #service_exception_message) and MSAL-based tools print them.
    id: 'entra-app-access-denied',
    title: 'Microsoft Entra ID does not give you the AWS app (not assigned, another tenant, or the app id or reply URL is wrong)',
    group: 'duo-sso',
    supersedes: ['idp-login-failed'],
    patterns: [
      /\bAADSTS(?:50105|700016|50020|90072|50011|650056|65001|90094)\b/,
      /is not assigned to a role for the application\b/,
      /Application with identifier '[^'\n]*' was not found in the directory\b/,
      /The reply URL specified in the request does not match the reply URLs configured for the application/,
    ],
    explanation:
      'Entra ID signed you in but will not issue the AWS app\'s SAML response, and the code says why. AADSTS50105: you are '
      + 'not assigned to the AWS enterprise application (directly or through a group): an Entra admin adds you under the '
      + 'app\'s Users and groups. AADSTS700016: the tool asks for an app that is not in that tenant: the app id URI '
      + '(Identifier / Entity ID, such as https://signin.aws.amazon.com/saml#2; aws-azure-login\'s azure_app_id_uri) or the '
      + 'tenant id (azure_tenant_id) in its configuration is wrong. AADSTS50020 / AADSTS90072: the account you signed in with '
      + 'belongs to another tenant (a personal or guest account): sign in with your organisation account. AADSTS50011: the '
      + 'app\'s Reply URL is not https://signin.aws.amazon.com/saml (or the regional one the tool uses): the admin corrects it. '
      + 'AADSTS65001 / AADSTS90094: the app (or the tool\'s own client app) needs consent that you may not give yourself: an '
      + 'Entra admin grants consent for the organisation.',
    fix: {
      description: 'Check the account you sign in with and the tenant and app id in the login tool\'s configuration; for AADSTS50105 ask the Entra admin to assign you to the AWS app',
      commands: [['aws-azure-login', '--configure', '--profile', '<profile>']],
      automatic: false,
    },
    example: "AADSTS50105: The signed in user 'jdoe@example.com' is not assigned to a role for the application '8d1c9f4e-2b7a-4e0b-9a55-3f6c2d1e0a7b'(AWS Single-Account Access).",
  },
  {
    // Microsoft Entra ID's policy codes: MFA required or not registered, Conditional Access, device state
    // (learn.microsoft.com/entra/identity-platform/reference-error-codes), printed by browser-driving SAML tools
    // (aws-azure-login's service exception) and MSAL-based ones.
    id: 'entra-policy-blocked',
    title: 'Microsoft Entra ID asks for MFA, a registered method or a compliant device that the login did not give',
    group: 'duo-sso',
    supersedes: ['idp-login-failed'],
    patterns: [
      /\bAADSTS(?:50076|50079|50074|50158|53000|53001|53003|50097)\b/,
      /you must (?:use multi-factor authentication|enroll in multi-factor authentication) to access/,
      /Access has been blocked by Conditional Access policies/,
    ],
    explanation:
      'Entra ID\'s policies ask more of this sign-in than it gave. AADSTS50076 / AADSTS50074: MFA is required (a new '
      + 'location, or a policy change); AADSTS50079: you must first register an MFA method; AADSTS50158: an external MFA '
      + 'provider\'s challenge (Duo, for example) was not completed. Sign in once with the browser visible and complete '
      + 'the prompt or the registration (aws-azure-login --mode gui, duo-sso-setup login --interactive); a headless login '
      + 'cannot. AADSTS53003 (blocked by Conditional Access), AADSTS53000 / AADSTS53001 (the device is not compliant or '
      + 'not domain-joined) and AADSTS50097 (device authentication): the policy wants a managed device or a network the '
      + 'tool\'s own browser does not present; only the Entra admin can allow it for the AWS app.',
    fix: {
      description: 'Log in once with the browser visible and complete the MFA prompt or registration; for Conditional Access or device-state codes ask the Entra admin',
      commands: [['duo-sso-setup', 'login', '--interactive'], ['aws-azure-login', '--mode', 'gui', '--profile', '<profile>']],
      automatic: false,
    },
    example: "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'AWS'.",
  },
  {
    // aws-okta's own setup errors (lib/okta.go, lib/provider.go, cmd/*.go): no Okta credentials in its keyring, Okta
    // refusing the saved ones, a profile without aws_saml_url, or a profile name that is not in ~/.aws/config.
    id: 'aws-okta-setup',
    title: 'aws-okta is not set up for this profile (no Okta credentials in its keyring, or no aws_saml_url)',
    group: 'duo-sso',
    patterns: [
      // (lib/provider.go's "Failed to get okta credentials from your keyring" is keyring-item-missing's.)
      /Okta credentials are not in your keyring/,
      /Failed to authenticate with okta\. If your credentials have changed, use 'aws-okta add'/,
      /aws_saml_url missing from ~\/\.aws\/config/,
      /Profile '(?<profile>[^'\n]+)' not found in your aws config/,
    ],
    explanation:
      'aws-okta signs in to Okta with credentials it keeps in its keyring (written by `aws-okta add`), then opens the '
      + 'AWS app named by the profile\'s aws_saml_url (home/amazon_aws/APP_ID/272, in the profile or its source_profile in '
      + '~/.aws/config). Here one of those is missing: no Okta credentials in this keyring backend (never added, added with '
      + 'another --backend, or the keyring was reset), Okta refused the saved password (it changed: run `aws-okta add` again), '
      + 'the profile has no aws_saml_url, or the profile name is not in ~/.aws/config (`aws-okta list` shows the ones there).',
    fix: {
      description: 'Store the Okta credentials again with aws-okta add (same --backend as you use later), and give the profile an aws_saml_url',
      commands: [['aws-okta', 'add'], ['aws-okta', 'list']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}' is the one aws-okta could not use.` : undefined),
    example: 'Failed to get credentials: Okta credentials are not in your keyring.  Please make sure you have added okta credentials with `aws-okta add`',
  },
  {
    // okta-aws-cli-assume-role (Java; com.okta.tools): its failures show as JVM errors, told apart by the frame. A null
    // app URL reaches URI.create from OktaAppClientImpl.launchApp (OKTA_AWS_APP_URL unset, or config.properties not
    // found); OktaAwsCliAssumeRole.run's profile check throws on a second run without OKTA_PROFILE (the named-profile
    // regression of early 2018); launcher scripts older than the jar name the removed main class com.okta.tools.awscli.
    id: 'okta-aws-cli-assume-role-config',
    title: 'okta-aws-cli-assume-role stops with a Java error (its config.properties or launcher scripts)',
    group: 'duo-sso',
    patterns: [
      /NullPointerException[\s\S]*?\bat com\.okta\.tools\.saml\.OktaAppClientImpl\.launchApp\b/,
      /NullPointerException[\s\S]*?\bat com\.okta\.tools\.OktaAwsCliAssumeRole\.run\(OktaAwsCliAssumeRole\.java:\d+\)[^\n]*\n[^\n]*?\bat com\.okta\.tools\.awscli\.main\b/,
      /Could not find or load main class com\.okta\.tools\.(?:awscli|WithOkta)\b/,
      // com.okta.tools.saml.OktaSaml: the AWS app's page was a sign-on rule prompt (PromptForFactorException), or the app
      // list the tool reads did not lead to the AWS app ("You do not have access to AWS through Okta.").
      /\bPromptForFactorException\b|Unsupported App sign on rule: 'Prompt for factor'/,
      /You do not have access to AWS through Okta\./,
    ],
    explanation:
      'okta-aws-cli-assume-role (the awscli / okta-aws / withokta scripts around a Java jar) reads ~/.okta/config.properties. '
      + 'A NullPointerException from OktaAppClientImpl.launchApp means it has no AWS app URL: OKTA_AWS_APP_URL is missing or '
      + 'empty (set it to the Okta AWS app\'s link, https://ORG.okta.com/home/amazon_aws/APP_ID/272), or config.properties '
      + 'was not found because the script ran outside ~/.okta; OKTA_ORG must be a host name (example.okta.com), not a URL. '
      + 'A NullPointerException at OktaAwsCliAssumeRole.run on the second run is a regression of the named-profile release: '
      + 'export OKTA_PROFILE=" " (or remove ~/.okta-aws-cli-session) and upgrade. "Could not find or load main class '
      + 'com.okta.tools.awscli" means the launcher scripts are older (or newer) than the jar: the classpath must be the jar '
      + '(java -classpath .:oktaawscli.jar com.okta.tools.WithOkta $@); reinstall the scripts with the jar. "Unsupported App '
      + 'sign on rule: \'Prompt for factor\'" and "You do not have access to AWS through Okta" mean the AWS app\'s page was not '
      + 'the SAML form: the tool cannot answer an app-level sign-on rule that asks for MFA (a per-app "Prompt for factor" '
      + 'rule); the Okta admin moves that MFA requirement to an org-level (Okta sign-on) policy instead. If it starts with a '
      + 'setup that used to work, check ~/.okta/config.properties: an emptied file gives the same; move ~/.okta aside and '
      + 'reinstall the tool so it writes the file again.',
    fix: {
      description: 'Set OKTA_AWS_APP_URL (and OKTA_ORG as a host name) in ~/.okta/config.properties; for the run() regression export OKTA_PROFILE=" " and upgrade; for the main class, fix the launcher\'s classpath (com.okta.tools.WithOkta)',
      commands: [['cat', '~/.okta/config.properties']],
      automatic: false,
    },
    example: 'Exception in thread "main" java.lang.NullPointerException\n\tat java.base/java.net.URI$Parser.parse(URI.java:3127)\n\tat java.base/java.net.URI.create(URI.java:904)\n\tat org.apache.http.client.methods.HttpGet.<init>(HttpGet.java:66)\n\tat com.okta.tools.saml.OktaAppClientImpl.launchApp(OktaAppClientImpl.java:40)\n\tat com.okta.tools.WithOkta.main(WithOkta.java:30)',
  },
  {
    // gimme-aws-creds's configuration errors (gimme_aws_creds/config.py, main.py GimmeAWSCredsError): no
    // ~/.okta_aws_login_config, or a profile in it without the setting its gimme_creds_server mode needs.
    id: 'gimme-aws-creds-config',
    title: 'gimme-aws-creds lacks a setting its mode needs (~/.okta_aws_login_config)',
    group: 'duo-sso',
    patterns: [
      /Configuration file not found! Use the --action-configure flag to generate file/,
      /No (?:Okta organization URL|OAuth Client ID|Gimme-Creds server URL) in configuration\.\s+Try running --config again/,
      /OAuth Client ID is required for Okta Identity Engine domains/,
      /app_url is not defined in your config!/,
      /OKTA_API_KEY environment variable not found!/,
      // okta_classic.py auth_oauth: the gimme-creds-server mode's OAuth sign-in got no redirect (no server, no OAuth app).
      /in auth_oauth\b[\s\S]{0,600}?KeyError: '(?:location|Location)'/,
      // gimme_aws_creds/config.py validation of --action-configure answers.
      /Okta organization URL must be HTTPS URL/, /(?<!\S)\S+ is not a valid Okta domain\b/, /The gimme-creds-server must be a HTTPS URL/,
      // okta_classic.py's device_token setter reads the host out of okta_org_url with ^https://(.*): an org URL written
      // without the scheme leaves no match (only with its frame in the traceback: the AttributeError alone is anyone's).
      /okta_classic\.py", line \d+, in device_token\b[\s\S]{0,300}?AttributeError: 'NoneType' object has no attribute 'group'/,
    ],
    explanation:
      'gimme-aws-creds reads ~/.okta_aws_login_config (the [DEFAULT] profile unless --profile names another), and what it '
      + 'needs depends on gimme_creds_server: appurl (the usual choice) needs app_url, the AWS app\'s link from the Okta '
      + 'dashboard (https://ORG.okta.com/home/amazon_aws/APP_ID/272); internal needs an Okta API key in OKTA_API_KEY; any other '
      + 'value is the URL of a gimme-creds Lambda server. okta_org_url is always needed, and an Okta Identity Engine org also '
      + 'needs client_id, the id of an OIDC native app with the device authorization grant. okta_org_url must be the full '
      + 'URL with its scheme (https://ORG.okta.com): written without https://, older releases stopped with "AttributeError: '
      + '\'NoneType\' object has no attribute \'group\'" instead of saying so. `gimme-aws-creds '
      + '--action-configure` (with --profile NAME) writes them. Without a gimme-creds server and its OAuth app, the server mode\'s '
      + 'sign-in gets no redirect and fails with KeyError: \'location\': set gimme_creds_server = appurl with app_url.',
    fix: {
      description: 'Run gimme-aws-creds --action-configure for the profile and fill in okta_org_url, client_id and gimme_creds_server = appurl with app_url',
      commands: [['gimme-aws-creds', '--action-configure']],
      automatic: false,
    },
    example: 'app_url is not defined in your config!',
  },
  {
    // bash's `return` builtin outside a function or a sourced file (builtins/return.def, "can only `return' from a
    // function or sourced script"; mvdan/sh's interpreter prints the same): the login tools that set AWS_* variables in
    // the calling shell ship a script that must be sourced (awsume's `awsume`, Granted's `assume`), not run.
    id: 'login-script-not-sourced',
    title: 'A login script that must be sourced was run as a program (awsume, Granted\'s assume: the alias is missing)',
    group: 'duo-sso',
    patterns: [
      /\breturn: can only [`'‘]return' from a function or sourced script/,
      // Granted (pkg/alias/alias.go): it could not tell which shell's startup file should get the alias.
      /we couldn't detect your shell type \([^)\n]*\)\. Please follow the steps at \S+shell-alias/,
    ],
    explanation:
      'Tools that put credentials into your current shell (awsume, Granted\'s assume, assume-role scripts) cannot do it as a '
      + 'child process: a program cannot change its parent shell\'s environment. So they ship a shell script meant to be '
      + 'sourced, and an alias makes the command do that. Run without the alias, bash executes the script in a new shell, '
      + 'whose `return` fails ("can only `return\' from a function or sourced script") and the variables never reach you. '
      + 'Add the alias to your shell\'s startup file and open a new shell: alias awsume=". awsume" (awsume-configure writes '
      + 'it; with pyenv: alias awsume=". $(pyenv which awsume)"), alias assume=". assume" for Granted (it offers to add it on '
      + 'first run; when it cannot tell your shell, "we couldn\'t detect your shell type", add the alias by hand). Inside '
      + 'scripts, call them as `source awsume <profile>` / `. assume <profile>`.',
    fix: {
      description: 'Set up the alias that sources the script (alias awsume=". awsume", alias assume=". assume"; awsume-configure writes awsume\'s), open a new shell; in scripts use `source awsume`',
      commands: [['awsume-configure'], ['type', 'awsume']],
      automatic: false,
    },
    example: "/home/jdoe/.local/bin/awsume: line 181: return: can only `return' from a function or sourced script",
  },
  {
    // Okta login tools that answer the MFA step themselves support only some factor types (okta-awscli
    // oktaawscli/okta_auth.py "Unsupported factorType: %s" and "MFA required, but no supported factors enrolled!
    // Exiting."; bmx "MFA required by Okta, but no supported factors available."), and skip the others.
    id: 'login-tool-mfa-unsupported',
    title: 'The login tool cannot answer your MFA method (SMS, WebAuthn...): enroll one it supports',
    group: 'duo-sso',
    supersedes: ['idp-login-failed'],
    patterns: [
      /\bUnsupported factor ?[Tt]ype: \S+/,
      /MFA required, but no supported factors enrolled/,
      /MFA required by Okta, but no supported factors available/,
      // saml2aws: the configured MFA type is not one of the provider's (saml2aws.go "Invalid MFA type: %v for %v
      // provider"), the provider offers none the tool handles (jumpcloud.go), or an option it does not know (okta.go Duo
      // options, netiq.go).
      /\bInvalid MFA type: \S+ for \S+ provider\b/,
      /\bNo MFA options available\b|\bno MFA method provided\b/,
      /\bunsupported MFA option '[^'\n]*'|\bMFA option unsupported\. Valid MFA options are\b/,
      // gimme-aws-creds (okta_classic.py, duo_universal.py, config.py): a Duo factor or a WebAuthn device it cannot use.
      /\bRequested Duo factor not supported\b/, /Preferred Duo Universal factor must be one of\b/,
      /\bWebAuthn devices not supported on this platform\b/,
      // aws-okta (lib/okta.go): no factor at all, or one of a type or provider it does not drive.
      /\bNo available MFA Factors\b/, /\bprovider \S+ with factor (?:push|token) not supported\b/, /\bfactor \S+ not supported\b/,
      // aws-runas (client/external/*_client.go): no factor it can drive, or a type it does not know.
      /\bno active MFA factors found\b/, /\bunsupported MFA Type: \S+/,
      // okta-awscli (okta_auth_mfa_app.py, okta_auth_mfa_base.py): no factor enrolled, or not the one configured.
      /You must enroll in MFA before using this tool/, /Unable to locate selected factor type \S+/,
    ],
    explanation:
      'The identity provider (Okta here) asks for a second factor, and the login tool answers it through Okta\'s API itself '
      + 'rather than a browser. It knows only some factor types, typically Okta Verify push and TOTP codes (Okta Verify or '
      + 'Google Authenticator); SMS, voice, email, WebAuthn/FIDO keys or Duo through Okta are skipped ("Unsupported '
      + 'factorType: sms"), and with none left the login stops. Enroll a supported factor in the Okta dashboard (Settings > '
      + 'Extra Verification: Okta Verify), or ask the Okta admin to enable it, then select it in the tool\'s configuration '
      + '(okta-awscli: factor = OKTA in ~/.okta-aws; gimme-aws-creds: preferred_mfa_type = push or token:software:totp). '
      + 'saml2aws checks the mfa setting of the IdP account (~/.saml2aws, --mfa) against the provider: "Invalid MFA type: X '
      + 'for Y provider" means that value is not one this provider takes (Auto works for most; its README lists each '
      + 'provider\'s): run saml2aws configure --mfa Auto, or the type of a factor you have enrolled.',
    fix: {
      description: 'Enroll in Okta Verify (push or code) in the Okta dashboard, or have the Okta admin enable it, and select it in the tool (okta-awscli: factor = OKTA in ~/.okta-aws)',
      commands: [['cat', '~/.okta-aws']],
      automatic: false,
    },
    example: 'ERROR - Unsupported factorType: sms',
  },
  {
    // Leapp's CLI (packages/cli/src/commands/session/*.ts): the session id given matches no session of the workspace.
    id: 'leapp-session-id-unknown',
    title: 'Leapp has no session with the id given (a placeholder, a name, or a session recreated since)',
    group: 'duo-sso',
    patterns: [
      /\bError: no sessions available\b/,
      /\bNo session (?:found )?with id \S+/,
      /\bSession not found with id \S+/,
    ],
    explanation:
      'Leapp\'s commands (leapp session generate, start, delete, and the credential_process line Leapp writes for a named '
      + 'profile) take a session\'s id, a generated UUID, not its name and not a placeholder such as <SESSION_ID> copied from '
      + 'the documentation. The id also changes when a session is deleted and created again, which leaves an old '
      + 'credential_process line pointing at nothing. `leapp session list -x` shows every session with its id (the -x '
      + 'columns); use that id in the command and in ~/.aws/config\'s credential_process = leapp session generate <id>.',
    fix: {
      description: 'List the sessions with their ids (leapp session list -x) and pass the real id (also in credential_process)',
      commands: [['leapp', 'session', 'list', '-x']],
      automatic: false,
    },
    example: ' ›   Error: no sessions available',
  },
  {
    // Login tools that talk to a FIDO U2F / FIDO2 security key themselves (aws-okta and saml2aws lib/mfa/fido.go
    // errNoDeviceFound, aws-google-auth u2f.py "U2F Device Not Found" and google.py's retries, aws-adfs's Duo
    // authenticators "No FIDO U2F / FIDO2 authenticator is eligible.") and found none they can open.
    id: 'login-tool-security-key-missing',
    title: 'The login tool found no security key (FIDO U2F / FIDO2) it can use',
    group: 'duo-sso',
    supersedes: ['idp-login-failed', 'login-tool-mfa-unsupported'],
    patterns: [
      /\bno U2F devices found\. device might not be plugged in\b/i,
      /\bU2F Device Not Found\b|\bNo U2F device found\b/,
      /No FIDO U2F \/ FIDO2 authenticator is eligible/,
      /\bfailed to open fido U2F device\b/,
    ],
    explanation:
      'The identity provider asked for your security key and the login tool, which talks to the key over USB HID itself '
      + '(not through a browser), found none it may open. The key is not plugged in (or not touched in time); on Linux your '
      + 'user has no access to the key\'s /dev/hidraw device until the udev rules for FIDO keys are installed (libu2f-udev, '
      + 'or the vendor\'s 70-u2f.rules, then replug the key); WSL, containers and remote SSH sessions do not see the '
      + 'laptop\'s USB key at all; and a key registered only as a passkey or platform authenticator (Touch ID, Windows '
      + 'Hello) is not a USB device to these tools. Plug in and touch the key, add the udev rules, or choose another MFA '
      + 'method in the tool (push or a code) where the IdP allows it.',
    fix: {
      description: 'Plug in (and touch) the security key; on Linux install the FIDO udev rules and replug; from WSL, a container or over SSH choose another MFA method (push or code)',
      commands: [['ls', '-l', '/dev/hidraw*']],
      automatic: false,
    },
    example: 'Error authenticating to IdP.: no U2F devices found. device might not be plugged in',
  },
  {
    // The shells' and Windows' "not found" for the third-party AWS login tools themselves, and Go's os/exec when a
    // credential_process or kubeconfig names one (duo-sso and the AWS CLI have entries of their own).
    id: 'login-tool-not-found',
    title: 'The AWS login tool is not installed, or not on the PATH of the program that runs it',
    group: 'duo-sso',
    supersedes: ['credential-process-failed'],
    patterns: [
      new RegExp(String.raw`\b${LOGIN_TOOLS}: (?:command )?not found\b`),
      new RegExp(String.raw`command not found: ${LOGIN_TOOLS}(?![\w-])`),
      new RegExp(String.raw`'${LOGIN_TOOLS}(?:\.exe)?' is not recognized as (?:an internal or external command|the name of a cmdlet)`),
      new RegExp(String.raw`exec: "${LOGIN_TOOLS}": executable file not found`),
    ],
    explanation:
      'The command that was run names an AWS login tool (aws-vault, saml2aws, Granted, gimme-aws-creds, awsume...) that '
      + 'this shell cannot find. Either it is not installed on this machine, or it was installed into a folder that is not on '
      + 'PATH: pipx and pip --user put tools in ~/.local/bin, npm -g in its own prefix\'s bin, Homebrew in /opt/homebrew/bin on '
      + 'Apple Silicon. A tool that works in your terminal but not from an IDE, a GUI app, kubectl or a credential_process '
      + 'line runs with a shorter PATH: write the absolute path (command -v <tool> shows it) in credential_process or the '
      + 'kubeconfig. Granted\'s `assume` and awsume also need their shell alias.',
    fix: {
      description: 'Install the tool (or put its folder on PATH); in credential_process and kubeconfigs use its absolute path',
      commands: [['command', '-v', '<tool>']],
      automatic: false,
    },
    example: 'bash: saml2aws: command not found',
  },
];
