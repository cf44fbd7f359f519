// The credentials a profile resolves to: none, half of a key pair, a key AWS does not know, an
// expired session, a profile that is not there. Matched in the wording of botocore (AWS CLI
// v1/v2), the Go SDK (duo-sso, aws-vault, saml2aws) and the JS SDK v3.
import type { KnownFailure } from './types.js';

const LOGIN = ['duo-sso-setup', 'login'];
// A profile name as it appears in the message: one line, no brackets or quotes around it.
const PROFILE = String.raw`(?<profile>[^\s()[\]'",]+)`;

export const credentialsFailures: readonly KnownFailure[] = [
  {
    id: 'no-credentials',
    title: 'No credentials found at all',
    group: 'credentials',
    patterns: [
      /Unable to locate credentials/i,
      /\bMissingCredentialsError\b|unable to sign request without credentials set/,
      /Could not load credentials from any providers/,
      // The Go SDK v1's NoCredentialProviders is sdk-shared-config-not-loaded's (it reads ~/.aws/config only when asked).
      /failed to refresh cached credentials, no EC2 IMDS role found/,
      // The Java, .NET and Rust SDKs' chain messages are no-credentials-chain's (aws-config.ts).
      /Unable to get IAM security credentials from EC2 Instance Metadata Service/,
      // aws-vault vault/vault.go: a profile with no keys in its keyring and no other source.
      /profile \S+: credentials missing/, /No master credentials found/,
    ],
    explanation:
      'No profile was given (so [default] was used) or the profile has no credentials yet. duo-sso saves credentials per profile: '
      + 'pass --profile NAME or export AWS_PROFILE=NAME. Keys in the environment must be named AWS_ACCESS_KEY_ID and '
      + 'AWS_SECRET_ACCESS_KEY (AWS_ACCESS_KEY or AWS_SECRET_KEY are not read). A program run with sudo, from cron, systemd, '
      + 'an IDE or in a container has another HOME (or none) and does not see ~/.aws: run it as yourself, mount ~/.aws into the '
      + 'container, or point AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE at the files. On EC2 or ECS with no keys, the '
      + 'instance or task needs a role attached. A tool built on an older SDK may not read SSO (sso_session) or '
      + 'credential_process profiles at all: update it, or hand it the profile\'s credentials in the environment '
      + '(eval "$(aws configure export-credentials --profile NAME --format env)").',
    fix: { description: 'See which profiles have credentials, and log in', commands: [['duo-sso-setup', 'status'], LOGIN], automatic: false },
    example: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
  },
  {
    id: 'partial-credentials',
    title: 'Only half of a key pair was found',
    group: 'credentials',
    patterns: [
      /Partial credentials found in (?<source>[\w-]+), missing: (?<missing>\w+)/,
      new RegExp(String.raw`shared credentials ${PROFILE} in \S+ did not contain aws_(?:access_key_id|secret_access_key)`),
      /\bSharedCredsAccessKey\b/,
      // aws-vault add --env (cli/add.go): one of the two variables is empty.
      /Missing value for AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\b/,
      new RegExp(String.raw`Could not resolve credentials using profile: \[${PROFILE}\] in configuration/credentials file\(s\)`),
      // The JS SDK v3's signer (@smithy/signature-v4 validateResolvedCredentials): the provider handed it an object
      // without string accessKeyId and secretAccessKey (an app passing keys it could not read, an empty variable).
      /Resolved credential object is not valid/,
    ],
    explanation:
      'The profile (or the environment) has an access key without its secret key, or the other way round: a credentials file '
      + 'edited by hand, a migration to the keychain that stopped half-way, or AWS_ACCESS_KEY_ID exported without '
      + 'AWS_SECRET_ACCESS_KEY. A session also needs its aws_session_token. From the Go SDK v1 (SharedCredsAccessKey), it '
      + 'also means AWS_PROFILE names a profile whose section in ~/.aws/credentials has no keys: a role or SSO profile that '
      + 'lives in ~/.aws/config, which tools on that SDK do not read. Unset AWS_PROFILE for that tool (or select a profile '
      + 'with keys), or set AWS_SDK_LOAD_CONFIG=1 so it reads ~/.aws/config too. From the JS SDK v3 ("Resolved credential '
      + 'object is not valid") the program built its credentials without a usable access key id or secret: an empty '
      + 'environment variable, or an app (Leapp, an IDE) whose stored access key it could no longer read: replace the '
      + 'access key stored there (enter it again) and start the session again.',
    fix: {
      description: 'See what the profile holds and where it comes from, then log in again (which rewrites all three values)',
      commands: [['duo-sso-setup', 'status'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}' is incomplete.` : undefined),
    example: 'Partial credentials found in shared-credentials-file, missing: aws_secret_access_key',
  },
  {
    id: 'invalid-credentials',
    title: 'AWS does not know these credentials',
    group: 'credentials',
    // S3 and EC2 name the same thing their own way (InvalidAccessKeyId, AuthFailure).
    patterns: [
      /InvalidClientTokenId/, /The security token included in the request is invalid/i, /UnrecognizedClientException/,
      /\bInvalidAccessKeyId\b|The AWS Access Key Id you provided does not exist in our records/,
      /\bAuthFailure\b|AWS was not able to validate the provided access credentials/,
    ],
    explanation:
      'The access key in the profile is not one AWS issued, or it was revoked: usually a credentials file edited by hand, '
      + 'an old key left under [default], or AWS_ACCESS_KEY_ID in the environment overriding the profile. If only one region '
      + 'fails, it is an opt-in region (eu-south-1, ap-east-1, me-central-1...) or GovCloud: session tokens from the global STS '
      + 'endpoint are not valid there; use the regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional) and the region\'s own partition.',
    fix: { description: 'Log in again and check which credentials the profile resolves to', commands: [LOGIN, ['duo-sso-setup', 'status']], automatic: false },
    example: 'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
  },
  {
    id: 'session-expired',
    title: 'The session credentials have expired',
    group: 'credentials',
    patterns: [
      /\(ExpiredToken\) when calling/, /The security token included in the request is expired/i, /\bExpiredToken: /, /The provided token has expired/,
      // The code alone, as titles and the Java SDK v1's "(…; Error Code: ExpiredToken; …)" give it (the word boundary
      // keeps out ExpiredTokenException, which is the SAML assertion's or the SSO device code's).
      /\bExpiredToken\b/,
    ],
    explanation: 'The temporary credentials duo-sso saved have reached their expiry. That is normal after session_duration_seconds.',
    fix: { description: 'Log in again', commands: [LOGIN], automatic: false },
    example: 'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired',
  },
  {
    // The AWS SDK for Go v1 (aws/credentials/chain_provider.go ErrNoValidProvidersFoundInChain, "NoCredentialProviders:
    // no valid providers in chain", printed with ": " or " - ") and for JavaScript v2 (lib/config.js, "Missing credentials
    // in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1") read ~/.aws/config only when AWS_SDK_LOAD_CONFIG
    // is set; the Serverless Framework v1-v3 (lib/plugins/aws/provider.js, on the JS SDK v2) words the same as
    // 'AWS profile "X" doesn't seem to be configured' and "AWS provider credentials not found".
    id: 'sdk-shared-config-not-loaded',
    title: 'A tool on an older AWS SDK (Go v1, JavaScript v2) found no credentials: it does not read ~/.aws/config',
    group: 'credentials',
    patterns: [
      /\bNoCredentialProviders\b/,
      /Missing credentials in config(?:, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1)?/,
      new RegExp(String.raw`AWS profile "${PROFILE}" doesn't seem to be configured`),
      /AWS provider credentials not found\b/,
    ],
    supersedes: ['no-credentials', 'no-credentials-chain'],
    explanation:
      'Programs built on the AWS SDK for Go v1 (aws-iam-authenticator, older Terraform, kops and many Go tools) or the AWS SDK '
      + 'for JavaScript v2 (the Serverless Framework up to v3, older CDK and Node tools) read only ~/.aws/credentials unless '
      + 'AWS_SDK_LOAD_CONFIG=1 is set. A profile that lives in ~/.aws/config (role_arn with source_profile, SSO, '
      + 'credential_process) is invisible to them, and AWS_PROFILE naming it finds nothing: set AWS_SDK_LOAD_CONFIG=1 for '
      + 'them (export it, or put it before the command). An SSO profile works only while its SSO session is valid: when it '
      + 'has expired, run aws sso login --profile NAME and run the tool again. A tool that bundles an old SDK (an old '
      + 'aws-iam-authenticator that a kubeconfig calls) may not know newer profile kinds at all: update it to its latest '
      + 'release. Otherwise no profile was selected, or it has not been logged in.',
    fix: {
      description: 'Run the tool with AWS_SDK_LOAD_CONFIG=1 and AWS_PROFILE=<profile>; log in to the profile (aws sso login for an SSO profile) if its session has expired',
      commands: [['env', 'AWS_SDK_LOAD_CONFIG=1', 'AWS_PROFILE=<profile>', '<command>'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `The tool looked for profile '${f.profile}'.` : undefined),
    example: 'NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors',
  },
  {
    // Terraform's S3 backend (internal/backend/remote-state/s3: backend.go configures its own AWS client; the state
    // manager's "Error loading state: %s", "Failed to get existing workspaces: %s", and "Error configuring the backend
    // \"s3\": %s" / "error configuring S3 Backend: %s" from its credential setup). The backend's credentials are not
    // the provider block's.
    id: 'terraform-s3-backend-credentials',
    title: 'Terraform\'s S3 backend (the state) uses other credentials than the provider block',
    group: 'credentials',
    patterns: [
      /Error (?:loading|refreshing) state: (?:AccessDenied|Forbidden|InvalidAccessKeyId|ExpiredToken)\b/,
      /Failed to get existing workspaces: (?:AccessDenied|Forbidden|InvalidAccessKeyId|ExpiredToken)\b/,
      /Error configuring the backend "s3"/,
      /error configuring S3 Backend\b/i,
      /Error inspecting states in the "s3" backend/,
      // The bucket named in the backend block, as the backend's credentials see it (another account sees none).
      /Failed to get existing workspaces: S3 bucket (?:"[^"\n]*" )?does not exist/,
      /Error (?:loading|refreshing) state: NoSuchBucket\b/,
      // Terragrunt's remote_state check (remote/remote_state_s3.go) before it offers to create the bucket.
      /Remote state S3 bucket \S+ does not exist or you don't have permissions to access it/,
    ],
    // Its AccessDenied is the backend's own profile first; the explanation keeps the missing-permission case.
    supersedes: ['action-not-allowed'],
    explanation:
      'Terraform reads and writes its state through the S3 backend before any provider runs, and the backend gets its '
      + 'credentials on its own: from the profile (or assume_role) in the backend "s3" block, else from AWS_PROFILE and the '
      + 'default chain. The provider block\'s profile does not apply to it, so with no profile in the backend block it uses '
      + '[default] (another account, or nothing). Export AWS_PROFILE=<profile> before running terraform, or set profile in '
      + 'the backend block and run terraform init -reconfigure. If the right profile still gets AccessDenied, its role lacks '
      + 's3:ListBucket/s3:GetObject on the state bucket (kms:Decrypt for an encrypted one). "S3 bucket does not exist" '
      + 'is the same mix-up seen from another account (or region) where the bucket is not; or the bucket was never created '
      + '(Terragrunt then offers to create it: answer no until the profile is the state account\'s).',
    fix: {
      description: 'Log in to the profile and export AWS_PROFILE=<profile> before running terraform (or set profile in the backend block, then terraform init -reconfigure)',
      commands: [['duo-sso-setup', 'login', '--profile', '<profile>'], ['terraform', 'init', '-reconfigure']],
      automatic: false,
    },
    example: 'Error: Error loading state: AccessDenied: Access Denied\n\tstatus code: 403, request id: 7D3E8A1B2C3D4E5F',
  },
  {
    // Terraform's state lock (internal/states/statemgr/locker.go, "Error acquiring the state lock"; the S3 backend's
    // DynamoDB lock item written with a condition, "ConditionalCheckFailedException: The conditional request failed").
    id: 'terraform-state-locked',
    title: 'Terraform\'s state is locked by another run (or by one that crashed)',
    group: 'credentials',
    patterns: [
      /Error acquiring the state lock/,
      /Error locking state: /,
      /ConditionalCheckFailedException: The conditional request failed[\s\S]{0,400}?Lock Info:/,
    ],
    supersedes: ['terraform-s3-backend-credentials'],
    explanation:
      'Terraform locks the state (for the S3 backend, an item in the DynamoDB lock table, or a .tflock object) while a plan '
      + 'or apply runs. Another run holds it now (a colleague, a CI job), or a run that was killed left it behind; "Lock '
      + 'Info" names who and when. Wait for it (-lock-timeout waits); only when you are sure no run is going on, remove it '
      + 'with terraform force-unlock LOCK_ID (the ID from Lock Info). An AccessDenied on the lock table instead is the '
      + 'backend\'s profile, not a lock.',
    fix: {
      description: 'Wait for the other run (terraform plan -lock-timeout=10m); only if no run is going on, terraform force-unlock <lock-id> with the ID from Lock Info',
      commands: [['terraform', 'plan', '-lock-timeout=10m'], ['terraform', 'force-unlock', '<lock-id>']],
      automatic: false,
    },
    example: 'Error: Error acquiring the state lock\n\nError message: ConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID:        3f1c2a4b-5d6e-7f80-9a1b-2c3d4e5f6a7b\n  Path:      tf-state/prod/terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       jdoe@laptop',
  },
  {
    // The AWS CDK CLI's environment checks (lib/api/bootstrap, lib/api/aws-auth, lib/api/deployments): the stack's
    // account/region has no CDK bootstrap stack as these credentials see it, the bootstrap roles refuse them, or the
    // credentials are another account's.
    id: 'cdk-environment-mismatch',
    title: 'The AWS CDK cannot use this account and region (not bootstrapped, or the profile is another account)',
    group: 'credentials',
    patterns: [
      /This stack uses assets, so the toolkit stack must be deployed to the environment/,
      /SSM parameter \/cdk-bootstrap\/[\w-]+\/version not found\. Has the environment been bootstrapped\?/,
      /current credentials could not be used to assume '[^'\n]*cdk-[\w-]+-(?:deploy|file-publishing|image-publishing|lookup)-role[^'\n]*'/,
      /Need to perform AWS calls for account (?<account>\d{12}), but the current credentials are for \d{12}/,
      /Could not assume role in target account using current credentials/,
    ],
    // A refused bootstrap role is the CDK's trust (bootstrap --trust) or the wrong account, which this entry explains.
    supersedes: ['assume-role-denied'],
    explanation:
      'The CDK deploys a stack into the account and region of its env, through the roles and bucket that `cdk bootstrap` '
      + 'created there. Most often the profile in use belongs to another account (or the region differs), so the bootstrap '
      + 'stack is not found or its roles do not trust you: select the profile of the stack\'s account (--profile or '
      + 'AWS_PROFILE=<profile>) and check it with aws sts get-caller-identity. If the account really has no bootstrap yet, '
      + 'run cdk bootstrap aws://ACCOUNT/REGION with a profile allowed to create it; for another account\'s pipeline, '
      + 'bootstrap with --trust. An expired session shows the same way: log in again.',
    fix: {
      description: 'Check which account the profile is, select the stack\'s account (--profile), log in; bootstrap only an account that has none',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'login', '--profile', '<profile>'], ['cdk', 'bootstrap', 'aws://<account>/<region>', '--profile', '<profile>']],
      automatic: false,
    },
    example: "SSM parameter /cdk-bootstrap/hnb659fds/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap' (see https://docs.aws.amazon.com/cdk/latest/guide/bootstrapping.html)",
  },
  {
    // Terraform's S3 backend with a DynamoDB lock table keeps the state's MD5 there (remote-state/s3/client.go
    // "state data in S3 does not have the expected content"): an object written without the table, or a slow S3.
    id: 'terraform-state-digest-mismatch',
    title: 'Terraform\'s state in S3 does not match the checksum in the DynamoDB lock table',
    group: 'credentials',
    patterns: [/state data in S3 does not have the expected content/],
    explanation:
      'The S3 backend stores the state\'s checksum in the DynamoDB lock table. The object in S3 now has another checksum: '
      + 'it was written without the table (a run with other backend settings, a manual upload or restore) or S3 was slow. '
      + 'Wait a minute and try again; if it persists and the state in S3 is the right one, set the Digest item in the table '
      + 'to the value the message gives.',
    fix: { description: 'Retry after a minute; if it persists, check the state in S3 is the right one and set the table\'s Digest to the value printed', commands: [['terraform', 'plan']], automatic: false },
    example: 'Error: Error refreshing state: state data in S3 does not have the expected content.\n\nThis may be caused by unusually long delays in S3 processing a previous state\nupdate.  Please wait for a minute or two and try again.',
  },
  {
    id: 'credentials-under-default',
    title: 'Profile not found (credentials saved under [default], or never logged in)',
    group: 'credentials',
    patterns: [
      // botocore (AWS CLI v1 and v2); one line only: a profile name never spans lines.
      /The config profile \((?<profile>[^)\r\n]+)\) could not be found/,
      // JS SDK v3 (@aws-sdk/credential-provider-ini, before 3.5xx).
      new RegExp(String.raw`Profile ${PROFILE} could not be found or parsed in shared credentials file`),
      // Go SDK v1 and v2.
      new RegExp(String.raw`SharedConfigProfileNotExistsError: failed to get profile, ${PROFILE}`),
      new RegExp(String.raw`failed to get shared config profile, ${PROFILE}`),
      // Go SDK v1 shared_credentials_provider.go ("SharedCredsLoad: failed to get profile", go-ini's missing section).
      /\bSharedCredsLoad: failed to get profile\b/, /\bsection '(?<profile>[^'\n]+)' does not exist\b/,
      /AWS Credentials saved for profile 'default'/,
      /\bProfileNotFound\b/,
      // awsume (awsumepy/lib/exceptions.py ProfileNotFoundError, "Profile %s not found.").
      /\bProfileNotFoundError\b/, /Awsume error: Profile (?<profile>\S+) not found\./i,
    ],
    explanation:
      'The AWS files have no section for the profile. A known duo-sso bug sometimes writes a profile\'s credentials under '
      + '[default] in ~/.aws/credentials, so `aws --profile NAME` finds nothing (or [default] silently points at the wrong '
      + 'account). The same message appears when the profile was never logged in, or its name is misspelt (AWS_PROFILE). In '
      + '~/.aws/config a profile\'s section is [profile NAME] (only [default] has no prefix), while ~/.aws/credentials uses '
      + 'plain [NAME]; a section written the other way is not found. AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE or another '
      + 'HOME (sudo, a container) point the tools at other files.',
    fix: {
      description: 'Log in to the profile again; login moves credentials that landed under [default] to the right profile',
      commands: [['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: true,
    },
    describe: (f) => (f.profile ? `The AWS tools looked for profile '${f.profile}'.` : undefined),
    example: 'The config profile (eticloud) could not be found',
  },
  {
    id: 'token-invalid-or-expired',
    title: 'A token was refused as "invalid or expired" (which one decides the fix)',
    group: 'credentials',
    patterns: [
      /\b(?:token|credentials?|session|key|signature)\b[^\n]*\binvalid or (?:has )?expired\b|\binvalid or (?:has )?expired (?:token|credentials?|session|key|signature)\b/i,
      /\b(?:token|credentials?|session|key|signature)\b[^\n]*\bexpired or (?:is )?invalid\b/i,
    ],
    supersedes: ['invalid-credentials', 'session-expired'],
    explanation:
      'The message does not say whether the credentials expired (then logging in again is all) or were never valid (a '
      + 'key edited by hand, an environment variable overriding the profile, a profile pointing at the wrong account). '
      + 'The one fact that decides it is the expiry of the credentials the profile resolves to: doctor shows it.',
    fix: {
      description: 'Let doctor show where the profile\'s credentials come from and when they expire; if expired, log in again',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'Error: The security token included in the request is invalid or has expired',
  },
  {
    // botocore/credentials.py RefreshableCredentials._protected_refresh: the source handed back
    // credentials that are already expired (a credential_process cache, AWS_CREDENTIAL_EXPIRATION, a clock behind).
    id: 'credentials-refreshed-expired',
    title: 'Fresh credentials were already expired (stale source, or the clock is off)',
    group: 'credentials',
    patterns: [/Credentials were refreshed, but the refreshed credentials are still expired/],
    explanation:
      'The AWS CLI asked the profile\'s credential source for new credentials and got ones whose expiry is already past: a '
      + 'credential_process that returns a cached session it did not renew, an AWS_CREDENTIAL_EXPIRATION (or AWS_* keys) left '
      + 'in the environment from an old session, or this machine\'s clock running ahead. Logging in again writes a current '
      + 'session; the doctor shows the clock and where the profile\'s credentials come from.',
    fix: {
      description: 'Check the clock and where the profile\'s credentials come from (stale AWS_* variables in the environment), then log in again',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials,clock'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'RuntimeError: Credentials were refreshed, but the refreshed credentials are still expired.',
  },
  {
    // aws-vault cli/exec.go and cli/export.go (and its first wording, "sessions should be nested with care").
    id: 'aws-vault-nested',
    title: 'aws-vault refuses to run inside one of its own sessions (AWS_VAULT is set)',
    group: 'credentials',
    patterns: [
      /in an existing aws-vault subshell; 'exit' from the subshell or unset AWS_VAULT to force/,
      /aws-vault sessions should be nested with care, unset \$?AWS_VAULT to force/,
    ],
    explanation:
      'This shell was started by `aws-vault exec` (or `aws-vault login` left AWS_VAULT set), so it already holds one '
      + 'profile\'s temporary credentials in AWS_* variables; a second aws-vault would mix two profiles. Leave that subshell '
      + '(exit) or unset AWS_VAULT and the AWS_* variables; a profile duo-sso logged in needs no aws-vault at all.',
    fix: { description: 'Leave the aws-vault subshell (exit), or unset AWS_VAULT and the AWS_* variables it set, then run the command again', commands: [['sh', '-c', 'env | grep -E "^AWS_(VAULT|PROFILE|ACCESS_KEY_ID|SESSION_TOKEN)=" | cut -d= -f1']], automatic: false },
    example: "aws-vault: error: exec: running in an existing aws-vault subshell; 'exit' from the subshell or unset AWS_VAULT to force",
  },
  {
    // The Go SDK v2 (aws-vault, Terraform, kubectl plugins, Go tools) wraps a failure of the profile's
    // credential source in the call that needed them: aws/signer/v4/middleware.go SigningError
    // ("failed to sign request: failed to retrieve credentials: %w"), and since the smithy auth
    // rewrite internal/auth/smithy/credentials_adapter.go ("get identity: get credentials: %v");
    // aws/retry MaxAttemptsError ("exceeded maximum number of attempts, %d, %w") when it was retried.
    // The wrapped error is the answer when an entry knows it, hence a fallback.
    id: 'credential-source-failed',
    title: 'The SDK could not get the credentials to sign the call (the profile\'s source failed)',
    group: 'credentials',
    fallback: true,
    patterns: [
      /\bfailed to sign request: failed to retrieve credentials\b/,
      /\bget identity: get credentials: /,
      // aws-vault's own prefix names the profile ("Failed to get credentials for PROFILE: <the SDK's error>").
      /Failed to get credentials for (?<profile>[^\s:()]+)(?: \(source profile for [^)\n]*\))?: [^\n]*?(?:failed to sign request: failed to retrieve credentials|get identity: get credentials: )/,
    ],
    explanation:
      'Programs built on the AWS SDK for Go fetch the credentials for each call from the profile\'s source (keys in the '
      + 'keyring or ~/.aws, an SSO token, a source_profile\'s AssumeRole, a credential_process, the metadata service), and '
      + 'that fetch failed; the words after "failed to retrieve credentials:" or "get credentials:" name the source and its '
      + 'error. When the SDK retried it until "exceeded maximum number of attempts", the source\'s endpoint did not answer: '
      + 'most often the region (or sso_region) in the profile or its source_profile is wrong, a typo or another region '
      + 'than the one the account or SSO portal uses, so the SDK asks an endpoint that does not exist or does not know it. '
      + 'Otherwise the network (VPN, proxy) keeps it from AWS.',
    fix: {
      description: 'Check the region (and sso_region) of the profile and of its source_profile and correct it; if it is right, see whether AWS is reachable',
      commands: [['aws', 'configure', 'get', 'region', '--profile', '<profile>'], ['duo-sso-setup', 'doctor', '--only', 'network']],
      automatic: false,
    },
    example: 'aws-vault: error: exec: Failed to get credentials for dev: operation error STS: AssumeRole, exceeded maximum number of attempts, 3, failed to sign request: failed to retrieve credentials',
  },
  {
    // IDE toolkits validating a profile before use: AWS Toolkit for VS Code (src/credentials/providers/
    // sharedCredentialsProvider.ts validate(): "Profile %s is not supported by the Toolkit.", "Profile %s is missing
    // properties: %s"; the older "Credentials profile %s is invalid" and "Shared Credentials Profile %s is not valid")
    // and the JetBrains toolkit ("The AWS credential Profile:%s does not appear to be valid"). Their JavaScript and Java
    // profile readers match key names exactly, where botocore lower-cases them.
    id: 'toolkit-profile-invalid',
    title: 'An IDE toolkit rejects a profile the AWS CLI accepts (upper-case key names, or keys it does not support)',
    group: 'credentials',
    patterns: [
      new RegExp(String.raw`[Cc]redentials? profile ${PROFILE} is invalid`),
      /Shared Credentials Profile (?<profile>[^\n]+?) is not valid\b/,
      new RegExp(String.raw`Profile ${PROFILE} is (?:not supported by the Toolkit|missing properties: [\w, ]+)`),
      new RegExp(String.raw`The AWS credential Profile:${PROFILE} does not appear to be valid`),
    ],
    explanation:
      'The AWS CLI reads the key names in ~/.aws/credentials in any case (Python\'s configparser lower-cases them), so a '
      + 'profile written AWS_ACCESS_KEY_ID = … / AWS_SECRET_ACCESS_KEY = … works there; the IDE toolkits (VS Code, JetBrains, '
      + 'Visual Studio) and the JavaScript and Java SDKs look for aws_access_key_id, aws_secret_access_key and aws_session_token '
      + 'exactly, find none, and call the profile invalid or unsupported. Rename the keys to lower case and restart the IDE. '
      + 'A profile with only settings the toolkit does not know (a credential_process or SSO form newer than the toolkit) '
      + 'is reported the same way: update the toolkit.',
    fix: {
      description: 'Rename the keys in ~/.aws/credentials to lower case (aws_access_key_id, aws_secret_access_key, aws_session_token), then reconnect the toolkit',
      commands: [['duo-sso-setup', 'config', 'validate'], ['aws', 'configure', 'list', '--profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `The toolkit rejected profile '${f.profile}'.` : undefined),
    example: 'credentials profile default is invalid',
  },
  {
    // An IAM user managing its own access keys (aws-vault rotate: vault/rotate in cli/rotate.go; aws iam create-access-key)
    // refused by a policy that requires MFA for it, typically AWS's documented "force MFA" example (deny everything but
    // managing your own MFA unless aws:MultiFactorAuthPresent). aws-vault before 4.6.3 rotated with the bare keys.
    id: 'key-rotation-needs-mfa',
    title: 'Rotating the IAM user\'s access key is denied: the policy requires MFA for it',
    group: 'credentials',
    supersedes: ['action-not-allowed'],
    patterns: [
      /is not authorized to perform: iam:(?:Create|Delete|Update|List)AccessKeys? on resource: user \S+ with an explicit deny/,
      /aws-vault: error: (?:rotate: |Failed to get credentials for [^\n]*?: )AccessDenied: [^\n]*iam:(?:Create|Delete|Update|List)AccessKeys?\b/,
    ],
    explanation:
      'The IAM user may change its own access keys only from a session signed in with MFA: its policy (often AWS\'s example '
      + 'that denies everything except setting up MFA unless aws:MultiFactorAuthPresent) denies iam:CreateAccessKey to the '
      + 'bare keys, hence "with an explicit deny". aws-vault rotate before v4.6.3 called IAM with the stored keys and never '
      + 'asked for the MFA code: upgrade aws-vault (Homebrew users may need `brew reinstall --cask aws-vault`) and give the '
      + 'profile mfa_serial so rotate uses an MFA session. With the AWS CLI, create the key from an MFA session (aws sts '
      + 'get-session-token --serial-number ARN --token-code CODE).',
    fix: {
      description: 'Upgrade aws-vault (4.6.3 or later) and set mfa_serial on the profile, then rotate again with the MFA code',
      commands: [['aws-vault', '--version'], ['aws-vault', 'rotate', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}' is the one being rotated.` : undefined),
    example: 'aws-vault: error: Failed to get credentials for dev: AccessDenied: User: arn:aws:iam::111122223333:user/jdoe is not authorized to perform: iam:CreateAccessKey on resource: user jdoe with an explicit deny\n\tstatus code: 403, request id: 5b1c',
  },
];
