// The knowledge base: every known failure, grouped, in the order the docs list them.
// login, doctor and troubleshoot import from here.
import { awsCliFailures } from './aws-cli.js';
import { awsConfigFailures } from './aws-config.js';
import { brewFailures } from './brew.js';
import { credentialsFailures } from './credentials.js';
import { diagnoseWith, type Diagnosis, type DiagnoseOptions } from './diagnose.js';
import { duoSsoFailures } from './duo-sso.js';
import { networkFailures } from './network.js';
import { nodeFailures } from './node.js';
import { normaliseNoise } from './noise.js';
import { notGrantedFailures } from './not-granted.js';
import { npmFailures } from './npm.js';
import { passGpgFailures } from './pass-gpg.js';
import { secretServiceFailures } from './secret-service.js';
import { stsFailures } from './sts.js';
import type { KnownFailure } from './types.js';

export type { Diagnosis, DiagnoseOptions } from './diagnose.js';
export type { DiagnosisFacts, KnowledgeFix, KnowledgeGroup, KnownFailure } from './types.js';
export { parseAwsErrors, type AwsErrorLine } from './aws-errors.js';
export { redactSecrets } from './redact.js';

export const KNOWLEDGE: readonly KnownFailure[] = [
  ...networkFailures, ...stsFailures, ...credentialsFailures, ...duoSsoFailures, ...notGrantedFailures, ...awsCliFailures, ...awsConfigFailures, ...passGpgFailures, ...secretServiceFailures, ...brewFailures, ...nodeFailures, ...npmFailures,
];

export const GROUP_TITLES: Record<KnownFailure['group'], string> = {
  network: 'Network (VPN, DNS, proxies, TLS interception)',
  sts: 'AWS STS (assuming the role)',
  credentials: 'AWS credentials (profiles, keys, sessions)',
  'duo-sso': 'duo-sso',
  'aws-cli': 'AWS CLI',
  'pass-gpg': 'pass and gpg (Linux)',
  'secret-service': 'The Secret Service keyring over D-Bus (Linux)',
  brew: 'Homebrew',
  node: 'npm, Node.js and the disk (installing duo-sso-setup itself)',
};

/** Every known failure that `text` shows, in the order they appear in it. */
export function diagnose(text: string, opts: DiagnoseOptions = {}): Diagnosis[] {
  return diagnoseWith(KNOWLEDGE, normaliseNoise(text), opts);
}

export function findFailure(id: string): KnownFailure | undefined {
  return KNOWLEDGE.find((entry) => entry.id === id);
}
