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
      // The AWS SDK for Java v2 (ProfileCredentialsProvider): the profile is there but gives it no credentials it can read.
      /Profile file contained no credentials for profile '(?<profile>[^'\n]+)'/,
      // The environment providers used alone: the Java SDK v2 (SystemSettingsCredentialsProvider) and the Go SDK v1
      // (aws/credentials/env_provider.go ErrAccessKeyIDNotFound).
      /Unable to load credentials from system settings\. Access key must be specified/,
      /\bEnvAccessKeyNotFound\b|AWS_ACCESS_KEY_ID or AWS_ACCESS_KEY not found in environment/,
      // aws-sdk-go (shareddefaults, UserHomeNotFound) with no HOME: a service or cron job, so ~/.aws is not found.
      /\bUserHomeNotFound: user home directory not found/,
      // AWS Tools for PowerShell (no -ProfileName, no Set-AWSCredential, nothing in the environment), and the Java SDK
      // v1's environment provider alone.
      /No credentials specified or obtained from persisted\/shell defaults/,
      // The JS SDK v3's environment provider used alone (fromEnv).
      /Unable to find environment variable credentials\./,
      /Unable to load AWS credentials from environment variables \(AWS_ACCESS_KEY_ID \(or AWS_ACCESS_KEY\)/,
      // The JS SDK v3's fromEnv (@aws-sdk/credential-provider-env) when a program asks for environment credentials only.
      /Unable to find environment variable credentials/,
      // The Go SDK v1's environment provider (aws/credentials/env_provider.go) when a program reads the environment only.
      /\bEnv(?:AccessKey|Secret)NotFound: AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY) or AWS_(?:ACCESS|SECRET)_KEY not found in environment/,
    ],
    explanation:
      'No profile was given (so [default] was used) or the profile has no credentials yet. duo-sso saves credentials per profile: '
      + 'pass --profile NAME or export AWS_PROFILE=NAME. Keys in the environment must be named AWS_ACCESS_KEY_ID and '
      + 'AWS_SECRET_ACCESS_KEY (AWS_ACCESS_KEY or AWS_SECRET_KEY are not read). A program run with sudo, from cron, systemd, '
      + 'an IDE or in a container has another HOME (or none) and does not see ~/.aws: run it as yourself, mount ~/.aws into the '
      + 'container, or point AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE at the files. On EC2 or ECS with no keys, the '
      + 'instance or task needs a role attached. A tool built on an older SDK may not read SSO (sso_session) or '
      + 'credential_process profiles at all: update it, or hand it the profile\'s credentials in the environment '
      + '(eval "$(aws configure export-credentials --profile NAME --format env)"). A program aimed at a local emulator '
      + '(LocalStack, DynamoDB Local, moto) still needs a key pair, any dummy one (AWS_ACCESS_KEY_ID=test, '
      + 'AWS_SECRET_ACCESS_KEY=test). If the same profile worked until the AWS CLI or SDK was upgraded, a release may have '
      + 'broken that kind of profile: pin the previous version until a fixed one is out.',
    fix: { description: 'See which profiles have credentials, and log in', commands: [['duo-sso-setup', 'status'], LOGIN], automatic: false },
    example: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
  },
  {
    id: 'partial-credentials',
    title: 'Only half of a key pair was found',
    group: 'credentials',
    supersedes: ['no-credentials'],
    patterns: [
      // botocore exceptions.py PartialCredentialsError; credentials.py AssumeRoleProvider passes the KeyError's text, quoted.
      /Partial credentials found in (?<source>[\w-]+), missing: '?(?<missing>\w+)/,
      // botocore before it wrapped that KeyError (credentials.py _resolve_static_credentials_from_profile): a traceback.
      /\bKeyError: '(?:aws_secret_access_key|aws_access_key_id)'/,
      new RegExp(String.raw`shared credentials ${PROFILE} in \S+ did not contain aws_(?:access_key_id|secret_access_key)`),
      /\bSharedCredsAccessKey\b/,
      // aws-vault add --env (cli/add.go): one of the two variables is empty.
      /Missing value for AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)\b/,
      new RegExp(String.raw`Could not resolve credentials using profile: \[${PROFILE}\] in configuration/credentials file\(s\)`),
      // JS SDK v3 SignatureV4.validateResolvedCredentials: the code handed it accessKeyId/secretAccessKey that are not strings.
      /Resolved credential object is not valid/,
      // Go SDK v1/v2: a key without its secret in the environment (EnvSecretNotFound), or static credentials handed in empty.
      /\bEnvSecretNotFound\b|AWS_SECRET_ACCESS_KEY or AWS_SECRET_KEY not found in environment/,
      /\bEmptyStaticCreds\b|\bstatic credentials are empty\b/,
      // S3's AuthorizationHeaderMalformed for an empty access key id (an empty AWS_ACCESS_KEY_ID, a key the program could not read).
      /a non-empty Access Key \(AKID\) must be provided in the credential/,
    ],
    explanation:
      'The profile (or the environment) has an access key without its secret key, or the other way round: a credentials file '
      + 'edited by hand, a migration to the keychain that stopped half-way, or AWS_ACCESS_KEY_ID exported without '
      + 'AWS_SECRET_ACCESS_KEY. A session also needs its aws_session_token. From the Go SDK v1 (SharedCredsAccessKey), it '
      + 'also means AWS_PROFILE names a profile whose section in ~/.aws/credentials has no keys: a role or SSO profile that '
      + 'lives in ~/.aws/config, which tools on that SDK do not read. Unset AWS_PROFILE for that tool (or select a profile '
      + 'with keys), or set AWS_SDK_LOAD_CONFIG=1 so it reads ~/.aws/config too. From the JS SDK v3, "Resolved credential '
      + 'object is not valid" means the program handed the SDK an access key or secret that is missing: read from variables '
      + 'that are not set, or a key the tool stored that is now empty: set them, re-enter the key in the tool, or pass no '
      + 'credentials so the SDK takes them from the profile.',
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
      // S3: a session token that is cut short or is not the one issued with the key (InvalidToken).
      /\(InvalidToken\) when calling|\bInvalidToken: |The provided token is malformed or otherwise invalid/,
    ],
    explanation:
      'The access key in the profile is not one AWS issued, or it was revoked: usually a credentials file edited by hand, '
      + 'an old key left under [default], or AWS_ACCESS_KEY_ID in the environment overriding the profile (S3\'s InvalidToken: the '
      + 'aws_session_token is cut short or belongs to another session than the key). If only one region '
      + 'fails, it is an opt-in region (eu-south-1, ap-east-1, me-central-1...) or GovCloud: session tokens from the global STS '
      + 'endpoint are not valid there; use the regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional) and the region\'s own partition. '
      + 'Keys handed to a program by hand must be the pair AWS issued together: a secret access key that is not the '
      + 'access key\'s (the key id pasted in both places, the two swapped) fails the same way. A program meant for a local '
      + 'emulator (LocalStack, moto, MinIO) gets this when its requests reach real AWS: give it the emulator\'s endpoint '
      + '(--endpoint-url, AWS_ENDPOINT_URL, or awslocal). '
      + 'Right after a key is created (aws-vault rotate) IAM takes some seconds to accept it, and a session token asked for '
      + 'with it at once is refused: aws-vault before v5.1.0 failed its rotation this way; run aws-vault rotate --no-session '
      + '<profile>, or upgrade aws-vault.',
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
      // S3 (TokenRefreshRequired, "The provided token must be refreshed.").
      /\bTokenRefreshRequired\b|The provided token must be refreshed/,
      // botocore exceptions.py LoginRefreshRequired / LoginTokenLoadError: a profile set up with `aws login` (console sign-in).
      /Please reauthenticate using 'aws login'|\bLoginRefreshRequired\b|Error loading login session token: /,
      // saml2aws exec / script (cmd/saml2aws/commands/exec.go): the profile's saved session is past its expiry.
      /\berror aws credentials have expired\b/,
    ],
    explanation:
      'The temporary credentials duo-sso saved have reached their expiry. That is normal after session_duration_seconds: '
      + 'log in again for new ones. A tool that reads another profile than the one you logged in keeps failing (Terraform\'s '
      + 'AWS provider and most SDKs use [default] unless their profile setting or AWS_PROFILE names one): refresh that '
      + 'profile, or point the tool at the valid duo-sso profile. A run that lasts longer than the session (a long terraform '
      + 'apply, a CI job) fails midway: log in just before it, or with a longer session_duration_seconds (up to the role\'s maximum). '
      + 'A profile set up with `aws login` (the console sign-in) says "Please reauthenticate using \'aws login\'": run aws login '
      + '--profile NAME for it (duo-sso profiles are renewed by duo-sso-setup login instead). '
      + 'Other login tools say the same of the session they saved (saml2aws exec: "error aws credentials have expired"): log '
      + 'in again with the tool that wrote the profile (saml2aws login).',
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
      // apex/up (Go SDK v1) when the chain it built from the shared files found nothing.
      /Cannot find credentials, visit https:\/\/apex\.sh\/docs\/up\/credentials/,
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
      // The same words with the account ids masked, as reports quote them.
      /Need to perform AWS calls for account (?!\d{12}\b)\S+, but the current credentials are for \S+/,
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
      // The AWS SDK for Java v1 (ProfilesConfigFile, ProfileCredentialsProvider).
      /No AWS profile named '(?<profile>[^'\n]+)'/,
      // The AWS SDK for .NET (FallbackCredentialsFactory, and apps' own lookups in the same store chain).
      /Unable to find (?:the '(?<profile>[^'\n]+)'|a default) profile in CredentialProfileStoreChain/,
      // The AWS SDK for Java v2 ProfileFileReader: a section of ~/.aws/config written [NAME] instead of [profile NAME].
      /Ignoring profile '(?<profile>[^'\n]+)' on line \d+ because it did not start with 'profile ' and it was not 'default'/,
      /\bProfileNotFound\b/,
      // awsume (awsumepy/lib/exceptions.py ProfileNotFoundError, "Profile %s not found.").
      /\bProfileNotFoundError\b/, /Awsume error: Profile (?<profile>\S+) not found\./i,
      // The Ruby SDK (Aws::SharedCredentials / SharedConfig) and the Java SDK v1 (ProfilesConfigFile).
      /Profile `(?<profile>[^'`\n]+)' not found in /, /No AWS profile named '(?<profile>[^'\n]+)'/,
      // The Amplify CLI (amplify-provider-awscloudformation system-config-manager) for a profile in neither AWS file.
      /Profile configuration is missing for: (?<profile>[^\s'"]+)/,
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
      // botocore (AWS CLI, boto3) CredentialRetrievalError for the providers no entry names on its own.
      /\bCredentialRetrievalError: Error when retrieving credentials from [\w-]+: /,
      // hashicorp/aws-sdk-go-base aws_config.go (Terraform's AWS provider): STS, IAM and the metadata service all refused; the
      // errors it lists after "Errors:" are the answer when known.
      /AWS account ID not previously found and failed retrieving via all available methods/,
      /Error when retrieving credentials from (?:assume-role|assume-role-with-web-identity|sso|login|env|shared-credentials-file|custom-[\w-]+): /,
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
      + 'Otherwise the network (VPN, proxy) keeps it from AWS. The AWS CLI (botocore) says the same as "Error when retrieving '
      + 'credentials from <source>: <its error>", and Terraform\'s AWS provider as "AWS account ID not previously found" '
      + '(the errors listed after it say why; skip_requesting_account_id only hides it).',
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
      // aws-toolkit-vscode packages/core/src/auth/providers/sharedCredentialsProvider.ts (its profile validation).
      new RegExp(String.raw`Profile ${PROFILE} is not a valid Credential Profile: `),
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
  {
    // A credential with a line end in it reaches the signed headers, and the HTTP library refuses to send them: CPython
    // http/client.py putheader ("Invalid header value %r", botocore and boto3), Go net/http ("invalid header field value
    // %q for key %v", later "invalid header field value for %q"), Node's http (ERR_INVALID_CHAR "Invalid character in header
    // content [%s]").
    id: 'credential-stray-character',
    title: 'A credential holds a line break or a stray character, so the signed request cannot be sent',
    group: 'credentials',
    patterns: [
      /Invalid header value b?['"]AWS4-HMAC-SHA256 Credential=/,
      /net\/http: invalid header field value (?:"AWS4-HMAC-SHA256 Credential=|for "(?:Authorization|X-Amz-Security-Token)")|net\/http: invalid header field value [^\n]* for key (?:Authorization|X-Amz-Security-Token)\b/,
      /Invalid character in header content \["(?:authorization|x-amz-security-token)"\]/i,
      // The session-token stems (IQoJb3JpZ2lu, FwoGZXIvYXdz) and x-amz-date, and Java's HttpURLConnection wording.
      /Invalid header value b?['"](?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)/,
      /Invalid character in header content \["x-amz-date"\]/i,
      /Illegal character\(s\) in message header value: AWS4-HMAC-SHA256/,
    ],
    supersedes: ['request-unsigned', 'signature-mismatch', 'sts-unreachable', 'connection-failed'],
    explanation:
      'An access key, secret key or session token carries a line break, a carriage return or another stray character: a '
      + 'key pasted with its line end, a credentials file saved with Windows line ends (CRLF), an environment variable read '
      + 'from a file with its trailing newline. The value ends up in the signed Authorization (or X-Amz-Security-Token) '
      + 'header, which the HTTP library refuses to send. For a duo-sso profile, log in again (it writes clean values); for '
      + 'keys set by hand, remove the trailing whitespace or CR from ~/.aws/credentials (dos2unix) or from the variable.',
    fix: {
      description: 'See where the profile\'s credentials come from, then log in again (or strip the line end from the value set by hand)',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'net/http: invalid header field value for "Authorization"',
  },
  {
    // Both a profile and static keys in the environment: hashicorp/aws-sdk-go-base credentials.go (Terraform's AWS
    // provider and S3 backend, Pulumi's AWS provider) warns "Configuration conflict detected" and uses the profile; the
    // JS SDK v3 (@aws-sdk/credential-provider-node defaultProvider) warns "Multiple credential sources detected" and
    // also uses the profile; botocore (AWS CLI) silently uses the keys unless --profile was given.
    id: 'aws-profile-and-env-keys',
    title: 'A profile and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are both set (tools disagree about which wins)',
    group: 'credentials',
    patterns: [
      /A Profile was specified along with the environment variables "AWS_ACCESS_KEY_ID" and "AWS_SECRET_ACCESS_KEY"/,
      /Multiple credential sources detected:\s*Both AWS_PROFILE and the pair AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY/,
    ],
    supersedes: ['no-credentials', 'no-credentials-chain', 'imds-fallback'],
    explanation:
      'A profile (AWS_PROFILE, or the tool\'s profile setting) and static keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY '
      + 'are set together, and the tools do not agree on which to use: Terraform\'s AWS provider and the JS SDK v3 take the '
      + 'profile, while the AWS CLI and most SDKs take the keys when the profile came from AWS_PROFILE (only --profile beats '
      + 'them). So one tool works and the next one acts as somebody else, or fails with the error printed after the warning. '
      + 'Keys left in the shell from an earlier session or another tool are the usual cause: unset AWS_ACCESS_KEY_ID, '
      + 'AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN and keep the duo-sso profile (or unset AWS_PROFILE if the keys are what you meant).',
    fix: {
      description: 'See which AWS_* variables are set; unset the keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and use the profile',
      commands: [['sh', '-c', 'env | grep -E "^AWS_(PROFILE|ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)=" | cut -d= -f1'], ['env', '-u', 'AWS_ACCESS_KEY_ID', '-u', 'AWS_SECRET_ACCESS_KEY', '-u', 'AWS_SESSION_TOKEN', 'aws', 'sts', 'get-caller-identity', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'Warning: Configuration conflict detected\n\nA Profile was specified along with the environment variables "AWS_ACCESS_KEY_ID" and "AWS_SECRET_ACCESS_KEY". The Profile is now used instead of the environment variable credentials. This may lead to unexpected behavior.',
  },
  {
    // aws-vault exec --ec2-server (cli/exec.go, server/ec2proxy_*.go, server/ec2alias_*.go): its metadata-service
    // imitation needs the link-local address 169.254.169.254 on port 80, so a privileged `aws-vault proxy` process.
    id: 'aws-vault-ec2-server',
    title: 'aws-vault\'s --ec2-server cannot serve the instance metadata address (needs admin/root, or already taken)',
    group: 'credentials',
    patterns: [
      /The EC2 Instance Metadata endpoint proxy server isn't running\. Run `aws-vault proxy`/,
      /Another process is already bound to 169\.254\.169\.254:80/,
      /Creation of network alias for server mode requires elevated permissions/,
    ],
    explanation:
      'aws-vault exec --ec2-server imitates the EC2 instance metadata service so that programs find credentials without '
      + 'environment variables. That service lives at 169.254.169.254 port 80, so aws-vault adds that address to the loopback '
      + 'interface and starts `aws-vault proxy`, which needs Administrator or root; without it the proxy does not come up. '
      + '"Another process is already bound" means a proxy (another aws-vault --ec2-server, a leftover aws-vault proxy, a VM '
      + 'or container tool) already holds the address: stop that one first. Usually simpler: aws-vault exec --ecs-server, '
      + 'which serves credentials on a local port through AWS_CONTAINER_CREDENTIALS_FULL_URI and needs no privileges (the '
      + 'current SDKs and the AWS CLI read it).',
    fix: {
      description: 'Use aws-vault exec --ecs-server <profile> instead (no privileges needed); for --ec2-server run `aws-vault proxy` as Administrator/root first, or stop the other process holding 169.254.169.254:80',
      commands: [['aws-vault', 'exec', '--ecs-server', '<profile>']],
      automatic: false,
    },
    example: 'aws-vault: error: exec: The EC2 Instance Metadata endpoint proxy server isn\'t running. Run `aws-vault proxy` as Administrator or root in the background and then try this command again',
  },
  // ---- learned from the aws2 batch (issue 18, round 2): SDKs of other languages and the tools on them
  {
    // aws-sdk-java-v2 loads the STS, SSO and SSO-OIDC clients by reflection (WebIdentityCredentialsUtils,
    // ProfileCredentialsUtils, SsoProfileCredentialsProviderFactory...), so a build without those modules only fails
    // when a profile or the environment needs them; aws-sdk-java v1 does the same for assume-role profiles.
    id: 'sdk-module-missing',
    title: 'A program lacks the part of the AWS SDK its profile needs (Java sts/sso modules, .NET AWSSDK.SecurityToken/SSO assemblies, botocore[crt])',
    group: 'credentials',
    patterns: [
      /the '(?:sts|sso|ssooidc)' service module must be on the class path/,
      /the aws-java-sdk-sts module must be on the class path/,
      /the 'auth-crt' core module must be on the class path/,
      // aws-sdk-net ServiceClientHelpers / SSOServiceClientHelpers: the STS and SSO clients are separate NuGet packages.
      /Assembly AWSSDK\.(?:SecurityToken|SSO|SSOOIDC) could not be found or loaded/,
      /\bMissingRuntimeDependencyException\b[^\n]*AWSSDK\.(?:SecurityToken|SSO|SSOOIDC)/,
      // botocore credentials.py (LoginProvider, DPoP): `aws login` sessions need the CRT extra.
      /You will need to pip install "?botocore\[crt\]"? before proceeding/,
    ],
    // The chain's summary lists this provider's reason among the others; this is the one that decides.
    supersedes: ['no-credentials-chain', 'no-credentials'],
    explanation:
      'The AWS SDK for Java only reaches STS, IAM Identity Center and SSO-OIDC through separate modules, which it looks for '
      + 'at run time. Web identity (EKS service accounts, IRSA, GitHub OIDC) and profiles with role_arn need the sts module; '
      + 'profiles with sso_* keys or an sso_session need sso and ssooidc. The program was built without the module the '
      + 'message names: add software.amazon.awssdk:sts (or :sso and :ssooidc) to its dependencies (Maven, Gradle, sbt; '
      + 'com.amazonaws:aws-java-sdk-sts for the SDK v1) and rebuild. A duo-sso profile holds keys itself and needs none '
      + 'of them: selecting it (AWS_PROFILE) also avoids the module. When the jars are there and it still says so, the '
      + 'class loader does not see them (an in-process runner such as mvn exec:java): run the program in its own JVM. The '
      + 'AWS SDK for .NET is the same with NuGet packages: add AWSSDK.SecurityToken (roles, web identity) or AWSSDK.SSO and '
      + 'AWSSDK.SSOOIDC (SSO profiles) to the project (with Native AOT, also register them in GlobalRuntimeDependencyRegistry). '
      + 'A Python program using a profile made by `aws login` needs the CRT extra: pip install "botocore[crt]".',
    fix: {
      description: 'Add the SDK module the message names (software.amazon.awssdk:sts, :sso, :ssooidc) to the program\'s dependencies and rebuild, or select a duo-sso profile',
      commands: [['duo-sso-setup', 'status']],
      automatic: false,
    },
    example: "WARN  s.a.a.a.c.i.WebIdentityCredentialsUtils | To use web identity tokens, the 'sts' service module must be on the class path.",
  },
  {
    // aws-sdk-php src/Credentials/CredentialProvider.php ini() and process(): the shared credentials file only (the
    // PHP SDK reads ~/.aws/config for profiles only with AWS_SDK_LOAD_NONDEFAULT_CONFIG), under HOME.
    id: 'php-sdk-credentials-file',
    title: 'The AWS SDK for PHP cannot read the profile from the credentials file',
    group: 'credentials',
    patterns: [
      /Cannot read (?:process )?credentials from (?<path>\S+)/,
      /No (?:credentials|credential_process) present in INI profile '(?<profile>[^'\n]+)'/,
      /'(?<profile>[^'\n]+)' not found in credentials file/,
    ],
    supersedes: ['no-credentials', 'aws-config-file-missing'],
    explanation:
      'The PHP SDK reads a profile from the shared credentials file, $HOME/.aws/credentials (or AWS_SHARED_CREDENTIALS_FILE), '
      + 'and not from ~/.aws/config unless AWS_SDK_LOAD_NONDEFAULT_CONFIG is set. It gets there only when a profile is asked '
      + 'for: a \'profile\' option in the client configuration (or AWS_PROFILE) makes it read that file even when '
      + '\'credentials\' are given in the code, so remove the \'profile\' option to use the keys you pass. Under a web server '
      + '(php-fpm, Apache, a queue worker) HOME is unset or another user\'s, so the path reads /.aws/credentials or a '
      + 'folder the server cannot read: give the file\'s path (AWS_SHARED_CREDENTIALS_FILE, or CredentialProvider::ini(NAME, '
      + 'PATH)) and let that user read it. A profile that lives only in ~/.aws/config (role_arn, sso) is "not found in '
      + 'credentials file": set AWS_SDK_LOAD_NONDEFAULT_CONFIG=1 or use the SDK\'s default chain.',
    fix: {
      description: 'Remove the \'profile\' option when the code passes credentials; otherwise point the SDK at the file (AWS_SHARED_CREDENTIALS_FILE) and check the profile is in it',
      commands: [['duo-sso-setup', 'status']],
      automatic: false,
    },
    describe: (f) => (f.path ? `The SDK looked for ${f.path}.` : f.profile ? `The SDK looked for profile '${f.profile}'.` : undefined),
    example: 'Aws\\Exception\\CredentialsException: Cannot read credentials from /.aws/credentials',
  },
  {
    // botocore credentials.py AssumeRoleProvider._get_role_config: role_arn with neither source (PartialCredentialsError,
    // cred_var "source_profile or credential_source"; both is source-profile-invalid's) and the PHP SDK's load_role_profile.
    id: 'assume-role-source-missing',
    title: 'A profile has role_arn but no source_profile or credential_source (or both)',
    group: 'credentials',
    patterns: [
      /Partial credentials found in assume-role, missing: source/,
      /Either source_profile or credential_source must be set using profile (?<profile>\S+), but not both/,
    ],
    supersedes: ['partial-credentials'],
    explanation:
      'A section with role_arn tells the SDK to assume that role, and it needs exactly one source of credentials to do so: '
      + 'source_profile = a profile with keys (or another role), or credential_source = Environment, Ec2InstanceMetadata or '
      + 'EcsContainer. Here it has neither (or both). Often a role_arn was left in [default] of ~/.aws/credentials, so every '
      + 'call without a profile tries to assume it: remove the role_arn line from that section, and keep the role in its own '
      + 'profile in ~/.aws/config with role_arn plus source_profile or credential_source (Ec2InstanceMetadata on EC2). '
      + 'duo-sso\'s profiles hold the keys themselves and have no role_arn.',
    fix: {
      description: 'Give the role profile one source (source_profile or credential_source), or remove the stray role_arn from the section the program reads',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli,profiles']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}' is the one to correct.` : undefined),
    example: 'botocore.exceptions.PartialCredentialsError: Partial credentials found in assume-role, missing: source_profile or credential_source',
  },
  {
    // botocore credentials.py SSOCredentialFetcher._get_credentials: `self._token_provider.load_token()` is None when a
    // profile with sso_session is reached as another profile's source_profile (boto/botocore#2828, fixed in later releases).
    id: 'sso-session-source-profile-bug',
    title: 'The AWS CLI fails on a role profile whose source_profile uses an [sso-session] (a botocore bug)',
    group: 'aws-cli',
    patterns: [/'NoneType' object has no attribute 'get_frozen_token'/],
    explanation:
      'Releases of the AWS CLI and botocore from late 2022 could not use a profile configured with sso_session (the '
      + '[sso-session NAME] block) as the source_profile of a role profile: the SSO token provider is not set up on that '
      + 'path. Update the AWS CLI (and boto3/botocore for Python programs), or write the SSO profile in the legacy form, '
      + 'with sso_start_url and sso_region in the profile itself instead of sso_session.',
    fix: {
      description: 'Update the AWS CLI / botocore, or put sso_start_url and sso_region straight into the SSO profile instead of an [sso-session] block',
      commands: [['aws', '--version']],
      automatic: false,
    },
    example: "$ aws s3 ls --profile role-access\n\n'NoneType' object has no attribute 'get_frozen_token'",
  },
  {
    // aws-actions/configure-aws-credentials src/CredentialsClient.ts validateCredentials and src/index.ts: with no keys
    // given and no OIDC token (the job lacks the id-token permission), the SDK's chain finds nothing.
    id: 'github-actions-oidc-permission',
    title: 'configure-aws-credentials in GitHub Actions found no credentials (no id-token permission, or empty inputs)',
    group: 'credentials',
    patterns: [
      /Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers/,
      /It looks like you might be trying to authenticate with OIDC\. Did you mean to set the `id-token` permission\?/,
      /Unable to get ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN) env variable/,
    ],
    supersedes: ['no-credentials'],
    explanation:
      'The action had neither keys nor a GitHub OIDC token to exchange. With role-to-assume and no keys it needs the job\'s '
      + 'OIDC token, which GitHub hands out only when the workflow or job grants `permissions: id-token: write` (with '
      + '`contents: read`, since naming one permission drops the defaults); pull requests from forks never get it. With '
      + 'keys, the secrets passed as aws-access-key-id / aws-secret-access-key were empty: a misspelt secret name, or '
      + 'secrets not passed to a reusable workflow (secrets: inherit). A role-to-assume taken from a variable that is not '
      + 'set is empty as well.',
    fix: {
      description: 'Add `permissions: id-token: write` and `contents: read` to the workflow or job (or pass the key secrets it names), then run it again',
      commands: [],
      automatic: false,
    },
    example: 'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
  },
  {
    // aws-cdk packages/aws-cdk lib/api/environment-resources / cxapp: the CLI resolves the default account from the
    // credentials of the profile and its region; with neither it cannot pick an account for an env-agnostic stack.
    id: 'cdk-account-unresolved',
    title: 'The AWS CDK CLI cannot resolve an account from the profile (no credentials or no region)',
    group: 'credentials',
    patterns: [/Unable to resolve AWS account to use/],
    supersedes: ['no-credentials-chain'],
    explanation:
      'cdk synth, deploy and bootstrap take the account and region from the profile the CLI uses (--profile, AWS_PROFILE, '
      + 'or [default]), by calling STS with its credentials. This fails when the profile has no credentials (or they have '
      + 'expired: log in again), when the profile has no region (add region to the profile in ~/.aws/config, or set '
      + 'AWS_REGION; older CDK releases read the region only from there), or when STS cannot be reached in time (a proxy or a '
      + 'slow resolver). A profile only the AWS CLI understands (a newer sso_session form, a credential_process) may need '
      + 'a newer CDK CLI. Check the same profile with aws sts get-caller-identity.',
    fix: {
      description: 'Give the profile a region (aws configure set region ...) and fresh credentials, then pass it to cdk with --profile',
      commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', '<profile>'], ['duo-sso-setup', 'login', '--profile', '<profile>'], ['aws', 'sts', 'get-caller-identity', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'Unable to resolve AWS account to use. It must be either configured when you define your CDK Stack, or through the environment',
  },
  {
    // aws-sdk-net: the legacy ProfileManager / StoredProfileAWSCredentials (the encrypted SDK store only) and the
    // CredentialProfileStoreChain lookups that .NET programs and the SDK's own fallback make.
    id: 'dotnet-profile-not-found',
    title: 'A .NET program cannot find the AWS profile it was told to use',
    group: 'credentials',
    patterns: [
      /A profile named (?<profile>\S+) has not been registered or contains invalid data/,
      /Unable to find (?:the "(?<profile>[^"\n]+)" profile|a default profile|profile(?: \S+)?) in CredentialProfileStoreChain/,
    ],
    supersedes: ['no-credentials-chain', 'credentials-under-default'],
    explanation:
      'The AWS SDK for .NET has two profile stores: the encrypted SDK store (RegisteredAccounts.json, Windows only, written '
      + 'by the AWS Toolkit or Set-AWSCredential) and the shared credentials file ~/.aws/credentials that the AWS CLI and '
      + 'duo-sso write. The old ProfileManager / StoredProfileAWSCredentials API reads only the SDK store, so a profile in '
      + '~/.aws/credentials "has not been registered": read it with CredentialProfileStoreChain or SharedCredentialsFile '
      + 'instead. Otherwise the profile name is not in either store: check the name (AWS_PROFILE, the AWS:Profile setting), '
      + 'and that the program runs as you (an IIS application pool or a Windows service has another user profile and '
      + 'another ~/.aws).',
    fix: {
      description: 'Read profiles through CredentialProfileStoreChain / SharedCredentialsFile (not ProfileManager), and check the profile is in ~/.aws/credentials of the user the program runs as',
      commands: [['duo-sso-setup', 'status']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `The program asked for profile '${f.profile}'.` : undefined),
    example: 'Amazon.Runtime.AmazonClientException: A profile named default has not been registered or contains invalid data.',
  },
  {
    // STS GetSessionToken (API reference): its credentials cannot call IAM unless the request carried MFA, nor any STS
    // API but AssumeRole and GetCallerIdentity. aws-vault exec hands out exactly such a session for an IAM user's keys.
    id: 'session-token-iam-needs-mfa',
    title: 'IAM refuses a GetSessionToken session made without MFA (aws-vault exec with an IAM user)',
    group: 'credentials',
    patterns: [
      /aws-vault\b[^\n]*\bexec\b[^\n]*--\s*aws\s+iam\b[\s\S]*?\bInvalidClientTokenId\b/,
      /(?:aws-vault|GetSessionToken|get-session-token)[\s\S]*?\(InvalidClientTokenId\)[^\n]*when calling the (?:List|Get|Create|Delete|Update|Put|Attach|Detach|Add|Remove|Tag|Untag|Upload|Enable|Deactivate|Generate|Simulate|Change)(?:Users?|Roles?|Groups?|Polic(?:y|ies)|AccessKeys?|AccountSummary|AccountAuthorizationDetails|LoginProfile|MFADevices?|VirtualMFADevices?|InstanceProfiles?|AccountAliases|UserPolicy|RolePolicy|GroupPolicy|PolicyVersion|CredentialReport|AccountPasswordPolicy|GroupsForUser|AttachedUserPolicies|AttachedRolePolicies|SSHPublicKeys?|ServerCertificates?|OpenIDConnectProviders?|SAMLProviders?|Password) operation/,
    ],
    supersedes: ['invalid-credentials'],
    explanation:
      'The keys are fine: the session made from them is what IAM refuses. aws-vault exec (and anything that calls '
      + 'GetSessionToken for an IAM user) hands the command temporary credentials, and AWS does not accept those for any IAM '
      + 'API unless the session was made with an MFA code, nor for STS calls other than AssumeRole and GetCallerIdentity; '
      + 'other services work, which makes it look like a broken key. Either attach an MFA device to the IAM user and '
      + 'configure mfa_serial = ARN-OF-THE-DEVICE in the profile (recommended: aws-vault then asks for the code), or run '
      + 'aws-vault exec --no-session for IAM work, or assume a role (role_arn) for it. An aws-vault whose environment loses '
      + 'AWS_SESSION_TOKEN fails the same way: check with aws-vault exec PROFILE -- env.',
    fix: {
      description: 'Configure mfa_serial for the IAM user\'s profile (or use aws-vault exec --no-session for IAM calls)',
      commands: [['aws', 'configure', 'set', 'mfa_serial', '<mfa-device-arn>', '--profile', '<profile>']],
      automatic: false,
    },
    example: '$ aws-vault exec a -- aws iam list-users\n\nAn error occurred (InvalidClientTokenId) when calling the ListUsers operation: The security token included in the request is invalid',
  },
  {
    // botocore's credential chain tries the shared credentials file before the profile's credential_process; a helper
    // that also writes its session into ~/.aws/credentials (gsts, older login tools) leaves keys there that win forever.
    id: 'credentials-file-shadows-process',
    title: 'Expired keys in ~/.aws/credentials hide the profile\'s credential_process',
    group: 'credentials',
    patterns: [/credential_process\s*=[\s\S]*\bExpiredToken\b|\bExpiredToken\b[\s\S]*credential_process\s*=/],
    supersedes: ['session-expired'],
    explanation:
      'The profile gets its credentials from a credential_process in ~/.aws/config, but ~/.aws/credentials also has a section '
      + 'of the same name with keys: the AWS CLI and the SDKs read that file first and never run the process, so once those '
      + 'keys expire every call fails with ExpiredToken. The keys there are usually a session the helper (gsts, a login '
      + 'script) wrote earlier. Remove that section from ~/.aws/credentials (only the section of this profile; other '
      + 'profiles there are unaffected), and, if the helper keeps writing it, point the helper\'s own cache elsewhere. A '
      + 'duo-sso profile is the other way round: it lives in ~/.aws/credentials and has no credential_process.',
    fix: {
      description: 'Delete the profile\'s stale section from ~/.aws/credentials so its credential_process runs, then try again',
      commands: [['aws', 'configure', 'list', '--profile', '<profile>']],
      automatic: false,
    },
    example: '[profile heydonovan]\ncredential_process = gsts --idp-id=REDACTED --sp-id=REDACTED --aws-profile=heydonovan --json\n\n$ aws sts get-caller-identity --profile heydonovan\n\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired',
  },
  {
    // aws-sdk-java v1 AwsRegionProviderChain: environment, system property, profile, then EC2 metadata
    // (InstanceMetadataRegionProvider / EC2MetadataUtils.getEC2InstanceRegion), which off EC2 cannot be reached.
    id: 'java-region-from-imds',
    title: 'A Java program (AWS SDK v1) asked the EC2 metadata service for the region or credentials it was not given',
    group: 'aws-cli',
    patterns: [
      /Unable to retrieve the requested metadata \(\/latest\/dynamic\/instance-identity\/document\)/,
      /\bEC2MetadataUtils\.getEC2InstanceRegion\b|\bInstanceMetadataRegionProvider\.(?:tryDetectRegion|getRegion)\b/,
      // EC2ResourceFetcher's own words: the SDK v1 uses it only for the instance and container metadata endpoints.
      /\bSdkClientException: Failed to connect to service endpoint\b/,
    ],
    supersedes: ['imds-fallback', 'connection-failed', 'connection-refused', 'network-timeout'],
    explanation:
      'The AWS SDK for Java v1 (and tools built on it: sbt-s3-resolver, older Hadoop/Spark S3 connectors, Jenkins and Gradle '
      + 'plugins) takes the region from AWS_REGION, the aws.region system property or the profile\'s region in '
      + '~/.aws/config, and only then asks the EC2 metadata service, which exists only on EC2: "Failed to connect to service '
      + 'endpoint" means no region was set anywhere. Set the region: export AWS_REGION, add region to the profile, or give '
      + 'the tool its own region setting (for sbt-s3-resolver, the bucket\'s region in the s3:// URL, e.g. '
      + 's3://bucket.s3-eu-west-1.amazonaws.com/...). The same words from the credentials provider '
      + '(InstanceProfileCredentialsProvider, at the end of the default chain) mean no credentials were found first: select '
      + 'a logged-in profile (AWS_PROFILE) for the program; only on EC2 is the instance\'s role the thing to check.',
    fix: {
      description: 'Set the region for the program (AWS_REGION, region in the profile, or the tool\'s own region setting)',
      commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'WARNING: Unable to retrieve the requested metadata (/latest/dynamic/instance-identity/document). Failed to connect to service endpoint:\ncom.amazonaws.SdkClientException: Failed to connect to service endpoint:\n\tat com.amazonaws.internal.EC2ResourceFetcher.doReadResource(EC2ResourceFetcher.java:100)\n\tat com.amazonaws.util.EC2MetadataUtils.getEC2InstanceRegion(EC2MetadataUtils.java:287)',
  },
  {
    // botocore/exceptions.py NoCredentialsError, raised in a Python program (boto3, or a tool on it): the AWS CLI prints
    // the same words without the class name, which stays no-credentials'. A program's botocore reads the profile kinds
    // of its own release (sso_session from 1.28, `login` much later), not those of the AWS CLI beside it.
    id: 'boto3-no-credentials',
    title: 'A Python program (boto3) found no credentials where the AWS CLI may find them',
    group: 'credentials',
    patterns: [/\bbotocore\.exceptions\.NoCredentialsError\b/, /^NoCredentialsError: Unable to locate credentials/m],
    supersedes: ['no-credentials'],
    explanation:
      'The program uses its own boto3/botocore, not the AWS CLI\'s. If `aws sts get-caller-identity --profile NAME` works '
      + 'and the program does not, the program\'s botocore is too old for the profile kind (IAM Identity Center profiles '
      + 'with sso_session, credential_process features, newer login methods): upgrade boto3 and botocore in the program\'s '
      + 'environment (pip install -U boto3 botocore, or the tool\'s own release), or hand it the profile\'s credentials '
      + '(eval "$(aws configure export-credentials --profile NAME --format env)"). Otherwise it was given no profile (so '
      + '[default] was used: set AWS_PROFILE=NAME or the tool\'s profile option), the profile has not been logged in, or '
      + 'the program runs with another HOME (sudo, cron, a container, an IDE) and does not see ~/.aws.',
    fix: {
      description: 'Check the profile with the AWS CLI; if it works there, upgrade boto3/botocore for the program (pip install -U boto3 botocore) and pass the profile (AWS_PROFILE)',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['python3', '-m', 'pip', 'install', '--upgrade', 'boto3', 'botocore'], ['duo-sso-setup', 'status']],
      automatic: false,
    },
    example: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials',
  },
  {
    // aws-vault reads profiles from ~/.aws/config only (cli/exec.go, cli/login.go: "Profile '%s' not found in your aws
    // config"; v4's cli/add.go before 4.2.1 could not create the file: "No iniFile to add to"). aws-okta, forked from it,
    // words the first one the same way (its "Use list command" hint too), so only aws-vault's own prefix decides.
    id: 'aws-vault-profile-missing',
    title: 'aws-vault finds no such profile in ~/.aws/config (or no ~/.aws/config at all)',
    group: 'credentials',
    patterns: [
      /aws-vault: error: [^\n]*Profile '(?<profile>[^'\n]+)' not found in your aws config/i,
      /No iniFile to add to/,
    ],
    supersedes: ['aws-okta-setup'],
    explanation:
      'aws-vault keeps the keys in its keyring but reads profiles only from ~/.aws/config (or AWS_CONFIG_FILE): a profile '
      + 'that exists only in ~/.aws/credentials, or is written [NAME] instead of [profile NAME] in the config file, is not '
      + 'found. Add a [profile NAME] section to ~/.aws/config (region, and role_arn/mfa_serial if it assumes a role) and '
      + 'check with aws-vault list. Releases before 4.2.1 could not even add a profile when ~/.aws/config did not exist '
      + '("No iniFile to add to"): create the file first (touch ~/.aws/config) or upgrade aws-vault.',
    fix: {
      description: 'Create ~/.aws/config if it is missing (touch ~/.aws/config), add a [profile NAME] section there, and check with aws-vault list',
      commands: [['aws-vault', 'list'], ['aws-vault', '--version']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `aws-vault looked for profile '${f.profile}'.` : undefined),
    example: "aws-vault: error: Profile 'dev' not found in your aws config. Use list command to see configured profiles",
  },
];
