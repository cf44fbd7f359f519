// Schema and policy checks for config.json, as typed hand-written checks rather than a
// JSON-Schema library: the schema is ten keys, and each finding needs policy context
// (which profiles are production, learned role maxima), a precise message and an edit
// that repairs it, which a generic validator's errors would have to be mapped back to.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import { parseWithBom } from '../parsers/json-text.js';
import { caretExcerpt, positionAt } from '../parsers/json-position.js';
import type { ConfigRead } from './read-config.js';
import { finding, formatPath, type Finding } from './findings.js';
import { AWS_SAML_URL, DEFAULTS, PROFILE_KEYS, TOP_LEVEL_KEYS, accountIdString, isObject } from './model.js';
import { POLICY, policyCap, type Caps } from '../policy/caps.js';
import { isAccountId, isRoleName, isUsableProfileName } from '../aws/names.js';

/** What we know beyond the file: from our own state.json and the organisation policy. */
export interface PolicyContext {
  /** Profile names whose accounts are production. */
  production?: readonly string[];
  /** Account ids that are production (organisation policy): their profiles are production too. */
  productionAccounts?: readonly string[];
  /** Session caps (organisation policy); the built-in ones otherwise. */
  caps?: Caps;
  /** Learned role MaxSessionDuration by "ACCOUNT:ROLE". */
  roleMaxima?: Readonly<Record<string, number>>;
  /** Durations STS refused (MaxSessionDuration exceeded), by profile name: the role's maximum is below. */
  refused?: Readonly<Record<string, number>>;
}

export const DUO_FACTORS = ['push', 'phone', 'passcode', 'sms'] as const;
const AWS_SAML_URLS = [AWS_SAML_URL, 'urn:amazon:webservices', 'https://signin.amazonaws-us-gov.com/saml', 'https://signin.amazonaws.cn/saml'];
const REQUIRED_KEYS = ['url', 'partner_spid', 'aws_urn'] as const;
const TYPES: Record<string, 'string' | 'boolean'> = {
  url: 'string', partner_spid: 'string', aws_urn: 'string', preferred_device: 'string', preferred_factor: 'string', debug: 'boolean',
};

/** Findings for a file's raw text (a leading BOM included). Never throws. */
export function validateText(text: string, policy: PolicyContext = {}, path = 'config.json'): Finding[] {
  return validateRead(parseWithBom(path, text), policy);
}

/** Findings for an outcome of readConfig. Never throws. */
export function validateRead(read: ConfigRead, policy: PolicyContext = {}): Finding[] {
  // A file that does not parse is never rewritten, so its BOM is not an automatic fix either.
  const strip = read.kind === 'parsed' ? { edit: { op: 'strip-bom' as const } } : { fix: 'Remove the BOM once the syntax error is corrected (config fix does it then).' };
  const bom = 'bom' in read && read.bom ? [finding('bom', [], 'the file starts with a byte-order mark (U+FEFF)', strip)] : [];
  return [...bom, ...findingsFor(read, policy)];
}

function findingsFor(read: ConfigRead, policy: PolicyContext): Finding[] {
  switch (read.kind) {
    case 'missing':
      return [finding('missing-file', [], `${read.path} does not exist`)];
    case 'unreadable':
      return [finding('unreadable', [], `${read.path} cannot be read: ${read.reason}`)];
    case 'invalid-json':
      // Every error at once; each is automatic only when all of them are (a file is repaired whole or not at all).
      return read.problems.map((p) => finding('json-syntax', [], `${read.path}:${p.line}:${p.column}: ${p.message}`, {
        position: { line: p.line, column: p.column, excerpt: p.excerpt },
        ...(read.repaired !== undefined && p.repair ? { fix: `${p.repair[0]!.toUpperCase()}${p.repair.slice(1)} (config fix does it).`, edit: { op: 'repair-syntax' as const } } : {}),
      }));
    case 'parsed':
      try {
        const found = validateValue(read.value, policy);
        const doubled = duplicateKeys(read.tree);
        return [...[...found, ...durationLiterals(read.tree, read.text, read.value, found)].map((f) => byHandUnder(doubled, f)), ...doubled].map((f) => located(f, read.tree, read.text));
      } catch (error) {
        // A bug here must not hide the rest of the report.
        return [finding('wrong-type', [], `the validator failed on this document: ${(error as Error).message}`, { severity: 'fail' })];
      }
  }
}

/**
 * Durations written `3600.0` or `3.6e3`: the same number to JavaScript, but Go's decoder refuses
 * them for a whole-number field, so duo-sso would stop on a file we call valid. Only values the
 * other checks accept are reported here (their own fixes rewrite the number anyway).
 */
function durationLiterals(tree: Node, text: string, value: unknown, found: readonly Finding[]): Finding[] {
  if (!isObject(value)) return [];
  const paths: JSONPath[] = [['session_duration_seconds']];
  if (isObject(value.profiles)) for (const name of Object.keys(value.profiles)) paths.push(['profiles', name, 'session_duration_seconds']);
  const out: Finding[] = [];
  for (const path of paths) {
    const node = findNodeAtLocation(tree, path);
    if (node?.type !== 'number' || !validDuration(node.value)) continue;
    const raw = text.slice(node.offset, node.offset + node.length);
    const at = finding('duration-invalid', path, '');
    if (/^\d+$/.test(raw) || found.some((f) => f.path === at.path)) continue;
    out.push(finding('duration-invalid', path, `${at.path} is written ${raw}; duo-sso's Go decoder refuses a decimal point or exponent in a whole number: write ${node.value as number}`, {
      severity: 'warn',
      fix: `Write it as ${node.value as number}.`,
      edit: { op: 'set', path, value: node.value },
    }));
  }
  return out;
}

/** Under a key written twice an edit would change the first copy while duo-sso reads the last: not automatic there. */
/**
 * A finding about a value, with where it is (line:column and the caret excerpt, as syntax errors
 * have), so the editor can go there; for a key that is missing, where the object lacking it is.
 * Whole-document findings (path '') stay without one.
 */
export function located(f: Finding, tree: Node, text: string): Finding {
  if (f.position || f.path === '') return f;
  const segments = parseFindingPath(f.path);
  for (let n = segments?.length ?? 0; n > 0; n--) {
    const node = findNodeAtLocation(tree, segments!.slice(0, n));
    if (!node) continue;
    // The key of a property is what the eye looks for, more than its value.
    const pos = positionAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    return { ...f, position: { ...pos, excerpt: caretExcerpt(text, pos) } };
  }
  return f;
}

/** formatPath's inverse: `profiles.eticloud.aws_account_id`, `profiles["my name"]`, `a[0]`. */
export function parseFindingPath(path: string): JSONPath | undefined {
  const out: JSONPath = [];
  const token = /(?:^|\.)([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  for (let i = 0; i < path.length; i = token.lastIndex) {
    token.lastIndex = i;
    const m = token.exec(path);
    if (!m) return undefined;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3]!) as string));
  }
  return out;
}

function byHandUnder(doubled: readonly Finding[], f: Finding): Finding {
  const under = doubled.some((d) => f.path === d.path || f.path.startsWith(`${d.path}.`) || f.path.startsWith(`${d.path}[`));
  if (!under || !f.fix?.automatic) return f;
  return { ...f, fix: { description: `${f.fix.description} By hand: the key is written twice.`, automatic: false } };
}

/** Keys written twice in one object (JSON.parse and Go keep the last; an edit finds the first). */
function duplicateKeys(node: Node, at: JSONPath = []): Finding[] {
  const out: Finding[] = [];
  if (node.type === 'object') {
    const keys = (node.children ?? []).map((prop) => String(prop.children?.[0]?.value));
    keys.forEach((key, i) => {
      const n = keys.filter((k) => k === key).length;
      // Reported once, where the key first appears, in document order.
      if (n > 1 && keys.indexOf(key) === i) out.push(finding('duplicate-key', [...at, key], `"${key}" is written ${n} times${at.length ? ` in ${formatPath(at)}` : ''}; duo-sso uses the last one`));
      const child = node.children![i]!.children?.[1];
      if (child) out.push(...duplicateKeys(child, [...at, key]));
    });
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => out.push(...duplicateKeys(child, [...at, i])));
  }
  return out;
}

export function validateValue(value: unknown, policy: PolicyContext = {}): Finding[] {
  if (!isObject(value)) return [finding('not-object', [], `the document is ${describe(value)}, not an object`)];
  return [...topLevel(value), ...durations(value, policy), ...profiles(value)];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

function topLevel(doc: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const [key, type] of Object.entries(TYPES)) {
    if (key in doc && typeof doc[key] !== type) {
      out.push(finding('wrong-type', [key], `"${key}" must be a ${type}, not ${describe(doc[key])}`));
    }
  }
  for (const key of REQUIRED_KEYS) {
    if (!(key in doc)) {
      out.push(finding('missing-key', [key], `"${key}" is missing (the guide sets ${JSON.stringify(DEFAULTS[key])})`, {
        fix: `Set "${key}": ${JSON.stringify(DEFAULTS[key])}.`,
        edit: { op: 'set', path: [key], value: DEFAULTS[key] },
      }));
    }
  }
  for (const key of ['partner_spid', 'aws_urn'] as const) {
    const v = doc[key];
    if (typeof v === 'string' && !AWS_SAML_URLS.includes(v.trim())) {
      out.push(finding('saml-url', [key], `"${key}" is ${JSON.stringify(v)}, not AWS's SAML sign-in URL (${AWS_SAML_URL})`));
    }
  }
  if (typeof doc.url === 'string' && !/^https:\/\/[^\s/]+/.test(doc.url)) {
    out.push(finding('url-not-https', ['url'], `"url" is ${JSON.stringify(doc.url)}, not an https:// address`));
  }
  const factor = doc.preferred_factor;
  if (typeof factor === 'string' && !(DUO_FACTORS as readonly string[]).includes(factor)) {
    out.push(finding('unknown-factor', ['preferred_factor'], `"preferred_factor" is ${JSON.stringify(factor)}; Duo factors are ${DUO_FACTORS.join(', ')}`));
  }
  if (doc.debug === true) {
    out.push(finding('debug-on', ['debug'], '"debug" is true: duo-sso prints the SAML assertion and the STS keys it receives'));
  }
  out.push(...unknownKeys(doc, TOP_LEVEL_KEYS, []));
  return out;
}

function unknownKeys(obj: Record<string, unknown>, known: readonly string[], at: JSONPath): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2 || (key.length >= 8 && k.startsWith(key)));
    out.push(finding('unknown-key', [...at, key], `"${key}" is not a key duo-sso reads${near ? ` (did you mean "${near}"?)` : ''}`, {
      severity: near ? 'warn' : 'info',
    }));
  }
  return out;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A production profile: named so in state.json, or in an account the organisation policy calls production. */
export function isProductionProfile(policy: PolicyContext, name: string, accountId: string | undefined): boolean {
  return Boolean(policy.production?.includes(name) || (accountId && policy.productionAccounts?.includes(normaliseAccountId(accountId))));
}

/** The production profiles of a config document (isProductionProfile for each). */
export function productionProfiles(profs: ReadonlyArray<[string, Record<string, unknown>]>, policy: PolicyContext): Set<string> {
  return new Set([...(policy.production ?? []), ...profs.filter(([name, p]) => isProductionProfile(policy, name, accountIdString(p.aws_account_id))).map(([name]) => name)]);
}

export function validDuration(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= POLICY.minSeconds && v <= POLICY.absoluteMax;
}

function durations(doc: Record<string, unknown>, policy: PolicyContext): Finding[] {
  const out: Finding[] = [];
  const profs = isObject(doc.profiles) ? Object.entries(doc.profiles).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])) : [];
  const production = productionProfiles(profs, policy);
  const caps = policy.caps;
  // The guide's 1 hour, unless the policy caps production lower.
  const recommended = Math.min(POLICY.recommended, policyCap(true, caps));
  const inheriting = profs.filter(([, p]) => !('session_duration_seconds' in p));
  const top = doc.session_duration_seconds;
  const set = (path: JSONPath, value: number) => ({ op: 'set' as const, path, value });

  if (!('session_duration_seconds' in doc)) {
    // Harmless only when every profile carries its own duration.
    const harmless = profs.length > 0 && inheriting.length === 0;
    out.push(finding('duration-missing', ['session_duration_seconds'],
      `no top-level "session_duration_seconds": duo-sso will ask for ${POLICY.duoSsoDefault} s${harmless ? ' for any login without a profile' : ''}`,
      { severity: harmless ? 'warn' : 'fail', edit: set(['session_duration_seconds'], recommended) }));
  } else if (!validDuration(top)) {
    out.push(finding('duration-invalid', ['session_duration_seconds'], `"session_duration_seconds" is ${describe(top)}; it must be a whole number from ${POLICY.minSeconds} to ${POLICY.absoluteMax}`, {
      edit: set(['session_duration_seconds'], recommended),
    }));
  } else {
    // The top level applies to every profile without its own value, and to logins without profiles.
    const prodInheriting = inheriting.filter(([n]) => production.has(n)).map(([n]) => n);
    const cap = policyCap(prodInheriting.length > 0, caps);
    if (top > cap) {
      const who = prodInheriting.length > 0 ? `production profile${prodInheriting.length > 1 ? 's' : ''} ${prodInheriting.join(', ')} inherit${prodInheriting.length > 1 ? '' : 's'} it` : 'non-production';
      out.push(finding('duration-over-cap', ['session_duration_seconds'], `"session_duration_seconds" is ${top} s, above the ${cap} s cap (${who})`, {
        fix: `Set it to ${recommended}.`,
        edit: set(['session_duration_seconds'], recommended),
      }));
    }
  }

  for (const [name, p] of profs) {
    if (!('session_duration_seconds' in p)) continue;
    const path: JSONPath = ['profiles', name, 'session_duration_seconds'];
    const v = p.session_duration_seconds;
    const isProd = production.has(name);
    const cap = policyCap(isProd, caps);
    if (!validDuration(v)) {
      out.push(finding('duration-invalid', path, `profile "${name}": session_duration_seconds is ${describe(v)}; it must be a whole number from ${POLICY.minSeconds} to ${POLICY.absoluteMax}`, {
        edit: set(path, recommended),
      }));
      continue;
    }
    const account = accountIdString(p.aws_account_id);
    const roleMax = account && typeof p.aws_role_name === 'string' ? policy.roleMaxima?.[`${normaliseAccountId(account)}:${p.aws_role_name}`] : undefined;
    if (roleMax !== undefined && validDuration(roleMax) && v > roleMax) {
      out.push(finding('duration-over-role-max', path, `profile "${name}": ${v} s is above the role's MaxSessionDuration of ${roleMax} s`, {
        fix: `Set it to ${roleMax}.`,
        edit: set(path, roleMax),
      }));
    } else if (roleMax === undefined && policy.refused?.[name] !== undefined && v >= policy.refused[name]!) {
      const refused = policy.refused[name]!;
      const safe = recommended < refused ? recommended : undefined;
      out.push(finding('duration-refused', path, `profile "${name}": STS refused ${refused} s for this role before (MaxSessionDuration exceeded), and ${v} s is not shorter`, {
        ...(safe ? { fix: `Set it to ${safe}.`, edit: set(path, safe) } : { fix: 'Set a shorter duration (the role allows less than this).' }),
      }));
    } else if (v > cap && !(roleMax !== undefined && v <= roleMax)) {
      out.push(finding('duration-over-cap', path, `profile "${name}": ${v} s is above the ${cap} s cap for ${isProd ? 'production' : 'non-production'} accounts`, {
        fix: `Set it to ${cap}.`,
        edit: set(path, cap),
      }));
    }
  }
  return out;
}

/** A numeric id that lost its leading zeros, padded back to 12 digits. */
export function normaliseAccountId(id: string): string {
  return /^\d{1,11}$/.test(id) ? id.padStart(12, '0') : id;
}

function profiles(doc: Record<string, unknown>): Finding[] {
  if (!('profiles' in doc)) return [];
  if (!isObject(doc.profiles)) return [finding('profiles-not-object', ['profiles'], `"profiles" is ${describe(doc.profiles)}, not an object of named profiles`)];
  const out: Finding[] = [];
  const seen = new Map<string, string>();
  for (const [name, p] of Object.entries(doc.profiles)) {
    const at: JSONPath = ['profiles', name];
    if (!isUsableProfileName(name)) {
      out.push(finding('profile-name', at, `profile name ${JSON.stringify(name)} cannot be used with aws --profile`));
    }
    if (!isObject(p)) {
      out.push(finding('profile-not-object', at, `profile "${name}" is ${describe(p)}, not an object`));
      continue;
    }
    const account = accountId(name, p, at, out);
    if (!('aws_role_name' in p)) out.push(finding('role-missing', [...at, 'aws_role_name'], `profile "${name}" has no "aws_role_name"`));
    else if (typeof p.aws_role_name !== 'string' || !isRoleName(p.aws_role_name)) {
      out.push(finding('role-invalid', [...at, 'aws_role_name'], `profile "${name}": aws_role_name ${describe(p.aws_role_name)} is not an IAM role name`));
    }
    if (account && typeof p.aws_role_name === 'string') {
      const pair = `${account}:${p.aws_role_name}`;
      const first = seen.get(pair);
      if (first !== undefined) {
        out.push(finding('duplicate-profile', at, `profiles "${first}" and "${name}" both assume ${p.aws_role_name} in ${account}`, {
          fix: `duo-sso-setup config remove-profile ${name} (or ${first})`,
        }));
      } else seen.set(pair, name);
    }
    out.push(...unknownKeys(p, PROFILE_KEYS, at));
  }
  return out;
}

/** Reports account-id findings; returns the 12-digit id when there is one. */
function accountId(name: string, p: Record<string, unknown>, at: JSONPath, out: Finding[]): string | undefined {
  const path: JSONPath = [...at, 'aws_account_id'];
  const v = p.aws_account_id;
  if (!('aws_account_id' in p)) {
    out.push(finding('account-id-missing', path, `profile "${name}" has no "aws_account_id"`));
    return undefined;
  }
  if (typeof v === 'number') {
    const s = Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
    if (s && s.length === 12) {
      out.push(finding('account-id-number', path, `profile "${name}": aws_account_id ${s} is a number; write it as the string "${s}"`, {
        edit: { op: 'set', path, value: s },
      }));
      return s;
    }
    if (s && s.length < 12) {
      const padded = normaliseAccountId(s);
      out.push(finding('account-id-lost-zero', path, `profile "${name}": aws_account_id ${s} has ${s.length} digits; probably "${padded}" with its leading zero lost`, {
        fix: `Set it to "${padded}".`,
        edit: { op: 'set', path, value: padded },
      }));
      return padded;
    }
  }
  if (typeof v === 'string' && isAccountId(v)) return v;
  out.push(finding('account-id-invalid', path, `profile "${name}": aws_account_id ${describe(v)} is not 12 digits`));
  return undefined;
}
