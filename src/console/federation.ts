// The AWS federation endpoint (what aws-vault login, granted console and saml2aws console
// use): session credentials are exchanged for a SigninToken (Action=getSigninToken), and a
// URL with Action=login signs the browser in to the console as that session. Pure: URLs in
// and out; the request itself is made by console.ts.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

interface PartitionEndpoints {
  federation: string;
  console: string;
}

const ENDPOINTS: Readonly<Record<Partition, PartitionEndpoints>> = {
  aws: { federation: 'https://signin.aws.amazon.com/federation', console: 'https://console.aws.amazon.com/' },
  'aws-us-gov': { federation: 'https://signin.amazonaws-us-gov.com/federation', console: 'https://console.amazonaws-us-gov.com/' },
  'aws-cn': { federation: 'https://signin.amazonaws.cn/federation', console: 'https://console.amazonaws.cn/' },
};

/** The partition a region belongs to (the role lives in the same one as its region). */
export function partitionOf(region: string | undefined): Partition {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function endpointsFor(partition: Partition): PartitionEndpoints {
  return ENDPOINTS[partition];
}

/** The console's home page, in the profile's region when it has one. */
export function defaultDestination(partition: Partition, region: string | undefined): string {
  const base = ENDPOINTS[partition].console;
  return region ? `${base}console/home?region=${encodeURIComponent(region)}` : base;
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The getSigninToken request: the session as the JSON document the endpoint expects. */
export function signinTokenUrl(federation: string, c: SessionCredentials): string {
  const url = new URL(federation);
  url.searchParams.set('Action', 'getSigninToken');
  url.searchParams.set('Session', JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken }));
  return url.toString();
}

/** The URL that signs a browser in and sends it to `destination`. */
export function loginUrl(federation: string, signinToken: string, destination: string, issuer = 'duo-sso-setup'): string {
  const url = new URL(federation);
  url.searchParams.set('Action', 'login');
  url.searchParams.set('Issuer', issuer);
  url.searchParams.set('Destination', destination);
  url.searchParams.set('SigninToken', signinToken);
  return url.toString();
}

/** The SigninToken in the endpoint's answer (`{"SigninToken":"..."}`), or undefined. */
export function parseSigninToken(body: string): string | undefined {
  try {
    const v = JSON.parse(body) as { SigninToken?: unknown };
    return typeof v.SigninToken === 'string' && v.SigninToken !== '' ? v.SigninToken : undefined;
  } catch {
    return undefined;
  }
}
