// The AWS partitions a SAML response can be addressed to, and how each names itself: the
// audience URN and the sign-in endpoint (global, or regional as REGION.HOST), per the IAM User
// Guide ("Configure SAML assertions for the authentication response") and its China and
// GovCloud editions. A response for GovCloud or China is as valid as one for AWS proper.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

interface PartitionFacts {
  name: string;
  audience: string;
  signInHost: string;
  /** The partition's region names (us-gov-west-1, cn-north-1, eu-west-1). */
  region: RegExp;
}

export const PARTITIONS: Record<Partition, PartitionFacts> = {
  aws: { name: 'AWS', audience: 'urn:amazon:webservices', signInHost: 'signin.aws.amazon.com', region: /^(?!us-gov-|cn-)[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/ },
  'aws-us-gov': { name: 'AWS GovCloud (US)', audience: 'urn:amazon:webservices:govcloud', signInHost: 'signin.amazonaws-us-gov.com', region: /^us-gov-[a-z]+-\d{1,2}$/ },
  'aws-cn': { name: 'AWS China', audience: 'urn:amazon:webservices:cn-north-1', signInHost: 'signin.amazonaws.cn', region: /^cn-[a-z]+-\d{1,2}$/ },
};

export const PARTITION_NAMES = Object.keys(PARTITIONS) as Partition[];

export function isPartition(value: string): value is Partition {
  return Object.hasOwn(PARTITIONS, value);
}

/** Where a response is addressed to in AWS: the partition, and the region of a regional sign-in endpoint. */
export interface AwsSignIn {
  partition: Partition;
  region?: string;
}

/** `https://[REGION.]HOST/saml`, optionally `/acs/IdP-ID` (SAML encryption) and a final slash. */
const SIGN_IN_URL = /^https:\/\/(?:([a-z0-9-]+)\.)?(signin\.[a-z.-]+)\/saml(?:\/acs\/[\w-]+)?\/?$/;

/** The AWS sign-in an Audience, Recipient or Destination names, or undefined when it is not AWS's. */
export function awsSignIn(value: string): AwsSignIn | undefined {
  const v = value.trim();
  for (const partition of PARTITION_NAMES) if (PARTITIONS[partition].audience === v) return { partition };
  const url = SIGN_IN_URL.exec(v);
  if (!url) return undefined;
  const [, region, host] = url;
  const partition = PARTITION_NAMES.find((p) => PARTITIONS[p].signInHost === host);
  if (!partition) return undefined;
  if (region === undefined) return { partition };
  return PARTITIONS[partition].region.test(region) ? { partition, region } : undefined;
}

/** `AWS GovCloud (US)`, `AWS, region eu-west-1`. */
export function describeSignIn(s: AwsSignIn): string {
  return `${PARTITIONS[s.partition].name}${s.region ? `, region ${s.region}` : ''}`;
}

/** What every partition accepts, for a warning that names them. */
export function awsAudiences(): string[] {
  return PARTITION_NAMES.map((p) => PARTITIONS[p].audience);
}
