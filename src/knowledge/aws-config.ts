// Failures of the AWS CLI's own configuration and credential providers, as botocore raises
// them (botocore/exceptions.py, botocore/configloader.py on Python's configparser,
// botocore/credentials.py for credential_process, SSO and assume-role chains,
// botocore/httpsession.py for ca_bundle). The same conditions in the JS and Go SDKs are
// matched where their wording is known. Signals are class names and fixed stems, not sentences.
import { nodeFsError } from './node-errors.js';
import type { KnownFailure } from './types.js';

const VALIDATE = ['duo-sso-setup', 'doctor', '--only', 'profiles'];
// The doctor check that reads both files as the AWS CLI does and names the line it stops at.
const FILES = ['duo-sso-setup', 'doctor', '--only', 'aws-cli'];
const PATH = String.raw`(?<path>[^\s'",]+)`;

export const awsConfigFailures: readonly KnownFailure[] = [
  {
    id: 'aws-config-unparsable',
    title: 'An AWS config or credentials file cannot be parsed',
    group: 'aws-cli',
    patterns: [
      // configparser's exception classes, as botocore's configloader lets them through.
      /\bMissingSectionHeaderError\b/,
      /File contains no section headers/,
      // The AWS SDK for Rust (aws-config profile parser).
      /\bCouldNotParseProfile\b|\bProfileParseError\b/,
      // The AWS SDK for Java v2 ProfileFileReader (and the AWS Toolkit for JetBrains and the Kotlin SDK, which share its wording).
      /(?:Profile definition must end with '\]'|Expected a profile definition|Expected an '?='? sign defining a property|Property did not have a name|Expected a profile or property definition) on line \d+/,
      /\bConfigParseError\b/,
      new RegExp(String.raw`Unable to parse config file: ${PATH}`),
      /Source contains parsing errors: ['"]?[^'"\n]*\.aws\//,
      /\bParsingError: Source contains parsing errors\b/,
      // A file saved as UTF-16 (PowerShell 5's `>` and Out-File, Notepad's "Unicode"): its byte-order
      // mark is the first byte Python's UTF-8 reader meets.
      /'utf-8' codec can't decode byte 0x(?:ff|fe) in position 0\b/,
      // JS SDK v3 / Go SDK ini parsers.
      /failed to load shared config file, [^\n]*\.aws\/(?:config|credentials)/,
      /SharedConfigLoadError\b/,
      // Go SDK v1 reading the credentials file.
      // (Not when the cause it wraps is a missing HOME or an unreadable file: those are no-credentials' and the file's own.)
      /SharedCredsLoad: failed to load shared credentials file(?![\s\S]{0,40}\b(?:UserHomeNotFound|FailedRead)\b)|\bINIParseError\b/,
      // aws-vault (vault/config.go "Error parsing config file %s: %w") on go-ini's own errors.
      /Error parsing config file \S*\.aws\/(?:config|credentials)\S*: /, /\bkey-value delimiter not found: /,
    ],
    supersedes: ['aws-config-duplicate'],
    explanation:
      'The AWS tools read ~/.aws/config and ~/.aws/credentials as INI files: every key must sit under a [section] header, '
      + 'and a line may not start with spaces unless it continues the previous value. A key above the first header (a '
      + 'pasted `aws_access_key_id=...` with no `[default]`), an indented header, a byte-order mark or a file saved as UTF-16 '
      + 'by a Windows editor makes the whole file unreadable, and every profile fails with it.',
    fix: {
      description: 'See the line the parser stopped at and correct it (add the [section] header, remove the indentation, save as UTF-8); doctor shows the file and line',
      commands: [FILES],
      automatic: false,
    },
    describe: (f) => (f.path ? `The file is ${f.path}.` : undefined),
    example: "configparser.MissingSectionHeaderError: File contains no section headers.\nfile: '/home/jdoe/.aws/credentials', line: 1\n'aws_access_key_id=AKIAEXAMPLE\\n'\nbotocore.exceptions.ConfigParseError: Unable to parse config file: /home/jdoe/.aws/credentials",
  },
  {
    id: 'aws-config-duplicate',
    title: 'An AWS config file has a section or a key twice',
    group: 'aws-cli',
    patterns: [
      /\bDuplicate(?:Option|Section)Error\b/,
      /While reading from [^\n]*\[line\s+\d+\]: (?:option ['"][^'"]+['"] in section ['"][^'"]+['"]|section ['"][^'"]+['"]) already exists/,
    ],
    explanation:
      'Python\'s configparser (which the AWS CLI uses) refuses a file in which a [section] appears twice, or a key appears '
      + 'twice in one section: usually a profile pasted in again, or a tool that appended instead of replacing. The message '
      + 'names the file, the line and the section.',
    fix: {
      description: 'Merge or delete the second copy at the line named (keep the one with the values you use); doctor shows that line',
      commands: [FILES],
      automatic: false,
    },
    example: "configparser.DuplicateSectionError: While reading from '/home/jdoe/.aws/config' [line 12]: section 'profile dev' already exists",
  },
  {
    id: 'aws-config-file-missing',
    title: 'AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE names a file that is not there',
    group: 'aws-cli',
    patterns: [
      /\bConfigNotFound\b/, /The specified config file \((?<path>[^)\n]+)\) could not be found/,
      // Programs that open the AWS files themselves (Node fs, Python open, Go os.Open) when the file is not there.
      /ENOENT: no such file or directory, (?:open|stat|lstat) '(?<path>[^'\n]*[\\/]\.aws[\\/](?:credentials|config))'/,
      /No such file or directory: '(?<path>[^'\n]*[\\/]\.aws[\\/](?:credentials|config))'/,
      /open (?<path>\S*[\\/]\.aws[\\/](?:credentials|config)): (?:no such file or directory|The system cannot find the (?:file|path) specified\.?)/,
      // The AWS SDK for Java v1 (ProfilesConfigFile) and the PHP SDK (CredentialProvider::ini, not there or not readable).
      /AWS credential profiles file not found in the given path: (?<path>\S+)/,
      /\bCannot read credentials from (?<path>\S*[\\/]\.aws[\\/]\S+)/,
      // Go os.MkdirAll / os.Open on a path that starts with a literal ~ (aws-vault creating the config's folder): no shell
      // expanded it, so it names a folder called "~" in the current directory.
      /(?:mkdir|open|stat) (?<path>~[\\/]?\S*?): no such file or directory/,
    ],
    explanation:
      'The AWS CLI was pointed at a config file (AWS_CONFIG_FILE, or --config) that does not exist: a variable left over '
      + 'from another setup, or a path with a typo or an unexpanded ~. A program that reads ~/.aws/credentials (or config) '
      + 'itself fails the same way when the file is not there yet: profiles that use SSO or credential_process, or a fresh '
      + 'machine, have no credentials file. Log in (duo-sso writes the file), or create it, or point the program at the '
      + 'file that exists (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE); under sudo or in a container HOME is another folder. '
      + 'A path that begins with a literal ~ ("mkdir ~/.aws: no such file or directory") comes from a variable set with the ~ '
      + 'quoted, or in a launcher or IDE that expands nothing: Go and Node programs do not expand ~; set AWS_CONFIG_FILE to '
      + 'an absolute path ($HOME/.aws/config) or unset it. A tool that writes the config (granted registry add, aws-vault '
      + 'add) fails when the ~/.aws folder itself is missing ("The system cannot find the path specified" on Windows): '
      + 'create the folder first (mkdir ~/.aws; on Windows C:\\Users\\NAME\\.aws).',
    fix: {
      description: 'Unset the variable (or correct the path); the default ~/.aws/config is used then',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli,profiles']],
      automatic: false,
    },
    example: 'The specified config file (/home/jdoe/aws/config) could not be found.',
  },
  {
    id: 'ca-bundle-missing',
    title: 'The CA bundle file the AWS CLI is told to use does not exist',
    group: 'aws-cli',
    patterns: [
      // botocore httpsession: the ssl module cannot open ca_bundle / AWS_CA_BUNDLE.
      /SSL validation failed for \S+ \[Errno 2\] No such file or directory/,
      // The setting names a folder, an unreadable file, or a file with no PEM certificate in it (DER, or not a certificate).
      /SSL validation failed for \S+ \[Errno (?:13|21)\] (?:Permission denied|Is a directory)/,
      /\[X509: NO_CERTIFICATE_OR_CRL_FOUND\] no certificate or crl found|\[X509\] PEM lib \(_ssl\.c/,
      /\bca_certs?\b[^\n]*No such file or directory/i,
      // requests / pip: "Could not find a suitable TLS CA certificate bundle, invalid path: X".
      /Could not find a suitable TLS CA certificate bundle, invalid path/,
      // curl: (77) and OpenSSL's file lookup.
      /error setting certificate (?:verify locations|file):?\s+(?:CAfile: )?\S+/,
      /\bX509_LOOKUP_file\b|\bFileNotFoundError\b[^\n]*\b(?:ca[-_]?bundle|\.pem|\.crt)\b/i,
      // Node: NODE_EXTRA_CA_CERTS names a missing file.
      /Ignoring extra certs from [`'"]?[^`'"\s]+[`'"]?, load failed/,
    ],
    supersedes: ['tls-untrusted-ca', 'sts-unreachable', 'connection-failed'],
    explanation:
      'A CA bundle is configured (ca_bundle in ~/.aws/config, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, SSL_CERT_FILE, '
      + 'NODE_EXTRA_CA_CERTS, or for curl --cacert, CURL_CA_BUNDLE or a cacert=/capath= line in ~/.curlrc, which Homebrew\'s '
      + 'downloads read too) but the file it names does not exist or cannot be read, so no TLS '
      + 'connection can be verified (the same when it names a folder, or a file holding no PEM certificate, such as a DER '
      + '.cer export). This is not an untrusted certificate: adding a CA does not help while the setting '
      + 'points at nothing usable. Remove the setting, or point it at a PEM file that exists.',
    fix: {
      description: 'Find which setting names the missing file and remove it (or correct the path); doctor lists the CA settings in effect',
      commands: [['duo-sso-setup', 'doctor', '--only', 'network'], ['aws', 'configure', 'get', 'ca_bundle']],
      automatic: false,
    },
    example: 'SSL validation failed for https://sts.amazonaws.com/ [Errno 2] No such file or directory',
  },
  {
    id: 'credential-process-failed',
    title: 'The profile\'s credential_process command failed',
    group: 'aws-cli',
    patterns: [
      /Error when retrieving credentials from custom-process/,
      /Unsupported version '[^']*' for credential process provider/,
      /credential_process[^\n]*(?:returned|exited with|failed|error)/i,
      /CredentialRetrievalError: Error when retrieving credentials from (?:process|custom-process)/,
      /ProcessProviderExecutionError\b|error in credential_process\b/,
      /Profile [^\n]* did not include credential process/,
      // JS SDK v3 @aws-sdk/credential-provider-process getValidatedProcessCredentials; Go SDK v2 processcreds.
      /credential_process (?:did not return Version 1|returned (?:invalid JSON|invalid credentials|expired credentials|invalid expiration))/,
      /\bprocess provider error\b/,
      // Go SDK v1 and v2 processcreds: the process printed something that is not the credentials JSON (its output follows:
      // redacted in the evidence, never kept as a fact).
      /\bparse failed of process output\b|\bProcessProviderParseError\b/,
      // awsume (awsumepy/default_plugins.py) runs credential_process itself, without a shell: its first word must be a file.
      /credential_process target (?:is not a file|not found): /,
      /Invalid credentials returned from credential_process: /, /credential_process did not return a valid session/,
      // aws-vault (vault/credentialprocessprovider.go) reading credential_process output itself.
      /JSON credential from command "[^"\n]*" missing the following fields/, /invalid JSON format from command "[^"\n]*"/,
      // botocore credentials.py ProcessProvider json.loads()s the output unguarded: the AWS CLI prints only CPython's
      // json error, with no traceback (a Python program that crashes on its own JSON prints one before it), and not
      // after "Invalid JSON:" (the CLI's own parameter parsing, aws-cli-usage's).
      // The lookbehinds sit after the stem so they run only where it matched (in front, every position would scan back).
      /\b(?:Expecting value|Extra data|Expecting property name enclosed in double quotes)(?<!Traceback \(most recent call last\)[\s\S]*)(?<!Invalid JSON:\s*(?:Expecting value|Extra data|Expecting property name enclosed in double quotes)): line \d+ column \d+ \(char \d+\)/,
    ],
    explanation:
      'For a profile with credential_process, the AWS tools run that command and read credentials as JSON from its '
      + 'output. It exited non-zero (its own error follows the colon), printed something that is not that JSON, or gave a '
      + 'Version other than 1. Anything else on its standard output breaks the JSON (then the AWS CLI prints only "Expecting '
      + 'value: line 1 column 1 (char 0)"): a --verbose or debug flag in the command, a banner or a prompt; drop the flag, '
      + 'logs belong on stderr. For duo-sso-setup\'s own line (credentials export), the usual reasons are a store that is '
      + 'locked or an expired session: run it by hand to see its message. The command is not run through your shell: give '
      + 'an absolute path (no ~, aliases or PATH from your shell profile), and quote paths with spaces. awsume checks that the '
      + 'first word is a file ("credential_process target is not a file"): write the helper\'s absolute path, the output of '
      + '`which aws-sso-util` (or of the helper\'s name), not the bare name.',
    fix: {
      description: 'Run the profile\'s credential_process by hand to see its own error, then fix that (for ours: log in again, or unlock the store); name the helper by its absolute path (which <name>)',
      commands: [['aws', 'configure', 'get', 'credential_process', '--profile', '<profile>'], ['duo-sso-setup', 'doctor', '--only', 'credentials']],
      automatic: false,
    },
    example: 'Error when retrieving credentials from custom-process: duo-sso-setup: error: the credentials of profile dev expired at 2026-11-26T10:00:00.000Z',
  },
  {
    id: 'sso-session-expired',
    title: 'The AWS IAM Identity Center (aws sso) session has expired',
    group: 'credentials',
    patterns: [
      /\bUnauthorizedSSOTokenError\b/,
      /The SSO session associated with this profile has expired or is otherwise invalid/,
      /Error loading SSO Token: Token for \S+ does not exist/,
      /\bSSOTokenLoadError\b/,
      /Token has expired and refresh failed/,
      /The SSO session has expired/i,
      /Cached SSO login is expired|SSO (?:token|session)[^\n]{0,40}(?:expired|invalid)/i,
      /Unable to load SSO token/i,
      // botocore NoAuthTokenError: a bearer-token (sso-session) call without a cached token.
      /Unable to locate authorization token/,
      /Error loading SSO Token: /,
      // The SSO portal refusing the cached token (GetRoleCredentials / ListAccounts, any SDK), the
      // OIDC refresh failing (CreateToken), and the JS SDK v3's wording (@aws-sdk/token-providers).
      /\(UnauthorizedException\) when calling the (?:GetRoleCredentials|ListAccounts|ListAccountRoles) operation/,
      /Session token not found or invalid/,
      /\((?:InvalidGrant|InvalidClient|UnauthorizedClient|AuthorizationPending|ExpiredToken)Exception\) when calling the (?:CreateToken|RegisterClient|StartDeviceAuthorization) operation/,
      /operation error SSO OIDC: (?:CreateToken|RegisterClient|StartDeviceAuthorization)[^\n]*(?:InvalidGrant|InvalidClient|UnauthorizedClient|ExpiredToken)Exception/,
      /The SSO session associated with this profile is invalid/,
      /To refresh this SSO session run .?aws sso login/,
      // The Go SDK v2's ssocreds and ssoprovider (credentials/ssocreds sso_cached_token.go, token_provider.go): no cached
      // token file (never logged in), or one it could not refresh; the OIDC error itself may be cut off after it.
      /failed to (?:read|parse) cached SSO token file/, /refresh cached SSO token failed|unable to refresh SSO token\b/,
      /cached SSO token is expired, or not present, and cannot be refreshed/,
      // SSO OIDC's InvalidGrantException message, as tools that print only the message show it (aws-sso-cli).
      /\bInvalid grant provided\b/,
      // aws-sso-util credential-process (cli/src/aws_sso_util/credential_process.py): it never starts a login itself.
      /Login required\. Use `aws-sso-util login[^`\n]*` or `aws sso login/,
      // botocore exceptions.py PendingAuthorizationExpiredError: the device authorization was not approved in time.
      /The pending authorization to retrieve an SSO token has expired/, /\bPendingAuthorizationExpiredError\b/,
      // AWS Toolkit for VS Code (the SSO token cache reader): a cached token without the refresh token it needs.
      /SSO cache data unexpectedly missing props/, /SSO cache data looks malformed/,
      // The Toolkit's browser (authorization code) login that was not finished in time (sso/server.ts).
      /Timed-out waiting for browser login flow to complete/,
      // Granted (pkg/cfaws/ssotoken.go, pkg/securestorage/sso_token_storage.go, pkg/idclogin/poll.go): no usable token in
      // its store, a refresh that failed, the device authorization not approved in time.
      /\bno valid sso token found\b/, /error refreshing AWS IAM Identity Center token: /,
      /polling for device authorization token timed out/,
      // aws-sso-util (login.py): the device authorization was not approved before it expired.
      /\bLogin window expired\b/, /Login failed; the login window may have expired/,
    ],
    // "the SSO session has expired or is invalid" is this entry's, not the generic invalid-or-expired one's; a
    // credential_process helper (aws-sso-util) that says so has named its own reason.
    supersedes: ['token-invalid-or-expired', 'credential-process-failed'],
    explanation:
      'The profile uses AWS IAM Identity Center (sso_start_url / sso_session), not duo-sso, and its cached SSO token is '
      + 'missing or expired. duo-sso\'s profiles never need `aws sso login`; a profile with sso_* keys is another login. If '
      + 'a fresh `aws sso login` does not help, remove the cached tokens (~/.aws/sso/cache and ~/.aws/cli/cache) and update '
      + 'the AWS CLI (older ones do not refresh sso-session tokens). A credential_process helper (aws-sso-util '
      + 'credential-process, used by awsume and SDKs) never starts the login itself: run `aws-sso-util login` (or `aws sso '
      + 'login`) for the profile first, then the command that needs it. "The pending authorization to retrieve an SSO token '
      + 'has expired" means the browser step of that login was not approved in time (about ten minutes): run it again and '
      + 'approve; on a machine without a browser, `aws sso login --no-browser` prints the URL and code to open elsewhere. '
      + 'eksctl asks the SSO portal again for every '
      + 'call and reports "Session token not found or invalid" even with a fresh login: set EKSCTL_ENABLE_CREDENTIAL_CACHE=1 '
      + 'so it caches the credentials. The AWS Toolkit\'s "SSO cache data unexpectedly missing props" is its own cache: sign '
      + 'out of the connection and sign in again (a regression of Toolkit 3.38.x; upgrade to the release that fixed it).',
    fix: {
      description: 'Log in with aws sso for that profile, or use the duo-sso profile instead',
      commands: [['aws', 'sso', 'login', '--profile', '<profile>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    example: 'Error loading SSO Token: Token for https://example.awsapps.com/start does not exist',
  },
  {
    // A profile that uses IAM Identity Center but lacks what the reader needs: botocore credentials.py SSOProvider
    // (InvalidConfigError 'The profile "%s" is configured to use SSO but is missing required configuration: %s'), the
    // Go SDKs' shared config validation (the same words, as Terraform's AWS provider and Go tools print them), the JS
    // SDK v3 (credential-provider-sso validateSsoProfile), the AWS CLI's sso commands, and botocore's sso-session lookup.
    id: 'sso-config-incomplete',
    title: 'An SSO profile lacks settings the program needs (or it predates [sso-session] profiles)',
    group: 'aws-cli',
    patterns: [
      /profile "?(?<profile>[^"\s]+)"? is configured to use SSO but is missing required configuration: [\w, ]+/,
      /Missing the following required SSO configuration values: [\w, ]+/,
      /Profile (?<profile>\S+) is configured with invalid SSO credentials\. Required parameters/,
      /The specified sso-session does not exist: "?[^"\n]+"?/,
      // AWS Toolkit for VS Code (auth/auth.ts): a profile whose sso_session names no [sso-session] section, or none at all.
      /No sso-session name found in ~\/\.aws\/config/, /sso-session data missing in ~\/\.aws\/config/,
    ],
    explanation:
      'The profile uses IAM Identity Center (sso_* settings) and the program misses sso_start_url, sso_region, '
      + 'sso_account_id or sso_role_name. Usually the profile is in the newer form (sso_session = NAME, with the URL and '
      + 'region in an [sso-session NAME] section) and the program predates it: the AWS CLI v1, an old AWS CLI v2, Terraform\'s '
      + 'AWS provider before 4.x on an old Go SDK, older SDK-based tools (eb, Go SDK v1, JS SDK v3 before late 2022). '
      + 'Update the program, or give the profile sso_start_url and sso_region itself (the older form, which those programs '
      + 'read). Otherwise a setting is really missing or misspelt: `aws configure sso --profile NAME` writes them all.',
    fix: {
      description: 'Show what the profile holds; update the program reading it, or write the profile again with aws configure sso',
      commands: [['aws', 'configure', 'list', '--profile', '<profile>'], ['aws', 'configure', 'sso', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}' is the incomplete one.` : undefined),
    example: 'botocore.exceptions.InvalidConfigError: The profile "dev" is configured to use SSO but is missing required configuration: sso_start_url, sso_region',
  },
  {
    id: 'aws-region-missing',
    title: 'No AWS region is configured, or it is not a region',
    group: 'aws-cli',
    patterns: [
      /\bNoRegionError\b/,
      /You must specify a region\./,
      /Provided region_name '(?<region>[^']*)' doesn't match a supported format/,
      /\bMissingRegion: could not find region configuration/,
      // aws-sdk-go aws/client ErrMissingEndpoint: no region, so no endpoint could be made.
      /\bMissingEndpoint: 'Endpoint' configuration is required for this service/,
      // AWS Tools for PowerShell.
      /No region specified or obtained from persisted\/shell defaults/,
      /Region is missing\b/,
      // hashicorp/aws-sdk-go-base (Terraform's AWS provider and S3 backend) refusing a name that is no region.
      /Invalid AWS Region: (?<region>\S+)/,
      /\bInvalidRegionError\b/,
      // botocore UnknownEndpointError / UnknownRegionError / ServiceNotInRegionError.
      /Unable to construct an endpoint for \S+ in region (?<region>[^\s.]+(?:\.[^\s.]+)*)/,
      /\bUnknown region: '(?<region>[^'\n]*)'/,
      /\bService \S+ not available in region (?<region>\S+)/,
      // The endpoint rule sets every SDK generates from (JS v3, Go v2, Java v2, botocore).
      /Invalid Configuration: Missing Region/,
      /Invalid region: region was not a valid DNS name/,
      // Go SDK v2 (aws.MissingRegionError), Java SDK v2 / v1, .NET.
      /an AWS region is required, but was not found/,
      /Unable to load region from any of the providers in the chain/,
      /Unable to find a region via the region provider chain/,
      /No RegionEndpoint or ServiceURL configured/,
      // Terraform's AWS provider schema (region is a required provider argument).
      /The argument "region" is required, but (?:was not set|no definition was found)/,
      // JS SDK v2 (ConfigError) and Ruby (Aws::Errors::MissingRegionError).
      /\bMissing region in config\b/,
      /\bMissingRegionError\b|missing region; use :region option/,
      // A region that exists but is not the resource's: S3's and the signers' refusals.
      /\bAuthorizationHeaderMalformed\b[^\n]*the region '(?<region>[^'\n]+)' is wrong/,
      /\bPermanentRedirect\b|The bucket you are attempting to access must be addressed using the specified endpoint/,
      /\bIllegalLocationConstraintException\b/,
      /Credential should be scoped to a valid region/,
      // botocore endpoint.py: the URL built from the region (a space or quote in it), or endpoint_url, is no URL.
      /\bInvalid endpoint: \S+/,
      // EKS DescribeCluster (aws eks update-kubeconfig): the cluster is in another region, or another profile's account.
      /\(ResourceNotFoundException\) when calling the DescribeCluster operation: No cluster found for name/,
      // An availability zone where a region belongs: https://ec2.ap-southeast-1a.amazonaws.com/.
      /Could not connect to the endpoint URL: "?https:\/\/[\w.-]+\.[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]\.amazonaws\.com/,
      // Granted (pkg/cfaws/profiles.go): neither the profile nor the environment gives a region.
      /region not set on profile (?<profile>\S+), could not load a default AWS_REGION/,
      // The PHP SDK's ClientResolver (throwRequired) names each missing option on the lines after this one.
      /Missing required client configuration options:\s*region\b|A "region" configuration value is required for the/,
      // botocore endpoint.py (a region or endpoint URL that makes no valid URL) and configure-aws-credentials' inputs.
      /\bInvalid endpoint: (?:https?:\/\/)?\S*/,
      /Region is not valid: (?<region>\S+)/, /Input required and not supplied: aws-region/,
      // The Go SDK v1's endpoint resolver (aws/endpoints UnknownEndpointError) for a region it cannot place, often "".
      /\bUnknownEndpointError: could not resolve endpoint\b/,
    ],
    supersedes: ['dns-failure', 'sts-unreachable', 'connection-failed'],
    explanation:
      'Calls to AWS need a region and none is set for this profile (region in ~/.aws/config, AWS_REGION or '
      + 'AWS_DEFAULT_REGION), or the value is not a region name (an availability zone such as us-east-1a, a trailing space, '
      + 'or a typo; botocore then says "Invalid endpoint", as it does for an endpoint_url or AWS_ENDPOINT_URL that is no URL), or the service has no endpoint in that region, or the resource lives in another region than the one '
      + 'the request was signed for (an S3 bucket in eu-west-1 asked for through us-east-1; an EKS cluster that `aws eks '
      + 'update-kubeconfig` cannot find, unless it is in the account of another profile). Tools started outside your shell (IDEs, kubectl, '
      + 'scripts run by cron) do not see the AWS_REGION you exported: put region in the profile. When the call that lacks '
      + 'a region is IAM Identity Center\'s (operation error SSO OIDC: RegisterClient, CreateToken, StartDeviceAuthorization; '
      + 'SSO: GetRoleCredentials), the region missing is sso_region (in the profile or its [sso-session]), not region; if '
      + 'sso_region is set, the tool did not pass it on, a bug of that release (Granted 0.19.0, fixed in 0.19.1): upgrade '
      + 'the tool, or go back to the release before.',
    fix: {
      description: 'Set a region for the profile',
      commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'You must specify a region. You can also configure your region by running "aws configure".',
  },
  {
    id: 'source-profile-invalid',
    title: 'A profile\'s source_profile chain is broken',
    group: 'credentials',
    patterns: [
      /The source_profile "[^"]*" must specify either static credentials or an assume role configuration/,
      /The source profile "[^"]*" must have credentials/,
      /Infinite loop in credential configuration detected/,
      // aws-vault vault/config.go: a source_profile chain that comes back to itself.
      /Loop detected in config file for profile '(?<profile>[^'\n]+)'/,
      // Go SDK v1 session/shared_config.go SharedConfigAssumeRoleError.
      /failed to load assume role for \S+, source profile (?<profile>\S+) has no shared credentials/,
      /failed to load assume role for \S+, source profile has no shared credentials/,
      // aws-sdk-go aws/session/shared_config.go: the other ways a role profile's source is wrong (CredentialRequiresARNError,
      // ErrSharedConfigSourceCollision, ErrSharedConfigInvalidCredSource).
      /\bCredentialRequiresARNError: credential type (?:source_profile|credential_source) requires role_arn, profile (?<profile>\S+)/,
      /only (?:one of )?source profile or credential source can be specified, not both/,
      /credential source values must be EcsContainer, Ec2InstanceMetadata, or Environment/,
      // aws-sdk-go aws/session/shared_config.go: a profile with two kinds of source, or credential_source = EcsContainer
      // off ECS.
      /only one credential type may be specified per profile: source profile, credential source, credential process, web identity token/,
      /EcsContainer was specified as the credential_source, but 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' was not set/,
      /\bInfiniteLoopConfigError\b/,
      /source_profile [^\n]*(?:does not exist|not found|could not be found)/i,
      // botocore credentials.py AssumeRoleProvider: a role profile's source is missing or doubled.
      /contains both source_profile and credential_source/,
      /No credentials found in credential_source referenced in profile/,
      // awsume (awsumepy/lib/profile.py validate_profile, InvalidProfileError "Invalid profile [%s] %s").
      /Invalid profile \[(?<profile>[^\]\n]+)\] (?:Missing keys aws_|role profiles must contain one of|credential_source and source_profile are mutually exclusive|cannot have circular role-chains)/,
      // Granted (pkg/cfaws/profiles.go): the source profile did not load, or the chain loops.
      /failed to load a source-profile for profile: (?<profile>\S+)/,
      /maximum source profile depth exceeded for profile (?<profile>\S+)/,
      // The Ruby SDK (Aws::Errors::NoSourceProfileError / NoSourceCredentialsError).
      /has a role_arn,? and source_profile,? ?but the source_profile does not have credentials/,
      /Profile (?<profile>\S+) could not get source credentials from provider/,
    ],
    explanation:
      'The profile assumes a role using another profile (source_profile), and that profile has no credentials of its own '
      + '(not logged in, or its keys moved to a store), or the chain points back at itself. source_profile belongs only in a '
      + 'role profile (one with role_arn) and names the profile that holds the keys; a profile with keys and source_profile '
      + 'but no role_arn is read as a role profile without a role (awsume then asks for its keys). '
      + 'Under a wrapper that hands credentials to the program in the environment (aws-okta exec, aws-vault exec), an '
      + 'AWS_PROFILE still set makes the Go SDK load that role profile itself, and its source profile has no keys in the '
      + 'files ("source profile has no shared credentials"): unset AWS_PROFILE for the wrapped command (aws-okta before '
      + 'v0.11.0 left it set: upgrade).',
    fix: {
      description: 'Log in to the source profile first, then retry; doctor shows the chain',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials,profiles']],
      automatic: false,
    },
    example: 'The source_profile "dev" must specify either static credentials or an assume role configuration',
  },
  {
    // botocore exceptions.py (retry, defaults-mode, STS/S3 endpoint, IMDS and proxies settings),
    // credentials.py (credential_source, SSO keys), awscli formatter.py ("Unknown output type").
    id: 'aws-config-invalid-value',
    title: 'A setting in the AWS config has a value the AWS tools do not accept',
    group: 'aws-cli',
    patterns: [
      /\bInvalid(?:MaxRetryAttempts|RetryMode|RetryConfiguration|STSRegionalEndpointsConfig|S3UsEast1RegionalEndpointConfig|IMDSEndpoint|IMDSEndpointMode|ProxiesConfig|ChecksumConfig|EndpointDiscoveryConfiguration)Error\b|\bInvalidDefaultsMode\b/,
      /Value provided to "max_attempts": [^\n]* must be an integer/,
      /Invalid value provided to "mode": "[^"\n]*" must be one of/,
      /STS regional endpoints option [^\n]* is invalid/,
      /S3 us-east-1 regional endpoint option [^\n]* is invalid/,
      /Client configured with invalid defaults mode/,
      /Invalid configuration value\(s\) provided for proxies_config/,
      /Invalid (?:endpoint )?EC2 Instance Metadata endpoint/,
      /Unsupported configuration value for \w+\. Expected one of/,
      /\bUnknown output type: \S/,
      /The credential source "[^"\n]*" referenced in profile "[^"\n]*" is not valid/,
      /credential_source "[^"\n]*" is specified in profile "[^"\n]*", but no source provider was configured/,
      // An SSO profile missing a setting is sso-config-incomplete's (often a program older than [sso-session]).
    ],
    explanation:
      'A key in ~/.aws/config (or its environment variable) holds a value the AWS tools refuse: max_attempts that is not a '
      + 'number, retry_mode other than legacy/standard/adaptive, sts_regional_endpoints other than legacy/regional, output '
      + 'other than json/text/table/yaml, or a credential_source other than Environment/Ec2InstanceMetadata/EcsContainer. The message names the key; every '
      + 'command that reads the profile fails until it is corrected or removed.',
    fix: {
      description: 'Find the key the message names in the profile (or the environment) and correct or remove it; doctor shows the profile',
      commands: [['aws', 'configure', 'list', '--profile', '<profile>'], VALIDATE],
      automatic: false,
    },
    example: 'Value provided to "max_attempts": ten must be an integer greater than or equal to 1.',
  },
  {
    // botocore credentials.py AssumeRoleProvider (RefreshWithMFAUnsupportedError), the JS SDK v3
    // (@aws-sdk/credential-provider-ini resolveAssumeRoleCredentials) and the Go SDK (stscreds).
    id: 'assume-role-mfa-prompt',
    title: 'The profile needs an MFA code, and nothing can ask for one',
    group: 'credentials',
    patterns: [
      /Cannot refresh credentials: MFA token required/,
      /\bRefreshWithMFAUnsupportedError\b/,
      /requires multi-factor authentication, but no MFA code callback was provided/,
      /assume role with MFA enabled, but (?:AssumeRoleTokenProvider session option not set|TokenProvider is not set|neither TokenCode nor TokenProvider are set)/,
    ],
    explanation:
      'The profile assumes a role with mfa_serial, so every new session needs a one-time code. A program that cannot prompt '
      + '(an IDE, a long-running boto3 session refreshing itself, a credential_process, kubectl) cannot supply it. duo-sso\'s '
      + 'profiles never need mfa_serial: Duo already did the second factor.',
    fix: {
      description: 'Run the command once in a terminal to answer the MFA prompt, or use the duo-sso profile for that role (no mfa_serial)',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    example: 'botocore.exceptions.RefreshWithMFAUnsupportedError: Cannot refresh credentials: MFA token required.',
  },
  {
    // With no credentials in the environment or the files, every SDK's default chain ends at the
    // EC2 instance metadata service (169.254.169.254, botocore utils.py IMDSFetcher, Go ec2imds)
    // or a container endpoint: on a laptop that is a network error that is really "no credentials".
    id: 'imds-fallback',
    title: 'No credentials were found, so the SDK asked the EC2 metadata service (there is none here)',
    group: 'credentials',
    patterns: [
      // (Not aws-vault's --ec2-server finding the address taken: "already bound to 169.254.169.254:80" is its own conflict.)
      /^(?=[^\n]*(?:time[ds]? ?out|refused|unreachable|[Mm]ax retries|[Ff]ail|[Ee]rror|[Dd]enied|[Uu]nable|[Nn]o route|ETIMEDOUT|EHOSTUNREACH|ECONNREFUSED|\b40[134]\b))[^\n]*?(?:(?<!already bound to )\b169\.254\.169\.254\b|\[fd00:ec2::254\])/m,
      /\bec2imds\b|\bEC2MetadataError\b|\bEC2RoleRequestError\b/,
      /Error retrieving metadata: /,
      /Error when retrieving credentials from (?:container-role|iam-role): /,
      /Unable to retrieve token for use in IMDSv2 call/,
      /Failed to load credentials from IMDS|Unable to load credentials from (?:service endpoint|Amazon EC2 metadata service)/i,
      // .NET (DefaultInstanceProfileAWSCredentials) and PHP (InstanceProfileProvider).
      /Unable to get IAM security credentials from EC2 Instance Metadata Service/i,
      /Error retrieving credentials from the instance profile metadata service/,
      // JS SDK v2 (EC2MetadataCredentials).
      /\bEC2 Metadata (?:roleName|token) request returned error/,
      // JS SDK v3 (@smithy/credential-provider-imds httpRequest) and the PHP SDK: a non-2xx answer from the metadata service.
      /Error response received from instance metadata service/,
      // aws-sdk-go aws/ec2metadata (IMDSv2 token refused or absent, so it tries v1 next), and the ECS/EKS container
      // endpoint (169.254.170.2, .23) that AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI points the SDKs at.
      /failed to get session token, falling back to IMDSv1/,
      // The JS SDK v3 and the SDK for Rust with AWS_EC2_METADATA_DISABLED set: the chain's last stop, turned off.
      /EC2 Instance Metadata Service access disabled/,
      /\b169\.254\.170\.(?:2|23)\b/,
      // The PHP SDK 3.x's older InstanceProfileProvider wording, whose cURL detail may not name the address (a timeout).
      /Error retrieving credentials from the instance profile metadata server/,
    ],
    supersedes: ['no-credentials', 'no-credentials-chain', 'network-timeout', 'connection-refused', 'connection-failed', 'network-unreachable', 'dns-failure', 'connection-reset'],
    explanation:
      'Neither the environment nor ~/.aws held credentials for the profile the program used, so the SDK fell back to the EC2 '
      + 'instance metadata service (169.254.169.254), which only exists on EC2, and timed out or was refused. The network is '
      + 'fine. Usually no profile was selected (set AWS_PROFILE or --profile to a duo-sso profile), the profile has not been '
      + 'logged in, or AWS_PROFILE names a profile the program\'s files do not have (a container or IDE with its own HOME). '
      + '(On EC2 or in a container there, the instance role and the IMDS hop limit are what to check instead.) 169.254.170.2 '
      + 'is the ECS/EKS container endpoint instead: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (or _FULL_URI) is set, left over '
      + 'or copied from a task definition; off ECS, unset it. "EC2 Instance Metadata Service access disabled" is the same '
      + 'chain ending where AWS_EC2_METADATA_DISABLED turned the metadata service off: the profile is what is missing.',
    fix: {
      description: 'Select the duo-sso profile (AWS_PROFILE or --profile) and log in to it',
      commands: [['duo-sso-setup', 'status'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'operation error ec2imds: GetMetadata, request canceled, context deadline exceeded\nfailed to refresh cached credentials, no EC2 IMDS role found',
  },
  {
    // botocore writes ~/.aws/cli/cache, ~/.aws/sso/cache and reads ~/.aws/*: Python's PermissionError,
    // Node's EACCES, Go's *PathError on those paths (files left owned by root after `sudo aws`).
    id: 'aws-files-permissions',
    title: 'A file or folder under ~/.aws is not readable or writable by you',
    group: 'credentials',
    patterns: [
      /\[Errno 13\] Permission denied: '(?<path>[^'\n]*[\\/]\.aws(?:[\\/][^'\n]*)?)'/,
      nodeFsError('EACCES', 'permission denied', 'open|mkdir|rename|unlink|scandir', String.raw`(?<path>[^'\n]*[\\/]\.aws(?:[\\/][^'\n]*)?)`),
      /open (?<path>\S*\/\.aws\/\S*): permission denied/,
      // The same refusal in Ruby (Errno::EACCES "Permission denied @ rb_sysopen - PATH"), Java NIO
      // (AccessDeniedException: PATH) and .NET (UnauthorizedAccessException "Access to the path 'PATH' is denied.").
      /Permission denied(?: @ \w+)? - (?<path>\S*[\\/]\.aws(?:[\\/]\S*)?)/,
      /\bAccessDeniedException: (?<path>\S*[\\/]\.aws(?:[\\/]\S*)?)/,
      /Access to the path '(?<path>[^'\n]*[\\/]\.aws(?:[\\/][^'\n]*)?)' is denied/,
      // A read-only mount of ~/.aws (docker -v ~/.aws:/root/.aws:ro) when the tools write their caches there: Python's
      // EROFS, Node's, Go's.
      /\[Errno 30\] Read-only file system: '(?<path>[^'\n]*[\\/]\.aws(?:[\\/][^'\n]*)?)'/,
      /EROFS: read-only file system, \w+ '(?<path>[^'\n]*[\\/]\.aws(?:[\\/][^'\n]*)?)'/,
      /(?:mkdir|open|rename) (?<path>\S*[\\/]\.aws(?:[\\/]\S*)?): read-only file system/,
    ],
    supersedes: ['npm-global-permissions', 'credentials-under-default', 'aws-config-unparsable', 'brew-permissions', 'action-not-allowed', 'npm-read-only'],
    explanation:
      'The AWS tools read ~/.aws/config and ~/.aws/credentials and write their caches in ~/.aws/cli/cache and ~/.aws/sso/cache. '
      + 'After a `sudo aws ...` or `sudo duo-sso-setup ...`, some of these belong to root and your user can no longer read or '
      + 'replace them. Give the folder back to yourself; never run the AWS tools with sudo. In a container with ~/.aws mounted '
      + 'read-only (:ro), the tools cannot write those caches (a role profile, SSO): mount it read-write.',
    fix: {
      description: 'Give ~/.aws back to your user, then retry without sudo',
      commands: [['sudo', 'chown', '-R', '<user>', '~/.aws'], ['duo-sso-setup', 'doctor', '--only', 'permissions']],
      automatic: false,
    },
    describe: (f) => (f.path ? `The path is ${f.path}.` : undefined),
    example: "PermissionError: [Errno 13] Permission denied: '/home/jdoe/.aws/cli/cache/6a1b2c3d.json'",
  },
  {
    // The default credential chains of the SDKs other than botocore (whose "Unable to locate
    // credentials" no-credentials knows) and of tools built on them: Java v2 / v1, .NET, Rust,
    // the AWS CDK and Terraform's AWS provider.
    id: 'no-credentials-chain',
    title: 'The SDK searched every credential source and found none',
    group: 'credentials',
    // The chain lists every provider's own "not found" (the Java SDK v2's environment provider among them).
    supersedes: ['no-credentials'],
    patterns: [
      /Unable to load credentials from any of the providers in the chain/,
      /Unable to load AWS credentials from any provider in the chain/,
      /Failed to resolve AWS credentials\. The credential providers used to search for credentials returned the following errors/,
      /no providers in chain provided credentials/,
      // The legacy boto 2 (the JS SDK v2's "Missing credentials in config" is sdk-shared-config-not-loaded's).
      /\bNoAuthHandlerFound: No handler was ready to authenticate/,
      /but no credentials have been configured/,
      /No valid credential sources found/,
      // aws-sdk-go-base ("no valid credential sources for %s found.") as the Terraform AWS provider words it.
      /no valid credential sources for Terraform AWS Provider found/i,
      // The AWS SDK for .NET (FallbackCredentialsFactory, then one "Exception N of M" line per source) and for Rust
      // (CredentialsError::CredentialsNotLoaded).
      /\bUnable to find credentials\b(?![ \t]*\w)/,
      /the credential provider was not enabled\b|\bCredentialsNotLoaded\b/,
      // The AWS CDK CLI (lib/api/aws-auth) when no credentials give it an account.
      /Unable to resolve AWS account to use\. It must be either configured when you define your CDK Stack, or through the environment/,
      // Pulumi's AWS provider (older and current wordings of its credential check).
      /unable to discover AWS AccessKeyID and\/or SecretAccessKey/,
      /Invalid credentials configured\.\s*Please see https:\/\/www\.pulumi\.com\/registry\/packages\/aws/,
      // The Java SDK v2's profile provider on its own, and the Rust SDK's chain ("the credential provider was not enabled").
      /Profile file contained no credentials for profile '(?<profile>[^'\n]+)'/,
      /the credential provider was not enabled/,
    ],
    explanation:
      'The program looked in the environment (AWS_ACCESS_KEY_ID, AWS_PROFILE), ~/.aws and the metadata services and found no '
      + 'credentials. Usually no profile was selected (the SDKs use [default] unless AWS_PROFILE or the tool\'s own profile '
      + 'option says otherwise), the profile has not been logged in, or the program does not see your shell: an IDE, a '
      + 'container or a service started elsewhere has its own environment and HOME. A section in ~/.aws/credentials written '
      + '[profile NAME] is not found there: that prefix belongs only in ~/.aws/config, the credentials file uses plain [NAME]. '
      + 'If it fails only now and then on EC2 or in CI (credentials from the instance role), the metadata service throttled a '
      + 'burst of parallel requests: lower the parallelism (terraform -parallelism=4) or give the job its credentials another way. '
      + 'A program built on an SDK older than the profile\'s kind (sso_session, credential_process) finds nothing in it: update '
      + 'the program (or its AWS provider or plugin) to its latest release, or hand it the profile\'s credentials in the '
      + 'environment (eval "$(aws configure export-credentials --profile NAME --format env)").',
    fix: {
      description: 'Log in to the duo-sso profile and select it for the program (AWS_PROFILE=<profile>, or the tool\'s profile setting)',
      commands: [['duo-sso-setup', 'status'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), ProfileCredentialsProvider()])',
  },
  {
    // The IAM Identity Center caches: botocore utils.py JSONFileCache (~/.aws/sso/cache, files named by the SHA-1 of the
    // start URL or session name) raises KeyError(cache_key) for a file it cannot read or parse, which the AWS CLI prints
    // as the bare quoted key; SSO OIDC's InvalidClientException ("Invalid client provided", error invalid_client) for a
    // cached client registration that expired or was revoked, as tools that keep their own registration print it
    // (go-aws-sso, aws-sso-cli, the JS and Go SDKs).
    id: 'sso-cache-stale',
    title: 'A cached IAM Identity Center file is unusable (a corrupt token cache, an expired client registration)',
    group: 'aws-cli',
    supersedes: ['sso-session-expired'],
    patterns: [
      // The bare key on a line of its own (after any log prefix a paste carries).
      /\bsso\b[\s\S]*(?:^|\s)'[0-9a-f]{40}'[ \t]*\r?$/im,
      /\bKeyError: '[0-9a-f]{40}'/,
      /\bInvalidClientException\b/, /\bInvalid client provided\b/,
    ],
    explanation:
      'aws sso login, aws configure sso and the tools like them keep two things in a cache (~/.aws/sso/cache for the AWS CLI '
      + 'and the SDKs; some tools keep their own): the client registration they made with IAM Identity Center, valid for '
      + 'about 90 days, and the token of the last login. A bare quoted 40-character hex key after `aws configure sso` or '
      + '`aws sso login` is the AWS CLI failing to read its cache file of that name (empty, cut short, or written by another '
      + 'version). InvalidClientException ("Invalid client provided") is the service refusing a cached registration that '
      + 'expired or was revoked, which the tool keeps reusing. A fresh login does not replace either: delete the cached '
      + '~/.aws/sso/ directory (it holds only these caches; no profile or key is lost) or the tool\'s own cache, then '
      + 'configure or log in again, which registers anew (go-aws-sso: go-aws-sso config edit).',
    fix: {
      description: 'Delete the cached ~/.aws/sso/ directory (cached tokens and client registrations only), then run aws configure sso or aws sso login again (go-aws-sso: config edit)',
      commands: [['aws', 'configure', 'sso'], ['aws', 'sso', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: "$ aws configure sso\nSSO start URL [None]: https://example.awsapps.com/start\nSSO Region [None]: eu-west-1\n\n'b05bfc8680414c00546c32dd28d07f8401d3bc59'",
  },
  {
    // The container credential provider checks AWS_CONTAINER_CREDENTIALS_FULL_URI before asking it: botocore utils.py
    // ContainerMetadataFetcher ("Unsupported host '%s'.  Can only retrieve metadata from ..."), the Java SDK v1/v2
    // ContainerCredentialsProvider ("... has an invalid host. Host can only be one of [...]" or "should resolve to a
    // loopback address"), the JS SDK v3 fromContainerMetadata, the Go SDK v1/v2 ("invalid endpoint host, %q, only
    // loopback hosts are allowed"). Tools that serve credentials locally set it (aws-runas, aws-vault --ecs-server).
    id: 'container-credentials-host-rejected',
    title: 'AWS_CONTAINER_CREDENTIALS_FULL_URI names a host the SDK refuses to ask',
    group: 'credentials',
    patterns: [
      /contained with(?:in|ing) environment variable AWS_CONTAINER_CREDENTIALS_FULL_URI has an invalid host/,
      /Unsupported host '(?<host>[^'\n]*)'\.\s+Can only retrieve metadata from/,
      /(?<!\S)(?<host>\S+) is not a valid container metadata service hostname/,
      /invalid endpoint host, "(?<host>[^"\n]*)", only loopback(?:\/ecs\/eks)? hosts are allowed/,
    ],
    supersedes: ['no-credentials', 'no-credentials-chain', 'imds-fallback', 'credential-source-failed'],
    explanation:
      'AWS_CONTAINER_CREDENTIALS_FULL_URI is set, so the SDK asks that URL for credentials, and it refuses the host: over '
      + 'plain http the SDKs only ask a loopback address or the ECS/EKS agents, and older SDKs only localhost or 127.0.0.1 '
      + '(not [::1], not a LAN address). A tool that serves credentials to other programs this way (aws-runas, aws-vault '
      + '--ecs-server, an IDE plugin) set it: update that tool to its latest release (newer ones serve on 127.0.0.1), or, '
      + 'where the variable is left over in a shell that no longer has the server, unset it (and '
      + 'AWS_CONTAINER_AUTHORIZATION_TOKEN) and use the duo-sso profile.',
    fix: {
      description: 'See which AWS_CONTAINER_* variables are set and by what; update the tool that serves them, or unset them and use the profile',
      commands: [['sh', '-c', 'env | grep ^AWS_CONTAINER_ | cut -d= -f1'], ['env', '-u', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'aws', 'sts', 'get-caller-identity', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.host ? `The SDK refused host ${f.host}.` : undefined),
    example: "ValueError: Unsupported host '[::1]'.  Can only retrieve metadata from a loopback address or one of these hosts: 169.254.170.2, localhost, 127.0.0.1",
  },
  {
    // An availability zone (us-east-1a) set where a region belongs: every SDK builds the endpoint from it
    // (sts.us-east-1a.amazonaws.com), a host that does not exist, so what fails first is DNS, the proxy, or a TLS
    // interceptor answering for it. botocore's own check (InvalidRegionError) does not catch it: the name is valid DNS.
    id: 'aws-region-is-zone',
    title: 'The region is an availability zone (us-east-1a), so the AWS endpoint host does not exist',
    group: 'aws-cli',
    patterns: [
      /(?<![a-z0-9.-])[.-]*\b(?<host>(?:[a-z0-9-]+\.)+(?<region>(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-[a-z]+-\d[a-z])\.amazonaws\.com(?:\.cn)?)\b/,
      // The zone named as the region: hashicorp/aws-sdk-go-base's region check ("invalid AWS Region: %s"), or a setting
      // quoted back (region = us-east-1a, region_name='us-east-1a').
      /\bInvalid AWS Region: (?<region>(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-[a-z]+-\d[a-z])\b/i,
      /\bregion(?:_name)?\b[ \t]*[:=]?[ \t]*['"]?(?<region>(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-[a-z]+-\d[a-z])['"]?(?![\w-])/i,
    ],
    supersedes: ['aws-region-missing', 'dns-failure', 'tls-untrusted-ca', 'tls-hostname-mismatch', 'connection-failed', 'sts-unreachable', 'network-timeout', 'connection-refused', 'proxy-failure', 'credential-source-failed'],
    explanation:
      'The endpoint host carries an availability zone (us-east-1a, eu-west-1b) where the region belongs, so it names a host '
      + 'AWS does not have: DNS fails, or a proxy or TLS-inspecting firewall answers for it with its own certificate (then '
      + 'it looks like an untrusted certificate, but trusting a CA does not help). The region setting of the profile '
      + '(region in ~/.aws/config, AWS_REGION, AWS_DEFAULT_REGION, a tool\'s --region) holds the zone: set it to the region, '
      + 'the zone without its last letter (us-east-1).',
    fix: {
      description: 'See where the region comes from and set it to the region, not the zone (us-east-1a becomes us-east-1)',
      commands: [['aws', 'configure', 'list', '--profile', '<profile>'], ['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.region ? `${f.region} is an availability zone; its region is ${f.region.slice(0, -1)}.` : undefined),
    example: 'Could not connect to the endpoint URL: "https://sts.us-east-1a.amazonaws.com/"',
  },
  {
    // A folder where ~/.aws/config or ~/.aws/credentials belongs: usually a container started with -v
    // ~/.aws/credentials:/root/.aws/credentials while the host file did not exist, so Docker created a folder. CPython
    // IsADirectoryError (botocore's configparser read), Go's os.ReadFile (*PathError "is a directory"), Java's
    // FileInputStream ("(Is a directory)").
    id: 'aws-file-is-directory',
    title: '~/.aws/config or ~/.aws/credentials is a folder, not a file',
    group: 'credentials',
    patterns: [
      /\[Errno 21\] Is a directory: '(?<path>[^'\n]*[\\/]\.aws[\\/][^'\n]+)'/,
      /read (?<path>\S*[\\/]\.aws[\\/]\S+): is a directory/,
      /FileNotFoundException: (?<path>\S*[\\/]\.aws[\\/]\S+) \(Is a directory\)/,
    ],
    supersedes: ['aws-config-unparsable', 'aws-config-file-missing', 'aws-files-permissions', 'no-credentials', 'no-credentials-chain', 'go-sdk-ini-parse'],
    explanation:
      'The AWS tools expect ~/.aws/config and ~/.aws/credentials to be files, and one of them is a folder. Almost always it '
      + 'was made by Docker: a container started with -v ~/.aws/credentials:/root/.aws/credentials when that file did not '
      + 'exist on the host makes an empty folder in its place. Remove the empty folder, log in so the file exists, then '
      + 'mount the whole ~/.aws folder (-v ~/.aws:/root/.aws) rather than single files; read-write when the container assumes '
      + 'roles or uses SSO, since the tools write their caches under ~/.aws.',
    fix: {
      description: 'Check the path is an empty folder, remove it (rmdir refuses a folder that is not empty), log in again so the file is written, then mount ~/.aws as a whole',
      commands: [['ls', '-la', '<path>'], ['rmdir', '<path>'], ['duo-sso-setup', 'login']],
      automatic: false,
    },
    describe: (f) => (f.path ? `The path is ${f.path}.` : undefined),
    example: "IsADirectoryError: [Errno 21] Is a directory: '/root/.aws/credentials'",
  },
  // ---- learned from the aws2 batch (issue 18, round 2)
  {
    // The Go SDKs parse the AWS files with their own INI lexer (aws-sdk-go internal/ini, aws-sdk-go-v2 internal/ini):
    // stricter than Python's configparser, and its errors (INIParseError "invalid state with ASTKind ...", wrapped in
    // SharedConfigLoadError / SharedCredsLoad) never name the line. Tools on them: Terraform, velero, aws-vault, eksctl.
    id: 'go-sdk-ini-parse',
    title: 'A Go program (AWS SDK for Go) cannot parse an AWS config or credentials file',
    group: 'aws-cli',
    patterns: [
      /\bSharedConfigLoadError\b/, /\bINIParseError\b/, /invalid state with ASTKind/,
      /failed to load shared config file, [^\n]*\.aws\/(?:config|credentials)/,
    ],
    supersedes: ['aws-config-unparsable'],
    explanation:
      'Programs built on the AWS SDK for Go (Terraform, velero, eksctl, aws-vault and most Kubernetes controllers) parse '
      + 'the AWS files with their own INI reader, which is stricter than the AWS CLI\'s and does not say which line it '
      + 'stopped at. Besides what breaks every reader (a key above the first [section], an indented line, a file saved as '
      + 'UTF-16), it refuses a value that begins with a bracket or another special character, such as a secret access key '
      + 'starting with ] or [: wrap such a value in double quotes (aws_secret_access_key = "]abc..."), or create a new '
      + 'key. A file mounted from a Kubernetes secret must have the same [default] layout as ~/.aws/credentials.',
    fix: {
      description: 'Find the line the Go reader rejects (a value starting with [ or ], a key outside a section, an indented line) and correct it; wrap such a value in double quotes',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli,profiles']],
      automatic: false,
    },
    example: 'SharedConfigLoadError: failed to load config file, /credentials/cloud\ncaused by: INIParseError: invalid state with ASTKind {completed_stmt {0 NONE 0 []} false [] ASTKindStatement} and TokenType op',
  },
];
