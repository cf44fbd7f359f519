// The organisation's policy file: what IT sets once for every engineer (SSO URL, which
// accounts are production, the session caps, the profiles everybody needs, ...). This module
// is pure: the text in, a typed policy and its problems out. Reading the file (and refusing
// one that anybody but root could have written) is read.ts.
import { parseWithBom } from '../parsers/json-text.js';
import { POLICY, type Caps } from './caps.js';
import { isAccountId, isRoleName, isUsableProfileName } from '../aws/names.js';
import { isRegionName } from '../aws/region.js';

export type { Caps };
export type SecretStoreChoice = 'keychain' | 'pass' | 'any';

export interface RequiredProfile {
  name: string;
  accountId: string;
  role: string;
  seconds?: number;
}

/** Every key is optional: a policy says only what the organisation wants to decide. */
export interface OrgPolicy {
  ssoUrl?: string;
  consoleUrl?: string;
  tap?: string;
  tapUrl?: string;
  releaseUrl?: string;
  productionAccounts?: string[];
  maxSessionSeconds?: Partial<Caps>;
  requiredProfiles?: RequiredProfile[];
  secretStore?: SecretStoreChoice;
  autoRenew?: boolean;
  /** The default AWS region `config init` and `setup` write for profiles that have none. */
  region?: string;
}

export interface PolicyProblem {
  /** JSON path of the key, e.g. `maxSessionSeconds.production`; '' for the document. */
  key: string;
  message: string;
  /** Position of a syntax error. */
  line?: number;
  column?: number;
}

export type ParsedPolicy =
  | { kind: 'valid'; policy: OrgPolicy; warnings: PolicyProblem[] }
  | { kind: 'invalid'; problems: PolicyProblem[]; warnings: PolicyProblem[] };

export const POLICY_KEYS = ['ssoUrl', 'consoleUrl', 'tap', 'tapUrl', 'releaseUrl', 'productionAccounts', 'maxSessionSeconds', 'requiredProfiles', 'secretStore', 'autoRenew', 'region'] as const;
const SECRET_STORES: readonly SecretStoreChoice[] = ['keychain', 'pass', 'any'];

/** What each key means: docs/fleet.md's table is generated from this. */
export const POLICY_DOC: Record<(typeof POLICY_KEYS)[number], string> = {
  ssoUrl: 'duo-sso\'s `url` for new configs (https)',
  consoleUrl: 'the organisation\'s AWS console link (https)',
  tap: 'the Homebrew tap duo-sso comes from (`owner/name`)',
  tapUrl: 'the tap\'s git URL',
  releaseUrl: 'where duo-sso release binaries are downloaded from (https)',
  productionAccounts: 'account ids (12-digit strings) that are production: their profiles get the production cap',
  maxSessionSeconds: '`{ "production": N, "nonProduction": N }`: session caps in seconds (900–43200)',
  requiredProfiles: '`{ "NAME": "ACCOUNT:ROLE[:SECONDS]" }`: profiles every config must have; `config init` and `setup --yes` write them',
  secretStore: '`keychain`, `pass` or `any`: where AWS keys may be kept',
  autoRenew: 'renew credentials through `credential_process` by default',
  region: 'the default AWS region (`us-east-2`) written to ~/.aws/config for profiles that have none',
};

function isHttpsUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
}

function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= POLICY.minSeconds && v <= POLICY.absoluteMax;
}

/** `ACCOUNT:ROLE[:SECONDS]`, as `config init --profile NAME=…` takes after the `=`. */
export function parseProfileSpec(name: string, spec: unknown): RequiredProfile | string {
  if (!isUsableProfileName(name)) return `"${name}" is not a profile name the AWS CLI can use (letters, digits, _ . @ + -)`;
  if (typeof spec !== 'string') return `must be a string "ACCOUNT:ROLE[:SECONDS]", not ${JSON.stringify(spec)}`;
  const m = /^(\d+):([^:]+)(?::(\d+))?$/.exec(spec.trim());
  if (!m) return `"${spec}" is not ACCOUNT:ROLE[:SECONDS] (e.g. "626007623524:admin")`;
  const [, accountId, role, seconds] = m;
  if (!isAccountId(accountId!)) return `account "${accountId}" is not 12 digits`;
  if (!isRoleName(role!)) return `"${role}" is not an IAM role name`;
  if (seconds !== undefined && !isSeconds(Number(seconds))) return `${seconds} s is outside ${POLICY.minSeconds}–${POLICY.absoluteMax}`;
  return { name, accountId: accountId!, role: role!, ...(seconds !== undefined ? { seconds: Number(seconds) } : {}) };
}

export function parsePolicy(text: string, path: string): ParsedPolicy {
  const read = parseWithBom(path, text);
  if (read.kind === 'invalid-json') {
    return { kind: 'invalid', problems: [{ key: '', message: read.message, line: read.line, column: read.column }], warnings: [] };
  }
  const doc = read.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { kind: 'invalid', problems: [{ key: '', message: 'must be a JSON object' }], warnings: [] };
  }
  const d = doc as Record<string, unknown>;
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const policy: OrgPolicy = {};
  const bad = (key: string, message: string) => problems.push({ key, message });

  for (const key of Object.keys(d)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) warnings.push({ key, message: `unknown key "${key}" (known: ${POLICY_KEYS.join(', ')}); ignored` });
  }
  for (const key of ['ssoUrl', 'consoleUrl', 'releaseUrl'] as const) {
    if (!(key in d)) continue;
    if (isHttpsUrl(d[key])) policy[key] = d[key];
    else bad(key, `must be an https URL, not ${JSON.stringify(d[key])}`);
  }
  if ('tap' in d) {
    if (typeof d.tap === 'string' && /^[\w.-]+\/[\w.-]+$/.test(d.tap)) policy.tap = d.tap;
    else bad('tap', `must be "owner/name", not ${JSON.stringify(d.tap)}`);
  }
  if ('tapUrl' in d) {
    if (typeof d.tapUrl === 'string' && /^(https:\/\/|git@|ssh:\/\/)\S+$/.test(d.tapUrl)) policy.tapUrl = d.tapUrl;
    else bad('tapUrl', `must be an https, ssh:// or git@ URL, not ${JSON.stringify(d.tapUrl)}`);
  }
  if ('productionAccounts' in d) {
    const list = d.productionAccounts;
    if (!Array.isArray(list)) bad('productionAccounts', 'must be a list of 12-digit account ids (strings)');
    else {
      list.forEach((id, i) => {
        if (typeof id === 'number') bad(`productionAccounts[${i}]`, `${id} is a number: write account ids as strings ("${String(id).padStart(12, '0')}"), or a leading zero is lost`);
        else if (typeof id !== 'string' || !isAccountId(id)) bad(`productionAccounts[${i}]`, `${JSON.stringify(id)} is not a 12-digit account id`);
      });
      if (list.every((id) => typeof id === 'string' && isAccountId(id))) policy.productionAccounts = [...new Set(list as string[])];
    }
  }
  if ('maxSessionSeconds' in d) {
    const caps = d.maxSessionSeconds;
    if (typeof caps !== 'object' || caps === null || Array.isArray(caps)) bad('maxSessionSeconds', 'must be an object { "production": N, "nonProduction": N }');
    else {
      const c = caps as Record<string, unknown>;
      const out: Partial<Caps> = {};
      for (const k of Object.keys(c)) {
        if (k !== 'production' && k !== 'nonProduction') warnings.push({ key: `maxSessionSeconds.${k}`, message: `unknown key "${k}" (known: production, nonProduction); ignored` });
      }
      for (const k of ['production', 'nonProduction'] as const) {
        if (!(k in c)) continue;
        if (isSeconds(c[k])) out[k] = c[k];
        else bad(`maxSessionSeconds.${k}`, `must be a whole number of seconds from ${POLICY.minSeconds} to ${POLICY.absoluteMax}, not ${JSON.stringify(c[k])}`);
      }
      if (out.production !== undefined && out.nonProduction !== undefined && out.production > out.nonProduction) {
        warnings.push({ key: 'maxSessionSeconds', message: `the production cap (${out.production} s) is above the non-production one (${out.nonProduction} s)` });
      }
      policy.maxSessionSeconds = out;
    }
  }
  if ('requiredProfiles' in d) {
    const req = d.requiredProfiles;
    if (typeof req !== 'object' || req === null || Array.isArray(req)) bad('requiredProfiles', 'must be an object { "NAME": "ACCOUNT:ROLE[:SECONDS]" }');
    else {
      const profiles: RequiredProfile[] = [];
      for (const [name, spec] of Object.entries(req)) {
        const p = parseProfileSpec(name, spec);
        if (typeof p === 'string') bad(`requiredProfiles.${name}`, p);
        else profiles.push(p);
      }
      policy.requiredProfiles = profiles;
    }
  }
  if ('secretStore' in d) {
    if (SECRET_STORES.includes(d.secretStore as SecretStoreChoice)) policy.secretStore = d.secretStore as SecretStoreChoice;
    else bad('secretStore', `must be one of ${SECRET_STORES.join(', ')}, not ${JSON.stringify(d.secretStore)}`);
  }
  if ('autoRenew' in d) {
    if (typeof d.autoRenew === 'boolean') policy.autoRenew = d.autoRenew;
    else bad('autoRenew', `must be true or false, not ${JSON.stringify(d.autoRenew)}`);
  }
  if ('region' in d) {
    if (typeof d.region === 'string' && isRegionName(d.region)) policy.region = d.region;
    else bad('region', `must be an AWS region name like "us-east-1", not ${JSON.stringify(d.region)}`);
  }
  return problems.length > 0 ? { kind: 'invalid', problems, warnings } : { kind: 'valid', policy, warnings };
}

/** The session caps in force: the policy's, else the built-in ones. */
export function capsOf(policy: OrgPolicy | undefined): Caps {
  return {
    production: policy?.maxSessionSeconds?.production ?? POLICY.productionCap,
    nonProduction: policy?.maxSessionSeconds?.nonProduction ?? POLICY.nonProductionCap,
  };
}

export function problemLine(path: string, p: PolicyProblem): string {
  const where = p.line !== undefined ? `${path}:${p.line}:${p.column}` : path;
  return `${where}: ${p.key ? `${p.key}: ` : ''}${p.message}`;
}
