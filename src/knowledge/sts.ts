// Failures AWS STS reports while duo-sso trades the SAML assertion for credentials
// (AssumeRoleWithSAML), or while a signed call uses them (GetCallerIdentity).
import type { KnownFailure } from './types.js';

const LOGIN = ['duo-sso-setup', 'login'];

export const stsFailures: readonly KnownFailure[] = [
  {
    id: 'max-session-duration',
    title: 'Requested session longer than the role allows',
    group: 'sts',
    patterns: [
      /DurationSeconds exceeds (?:the )?MaxSessionDuration set for (?:this|the) role/i,
      // gsts (credentials-manager.js): it read the role's maximum and warns before asking for less.
      /Custom session duration \d+ exceeds maximum session duration of \d+ allowed for role/,
    ],
    explanation:
      'duo-sso asked STS for a session longer than the IAM role\'s MaxSessionDuration (admin and devops roles default to 1 hour; '
      + 'duo-sso\'s own default is 8 hours). AWS names neither number. '
      + 'Lowering session_duration_seconds to 3600 for that profile always works; a longer session needs the role\'s maximum raised '
      + '(`aws iam update-role --role-name ROLE --max-session-duration 14400`, non-production accounts only without SRE approval).',
    fix: {
      description: 'Lower only the failing profile to 3600 seconds and log in again (login does this by itself and remembers it)',
      commands: [LOGIN],
      automatic: true,
    },
    describe: (f) => (f.role ? `Role '${f.role}' refused the requested duration.` : undefined),
    example: "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role",
  },
  {
    id: 'role-chaining-limit',
    title: 'Role chaining is capped at one hour',
    group: 'sts',
    patterns: [/exceeds the 1 hour session limit for roles assumed by role chaining/i],
    explanation:
      'The role was assumed with credentials that themselves came from a role (role chaining). AWS caps such sessions at 1 hour, '
      + 'whatever the role\'s MaxSessionDuration says.',
    fix: {
      description: 'Ask for 3600 seconds or less',
      commands: [[...LOGIN, '--session-duration', '3600']],
      automatic: true,
    },
    example: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  },
  {
    id: 'expired-assertion',
    title: 'SAML assertion redeemed too late',
    group: 'sts',
    patterns: [/Token must be redeemed within 5 minutes/i, /\(ExpiredTokenException\) when calling the AssumeRoleWithSAML operation/],
    explanation:
      'STS accepts a SAML assertion only within 5 minutes of its issue. A Duo push approved late, a laptop that slept mid-login, '
      + 'a replayed `-saml` response or a clock minutes off makes it stale.',
    fix: {
      description: 'Log in again (login retries once by itself); if it keeps happening, check the clock',
      commands: [LOGIN, ['duo-sso-setup', 'doctor', '--only', 'clock']],
      automatic: true,
    },
    example: 'An error occurred (ExpiredTokenException) when calling the AssumeRoleWithSAML operation: Token must be redeemed within 5 minutes of issuance',
  },
  {
    id: 'access-denied-role',
    title: 'Not allowed to assume this role',
    group: 'sts',
    patterns: [
      /Not authorized to perform:? sts:AssumeRoleWithSAML/i,
      /\(AccessDenied\) when calling the AssumeRoleWithSAML operation/,
      /via STS: AccessDenied\b/,
      // duo-sso's own "… is not available to you" (before any STS call) is profile-not-available.
    ],
    supersedes: ['action-not-allowed'],
    explanation:
      'The SAML assertion does not grant the account and role the profile asks for, or the role\'s trust policy does not trust '
      + 'the SAML provider. Usually a typo in aws_account_id or aws_role_name (role names are case-sensitive; a numeric account '
      + 'id that lost its leading zero), or access that was never granted or has been removed. On the administrators\' side: '
      + 'the trust policy must name the IAM SAML provider as Principal and allow sts:AssumeRoleWithSAML, plus sts:TagSession '
      + 'when the IdP sends PrincipalTag attributes and sts:SetSourceIdentity when it sends SourceIdentity; its SAML:aud '
      + 'condition must match the audience the IdP sends; the assertion needs a Subject NameID.',
    fix: {
      description: 'Compare the profile\'s account and role with what your assertion grants; ask for access if the role is not listed',
      commands: [['duo-sso-setup', 'config', 'profiles'], ['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']],
      automatic: false,
    },
    describe: (f) => (f.role ? `The role asked for was '${f.role}'${f.account ? ` in account ${f.account}` : ''}.` : undefined),
    example: "Failed to Assume Role 'admin' via STS: AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML",
  },
  {
    id: 'idp-rejected-claim',
    title: 'AWS rejected a claim in the SAML assertion',
    group: 'sts',
    // The Java SDK v2 spells the class IdpRejectedClaimException.
    patterns: [/IDPRejectedClaim/i],
    explanation:
      'The identity provider\'s assertion names something AWS will not accept: the SAML provider ARN in the Role attribute does '
      + 'not exist in that account, the audience is not https://signin.aws.amazon.com/saml, or the role\'s trust policy '
      + 'conditions (SAML:aud and friends) fail. Nothing on this machine can fix it; the account or IdP administrators can.',
    fix: {
      description: 'Inspect the assertion (provider ARN, audience) and send the result to the account administrators',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']],
      automatic: false,
    },
    example: 'An error occurred (IDPRejectedClaim) when calling the AssumeRoleWithSAML operation: Error authenticating with the identity provider.',
  },
  {
    id: 'invalid-identity-token',
    title: 'AWS could not validate the SAML assertion',
    group: 'sts',
    patterns: [
      /InvalidIdentityToken/, /Response signature invalid/i,
      // IAM's SAML troubleshooting page: the issuer or the provider's metadata do not match the assertion.
      /Issuer not present in specified provider/, /\bAuthSamlInvalidSamlResponseException\b/, /\b(?:Could not|Unable to) parse metadata\b/,
    ],
    explanation:
      'STS could not verify the assertion: its signature does not match the metadata uploaded to the IAM SAML provider (the IdP '
      + 'rotated its certificate: an administrator runs `aws iam update-saml-provider` with the new metadata), its Issuer is not '
      + 'the one in that metadata, or a value such as RoleSessionName is not acceptable to AWS (2–64 characters of [\\w+=,.@-]).',
    fix: {
      description: 'Check issuer, RoleSessionName and validity in the assertion; a signature error needs the IAM SAML provider\'s metadata refreshed by an administrator',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']],
      automatic: false,
    },
    example: "Failed to Assume Role 'devops' via STS: InvalidIdentityToken: Response signature invalid",
  },
  {
    id: 'clock-skew',
    title: 'This machine\'s clock is wrong',
    group: 'sts',
    patterns: [
      /Signature expired: (?<sigTime>\d{8}T\d{6}Z) is now earlier than (?<earliest>\d{8}T\d{6}Z) \((?<serverTime>\d{8}T\d{6}Z) - 15 min\.\)/,
      /Signature not yet current: (?<sigTime>\d{8}T\d{6}Z) is still later than (?<latest>\d{8}T\d{6}Z) \((?<serverTime>\d{8}T\d{6}Z) \+ 15 min\.\)/,
      /RequestTimeTooSkewed/,
      // DynamoDB/Kinesis-style services name the same refusal InvalidSignatureException.
      /\bInvalidSignatureException: Signature (?:expired|not yet current)\b/,
      /The difference between the request time and the current time is too large/,
      /\bRequestExpired\b|Request has expired\b/,
      /Signature expired: \S+ is now earlier than/,
    ],
    supersedes: ['signature-mismatch'],
    explanation:
      'AWS refuses signed requests whose time is more than 15 minutes away from its own. The credentials may be fine; '
      + 'the clock is not. Time sync is often off in WSL after the host slept (sudo hwclock -s resets it), in Docker Desktop\'s '
      + 'VM after the laptop slept (restart Docker Desktop: containers take its clock), and in VMs restored from a snapshot.',
    fix: {
      description: 'Turn on time synchronisation, then retry',
      commands: [['sudo', 'timedatectl', 'set-ntp', 'true']],
      platformCommands: {
        darwin: [['sudo', 'sntp', '-sS', 'time.apple.com']],
        win32: [['w32tm', '/resync']],
      },
      automatic: false,
    },
    describe: (f) => {
      if (f.skewSeconds === undefined) return undefined;
      const minutes = Math.round(Math.abs(f.skewSeconds) / 60);
      return `This machine's clock is about ${minutes} minute${minutes === 1 ? '' : 's'} ${f.skewSeconds > 0 ? 'behind' : 'ahead of'} AWS.`;
    },
    example: 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20261126T093000Z is now earlier than 20261126T094812Z (20261126T100312Z - 15 min.)',
  },
  {
    id: 'region-disabled',
    title: 'STS is not activated in this region',
    group: 'sts',
    patterns: [
      /RegionDisabledException/, /STS is not activated in this region/i,
      // Common error of every query API (STS API reference "Common Errors"): the account has not opted in.
      /\bOptInRequired\b/,
    ],
    explanation:
      'The AWS CLI or duo-sso called the regional STS endpoint of a region the account has not activated for STS. '
      + 'us-east-1 always works; an administrator can activate the region under IAM / Account settings. Regions launched '
      + 'after 2019 (af-south-1, ap-east-1, eu-south-1, me-south-1 and later) are opt-in: until the account enables the '
      + 'region (Account settings, Regions), calls there fail (OptInRequired), and session tokens from the global STS '
      + 'endpoint are not valid there (use the regional endpoint: AWS_STS_REGIONAL_ENDPOINTS=regional).',
    fix: {
      description: 'Use a region where STS is active for this profile',
      commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (RegionDisabledException) when calling the GetCallerIdentity operation: STS is not activated in this region for account:626007623524. Your account administrator can activate STS in this region using the IAM Console.',
  },
  {
    id: 'sts-unreachable',
    title: 'STS cannot be reached over the network',
    group: 'sts',
    patterns: [
      /RequestError: send request failed/,
      // The Go SDK v2's form (smithy-go transport/http RequestSendError around Go's url.Error).
      /\brequest send failed, (?:Post|Get) "https:\/\/sts[.-]/,
      /Could not connect to the endpoint URL: "?https:\/\/sts\./,
      /Inaccessible host: [`'"]sts\./,
      /(?:getaddrinfo ENOTFOUND|dial tcp: lookup) sts[\w.-]*\.amazonaws\.com/,
    ],
    explanation:
      'The request to AWS STS never got an answer: no network, a VPN or firewall blocking it, a proxy that HTTPS_PROXY does '
      + 'not name, or a DNS failure; a network that reaches AWS only through a VPC endpoint needs the regional STS endpoint '
      + '(AWS_STS_REGIONAL_ENDPOINTS=regional, and a region set). The login itself may have succeeded; only the exchange '
      + 'for AWS credentials failed. '
      + '(When the message names the layer, the network entries above say more.)',
    fix: {
      description: 'See at which layer (DNS, TCP, TLS, proxy) STS is out of reach, then log in again',
      commands: [['duo-sso-setup', 'doctor', '--only', 'network'], LOGIN],
      automatic: false,
    },
    example: 'Could not connect to the endpoint URL: "https://sts.us-east-1.amazonaws.com/"',
  },
  {
    id: 'saml-provider-invalid',
    title: 'The Role attribute names a role or SAML provider AWS does not accept',
    group: 'sts',
    patterns: [
      // STS's parameter validation: the ARNs parsed out of the assertion's Role attribute.
      /Value '[^']*' at '(?:principalArn|roleArn)' failed to satisfy constraint/,
      /\b(?:principalArn|PrincipalArn|roleArn|RoleArn)\b[^\n]*(?:failed to satisfy constraint|must have length|is invalid|not a valid)/,
      /Specified provider doesn'?t exist/i,
      // Go SDK v1 validates before sending: "minimum field size of 20, AssumeRoleWithSAMLInput.PrincipalArn".
      /\bAssumeRoleWithSAMLInput\.(?:PrincipalArn|RoleArn)\b/,
      /SAML Assertion doesn'?t contain the requested Role/i,
      /Invalid principal in policy: "?SAML/i,
      /\bInvalid SAML (?:response|assertion|provider)\b/i,
      // The sign-in page's error when the assertion has no Role attribute (IAM troubleshooting page).
      /Your request included an invalid SAML response/i,
      // botocore validate.py (client side, before the call): "Invalid length for parameter PrincipalArn, value: 5, valid min length: 20".
      /Invalid length for parameter (?:PrincipalArn|RoleArn)\b/,
      // STS ValidationError for a role_arn that is not an ARN (AssumeRole and AssumeRoleWithSAML).
      /Request ARN is invalid/,
    ],
    supersedes: ['invalid-identity-token', 'access-denied-role', 'malformed-policy-document'],
    explanation:
      'AssumeRoleWithSAML takes the role ARN and the SAML provider ARN from the assertion\'s Role attribute '
      + '("arn:aws:iam::ACCOUNT:role/NAME,arn:aws:iam::ACCOUNT:saml-provider/NAME"). STS refused them: an ARN shorter than '
      + '20 characters or malformed (an account id that lost digits, the pair in the wrong order, spaces), or a provider '
      + 'that does not exist in that account (the name in the assertion must match the IAM SAML provider\'s name exactly). When '
      + 'the assertion has no https://aws.amazon.com/SAML/Attributes/Role attribute at all, the sign-in page says "Your request '
      + 'included an invalid SAML response". The IdP\'s attribute mapping, or the profile\'s account/role, is wrong.',
    fix: {
      description: 'Read the Role attribute in your assertion and compare account, role and provider with the profile; send a wrong mapping to the IdP administrators',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    example: "An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: 1 validation error detected: Value 'arn:aws:iam::1:x' at 'principalArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
  },
  {
    id: 'role-session-name-invalid',
    title: 'The session name (RoleSessionName) is not acceptable to AWS',
    group: 'sts',
    patterns: [
      /Value '[^']*' at 'roleSessionName' failed to satisfy constraint/i, /RoleSessionName[^\n]*(?:failed to satisfy|must satisfy|pattern|length)/i,
      // STS's SAML wording (IAM troubleshooting page) and botocore's client-side validation.
      /RoleSessionName (?:is required in AuthnResponse|in AuthnResponse must match)/, /Source Identity must match/,
      /Invalid length for parameter RoleSessionName\b/,
    ],
    supersedes: ['invalid-identity-token'],
    explanation:
      'STS takes the session name from the assertion (the https://aws.amazon.com/SAML/Attributes/RoleSessionName attribute) or '
      + 'the tool: 2 to 64 characters of letters, digits and +=,.@_-. A missing attribute, a name with a space, a backslash '
      + '(DOMAIN\\user) or more than 64 characters is refused; the SourceIdentity attribute follows the same rule and may not '
      + 'start with "aws:".',
    fix: {
      description: 'Check the RoleSessionName in your assertion; the IdP administrators must map it to a plain user name or email',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']],
      automatic: false,
    },
    example: "An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: 1 validation error detected: Value 'John Doe' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
  },
  {
    id: 'signature-mismatch',
    title: 'AWS computed a different signature: the secret key does not match the access key',
    group: 'credentials',
    patterns: [
      /The request signature we calculated does not match the signature you provided/,
      /\bSignatureDoesNotMatch\b(?![^\n]*Signature (?:expired|not yet current))/,
    ],
    explanation:
      'The access key id is known to AWS, but the request was signed with another secret key: aws_secret_access_key was '
      + 'pasted wrong (a missing character, a trailing space), belongs to another key, or AWS_SECRET_ACCESS_KEY in the '
      + 'environment overrides the profile. A secret with + or / that was URL-encoded or quoted on the way, or a proxy that '
      + 'rewrites the request, gives the same answer. (A clock that is off says "Signature expired" instead.) For a presigned '
      + 'URL, the request must send exactly the headers it was signed with (Content-Type, checksum headers) to the endpoint '
      + 'of the bucket\'s region.',
    fix: {
      description: 'See where the profile\'s keys come from (environment or files) and log in again to rewrite them',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  },
  {
    id: 'assume-role-denied',
    title: 'Not allowed to assume a role from these credentials (AssumeRole)',
    group: 'sts',
    supersedes: ['action-not-allowed'],
    patterns: [
      /is not authorized to perform: sts:(?:AssumeRole|TagSession|SetSourceIdentity) on resource/,
      /\(AccessDenied\) when calling the AssumeRole operation/,
      /operation error STS: AssumeRole,[^\n]*AccessDenied/,
      /MultiFactorAuthentication failed/,
      /Cannot call Get(?:FederationToken|SessionToken) with session credentials/,
      /Roles may not be assumed by root accounts/,
      // hashicorp/aws-sdk-go-base v1 (Terraform's AWS provider and S3 backend before 4.x/1.6) around an AssumeRole failure.
      /IAM Role \(arn:aws[\w-]*:iam::\d{12}:role\/[^)\s]+\) cannot be assumed/,
    ],
    explanation:
      'A profile with role_arn (and source_profile) asked STS to assume a role, and the role\'s trust policy does not trust '
      + 'the identity the source credentials belong to, or it requires MFA the call did not give (a code already used, or '
      + 'from another device than mfa_serial names, fails the same way). When the action named is sts:TagSession or '
      + 'sts:SetSourceIdentity, the trust policy allows sts:AssumeRole but not the session tags or source identity the '
      + 'caller sends: the trust policy must allow that action too. This is the second hop after the duo-sso login, not '
      + 'the SAML login itself.',
    fix: {
      description: 'Check which identity the source profile is, and ask the role\'s owners to trust it (or use the duo-sso profile for that role directly)',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    describe: (f) => (f.role ? `The role asked for was '${f.role}'${f.account ? ` in account ${f.account}` : ''}.` : undefined),
    example: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::626007623524:assumed-role/readonly/jdoe is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/deploy',
  },
  {
    // STS API reference (DurationSeconds 900–43200) as STS, botocore validate.py and the Go SDK v1's
    // request/validation.go ("minimum field value of 900, AssumeRoleWithSAMLInput.DurationSeconds") word it.
    id: 'session-duration-out-of-range',
    title: 'The requested session duration is outside 15 minutes to 12 hours',
    group: 'sts',
    patterns: [
      /Value '[^'\n]*' at 'durationSeconds' failed to satisfy constraint/i,
      /Invalid (?:value|range) for parameter DurationSeconds\b/,
      /minimum field value of \d+, \w+Input\.DurationSeconds/,
    ],
    supersedes: ['max-session-duration'],
    explanation:
      'STS accepts DurationSeconds from 900 (15 minutes) to 43200 (12 hours), and never more than the role\'s '
      + 'MaxSessionDuration. A session_duration_seconds or duration_seconds below 900 (minutes typed where seconds belong) or '
      + 'above 43200 is refused before the role is even considered.',
    fix: {
      description: 'Set the profile\'s session duration in seconds, between 900 and the role\'s maximum (3600 always works)',
      commands: [['duo-sso-setup', 'login', '--session-duration', '3600'], ['duo-sso-setup', 'doctor', '--only', 'session-duration']],
      automatic: false,
    },
    example: "An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: 1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
  },
  {
    // AssumeRoleWithWebIdentity (GitHub Actions OIDC, EKS IRSA, web_identity_token_file): STS API
    // reference errors InvalidIdentityToken, IDPCommunicationError, AccessDenied for that action.
    id: 'web-identity-rejected',
    title: 'STS refused a web identity (OIDC) token, not a duo-sso SAML login',
    group: 'sts',
    patterns: [
      /(?<!["'])sts:AssumeRoleWithWebIdentity\b/,
      /when calling the AssumeRoleWithWebIdentity operation/,
      /operation error STS: AssumeRoleWithWebIdentity\b/,
      /No OpenIDConnect provider found in your account for/,
      /Incorrect token audience/,
      /Couldn'?t retrieve verification key from your identity provider/,
      /\bIDPCommunicationError(?:Exception)?\b/i,
      /Could not assume role with OIDC/,
      // The token file AWS_WEB_IDENTITY_TOKEN_FILE names is not there (a variable left from a pod or CI job): Go SDK v2
      // credentials/stscreds web_identity_provider.go, botocore utils FileWebIdentityTokenLoader, JS SDK v3 fromTokenFile.
      /failed to retrieve jwt from provide source, unable to read file at \S+/,
      /WebIdentityErr: unable to read file at \S+/,
      /ENOENT: no such file or directory, open '[^'\n]*(?:serviceaccount\/token|token)'[\s\S]{0,200}?fromTokenFile|fromTokenFile[\s\S]{0,200}?ENOENT/,
    ],
    supersedes: ['invalid-identity-token', 'access-denied-role', 'assume-role-denied', 'idp-rejected-claim', 'action-not-allowed'],
    explanation:
      'The credentials came from an OIDC token (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, a GitHub Actions or EKS service '
      + 'account role), not from duo-sso. The role\'s trust policy must name that OIDC provider (registered in the account with '
      + 'the right URL and audience, usually sts.amazonaws.com) and its conditions (the token\'s sub and aud) must match the '
      + 'token. On a laptop, AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE left in the environment override the duo-sso profile: '
      + 'unset them.',
    fix: {
      description: 'Off CI: unset AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE and use the duo-sso profile. On CI: the role owners must trust the OIDC provider with matching sub/aud conditions',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials'], ['env', '-u', 'AWS_ROLE_ARN', '-u', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'aws', 'sts', 'get-caller-identity', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
  },
  {
    // STS API reference: PackedPolicyTooLarge on AssumeRole, AssumeRoleWithSAML, GetFederationToken.
    id: 'packed-policy-too-large',
    title: 'Session tags and session policy are too large for STS',
    group: 'sts',
    patterns: [
      /\bPackedPolicyTooLarge\b/,
      /Packed policy consumes \d+% of allotted space/,
      /total packed size of the session policies and session tags combined was too large/,
    ],
    explanation:
      'STS packs the session policy and the session tags into a fixed space. With SAML, the tags come from the IdP\'s '
      + 'PrincipalTag and TransitiveTagKeys attributes (often one per group a user is in): too many or too long and every login '
      + 'of that user fails. Nothing on this machine can change it; the IdP administrators must send fewer or shorter tags.',
    fix: {
      description: 'Inspect the assertion\'s PrincipalTag attributes and send them to the IdP administrators',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']],
      automatic: false,
    },
    example: 'An error occurred (PackedPolicyTooLarge) when calling the AssumeRoleWithSAML operation: Packed policy consumes 114% of allotted space, please use smaller policy for your request.',
  },
  {
    // STS/IAM MalformedPolicyDocument (a session policy passed with --policy, or a trust policy being saved).
    id: 'malformed-policy-document',
    title: 'A policy document was refused as malformed',
    group: 'sts',
    patterns: [/\bMalformedPolicyDocument(?:Exception)?\b/, /The request was rejected because the policy document was malformed/],
    explanation:
      'STS or IAM could not accept a policy: a session policy passed to assume-role (--policy, policy in a tool\'s config) or a '
      + 'trust policy being saved is not valid JSON, uses an unknown action or condition key, or names a principal that does '
      + 'not exist (a deleted role, or a SAML provider ARN with a typo).',
    fix: {
      description: 'Validate the policy the message is about (JSON syntax, principal ARNs); for a session policy, drop it to see whether the role works without',
      commands: [['aws', 'accessanalyzer', 'validate-policy', '--policy-type', 'IDENTITY_POLICY', '--policy-document', 'file://<policy.json>']],
      automatic: false,
    },
    example: 'An error occurred (MalformedPolicyDocument) when calling the AssumeRole operation: Syntax errors in policy.',
  },
  {
    // Common errors of every AWS query API (STS API reference "Common Errors"): a request sent
    // without a complete signature.
    id: 'request-unsigned',
    title: 'The request reached AWS without (complete) credentials',
    group: 'credentials',
    patterns: [
      /\bMissingAuthenticationToken(?:Exception)?\b/,
      /Request is missing Authentication Token/,
      /\bIncompleteSignature(?:Exception)?\b/,
      /Authorization header requires '\w+' parameter/,
    ],
    explanation:
      'AWS got a request that was not signed, or whose signature lacks a part: the credentials were empty (an empty '
      + 'aws_access_key_id line, AWS_ACCESS_KEY_ID="" exported, --no-sign-request), or the key holds a stray space, quote or '
      + 'newline. For an API Gateway or a custom endpoint URL, "Missing Authentication Token" also means the path does not exist.',
    fix: {
      description: 'See which credentials the profile resolves to (and empty variables in the environment), then log in again',
      commands: [['duo-sso-setup', 'doctor', '--only', 'credentials'], ['duo-sso-setup', 'login', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (IncompleteSignature) when calling the GetCallerIdentity operation: Authorization header requires \'Credential\' parameter.',
  },
  {
    // STS API reference: SAMLAssertion is 4 to 100000 characters (STS's ValidationError, botocore's
    // validate.py before sending).
    id: 'saml-assertion-length',
    title: 'The SAML assertion is empty or longer than STS accepts',
    group: 'sts',
    patterns: [/at 'sAMLAssertion' failed to satisfy constraint/i, /Invalid length for parameter SAMLAssertion\b/, /\b\w+Input\.SAMLAssertion\b/],
    explanation:
      'STS accepts a base64 SAML assertion of 4 to 100,000 characters. Too long: the IdP puts too much in it (a Role value '
      + 'for every account, one attribute per group): its administrators must trim the attributes. Empty: the login did not '
      + 'produce an assertion at all (the IdP page changed, MFA was not completed), and the tool sent nothing.',
    fix: {
      description: 'Save the SAML response and check its size and Role values; send a too-long one to the IdP administrators, log in again for an empty one',
      commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>'], ['duo-sso-setup', 'login']],
      automatic: false,
    },
    example: "An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: 1 validation error detected: Value at 'sAMLAssertion' failed to satisfy constraint: Member must have length less than or equal to 100000",
  },
  {
    // STS API reference (GetSessionToken, GetFederationToken): both are for an IAM user's long-term keys (or the root
    // user's); called with temporary credentials STS answers AccessDenied "Cannot call ... with session credentials".
    // aws-vault (an MFA session for a profile), aws-mfa-style scripts and SDK code call them.
    id: 'sts-session-token-needs-user-keys',
    title: 'GetSessionToken or GetFederationToken was called with temporary credentials (they need an IAM user\'s keys)',
    group: 'sts',
    patterns: [/Cannot call Get(?:FederationToken|SessionToken) with session credentials/],
    supersedes: ['assume-role-denied', 'action-not-allowed'],
    explanation:
      'STS gives a session token (GetSessionToken, which aws-vault and MFA scripts call to get an MFA session) or a '
      + 'federation token only to an IAM user\'s long-term access key. The credentials that made the call were temporary '
      + '(a session with aws_session_token: a duo-sso or SSO profile, an assumed role, or AWS_* variables left from one), '
      + 'so STS refuses. Give that tool a profile with the IAM user\'s long-term access key and secret (no session token), '
      + 'or do not wrap a duo-sso profile in it at all: its credentials already are a session and need no GetSessionToken. '
      + 'Inside an aws-vault exec subshell (or with AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN exported from one), unset those '
      + 'variables or leave the subshell first.',
    fix: {
      description: 'Check which identity the profile is (an assumed-role ARN means temporary credentials); use the IAM user\'s long-term keys for that tool, or the duo-sso profile directly',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    example: 'An error occurred (AccessDenied) when calling the GetSessionToken operation: Cannot call GetSessionToken with session credentials',
  },
  // ---- learned from the aws2 batch (issue 18, round 2)
  {
    // STS AssumeRole / GetSessionToken with SerialNumber and TokenCode: the code did not validate ("MultiFactorAuthentication
    // failed ..."), as botocore, the Go and JS SDKs pass it on; awsweb's retry message when a second, fresh code fails too.
    id: 'mfa-code-rejected',
    title: 'STS rejected the MFA code (or the device or key behind it)',
    group: 'sts',
    patterns: [
      /MultiFactorAuthentication failed(?: with invalid MFA one time pass code| unable to validate MFA code|, unable to validate MFA code)?/,
      /Second attempt also failed\. Error is not due to MFA code reuse/,
      // STS's parameter validation of SerialNumber and TokenCode: mfa_serial is not an ARN, the code is not six digits.
      /Value '[^'\n]*' at '(?:serialNumber|tokenCode)' failed to satisfy constraint/,
    ],
    supersedes: ['assume-role-denied'],
    explanation:
      'STS asked for the one-time code of the MFA device named by mfa_serial and did not accept it. A code works once and '
      + 'for about 30 seconds: wait for the next one (tools that retry with the same code fail twice). The device must be '
      + 'the one mfa_serial names, as its ARN (arn:aws:iam::ACCOUNT:mfa/NAME) in the account of the IAM user that owns the '
      + 'keys (a bare user name or device name is refused as "at \'serialNumber\' failed to satisfy constraint"; the code '
      + 'is six digits, "at \'tokenCode\'"); a phone whose clock drifted gives codes AWS no longer accepts. If a fresh, correct code still fails, the '
      + 'long-term access key itself is the problem (expired by a rotation policy, deactivated or deleted): create a new '
      + 'access key in the IAM console and put it in ~/.aws/credentials (or aws-vault add). duo-sso profiles need no '
      + 'mfa_serial: Duo is the second factor there.',
    fix: {
      description: 'Try again with the next code; check mfa_serial is the ARN of your device; if fresh codes keep failing, create a new access key and update ~/.aws/credentials',
      commands: [['aws', 'configure', 'get', 'mfa_serial', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (AccessDenied) when calling the AssumeRole operation: MultiFactorAuthentication failed with invalid MFA one time pass code.',
  },
  {
    // STS AssumeRole's RoleArn validation (API reference: length 20-2048, an IAM role ARN); the SAML call's own ARNs
    // (principalArn, or roleArn of AssumeRoleWithSAML) stay saml-provider-invalid's.
    id: 'role-arn-invalid',
    title: 'The role_arn a profile (or --role-arn) gives is not a role ARN',
    group: 'sts',
    patterns: [
      /\(ValidationError\) when calling the AssumeRole operation: (?:Request ARN is invalid|1 validation error detected: Value '[^'\n]*' at 'roleArn')/,
      /operation error STS: AssumeRole,[^\n]*(?:Request ARN is invalid|at 'roleArn' failed to satisfy constraint)/,
    ],
    supersedes: ['saml-provider-invalid'],
    explanation:
      'AssumeRole needs the role\'s full ARN: arn:aws:iam::ACCOUNT-ID:role/NAME (arn:aws-us-gov:... or arn:aws-cn:... in '
      + 'those partitions; a path goes before the name: role/path/NAME). The value given is something else: a role name '
      + 'alone, an assumed-role or user ARN, an account id with a typo, quotes or spaces copied into role_arn in '
      + '~/.aws/config, or an empty AWS_ROLE_ARN. Copy the ARN from the role\'s page in the IAM console.',
    fix: {
      description: 'Correct role_arn in the profile (arn:aws:iam::ACCOUNT-ID:role/NAME) and try again',
      commands: [['aws', 'configure', 'get', 'role_arn', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (ValidationError) when calling the AssumeRole operation: Request ARN is invalid',
  },
];
