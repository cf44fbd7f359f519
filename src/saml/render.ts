// Human and JSON renderings of an inspected SAML response. The NameID is redacted unless
// asked for; nothing else in the report is a secret (the signature and the assertion
// itself are never printed).
import { paint, symbols, type Style } from '../ui/style.js';
import type { DecodedSaml } from './decode.js';
import type { SamlDocument } from './parse.js';
import { PARTITIONS, awsSignIn, describeSignIn } from './partitions.js';
import { roleDisplayName } from './roles.js';
import { formatDuration, instant, type Validity } from './validity.js';

export interface Inspection {
  encoding: DecodedSaml['encoding'];
  charset: DecodedSaml['charset'];
  doc: SamlDocument;
  validity: Validity;
  showSubject: boolean;
}

/**
 * IdPs often send the NameID (an e-mail address) as the RoleSessionName or a principal tag
 * too: printing it there would undo the subject's redaction.
 */
function hidingSubject({ doc, showSubject }: Pick<Inspection, 'doc' | 'showSubject'>): (value: string) => string {
  const subject = doc.subject?.nameId.trim().toLowerCase();
  if (showSubject || subject === undefined) return (value) => value;
  return (value) => (value.trim().toLowerCase() === subject ? '[redacted] (the subject)' : value);
}

function shownFacts(inspection: Inspection): { roleSessionName?: string; principalTags: Record<string, string[]> } {
  const hide = hidingSubject(inspection);
  const { roleSessionName, principalTags } = inspection.doc;
  return {
    ...(roleSessionName !== undefined ? { roleSessionName: hide(roleSessionName) } : {}),
    principalTags: Object.fromEntries(Object.entries(principalTags).map(([tag, values]) => [tag, values.map(hide)])),
  };
}

export function inspectionJson(inspection: Inspection) {
  const { encoding, charset, doc, validity, showSubject } = inspection;
  const shown = shownFacts(inspection);
  return {
    encoding,
    charset,
    kind: doc.kind,
    issuer: doc.issuer ?? null,
    destination: doc.destination ?? null,
    status: doc.status ?? null,
    audiences: doc.audiences,
    recipient: doc.recipient ?? null,
    signIn: doc.signIn ? { partition: doc.signIn.partition, name: PARTITIONS[doc.signIn.partition].name, region: doc.signIn.region ?? null } : null,
    issueInstant: instant(doc.issueInstant) ?? null,
    validity,
    sessionNotOnOrAfter: instant(doc.sessionNotOnOrAfter) ?? null,
    sessionDuration: doc.sessionDuration ?? null,
    roleSessionName: shown.roleSessionName ?? null,
    subject: doc.subject
      ? { redacted: !showSubject, ...(showSubject ? { nameId: doc.subject.nameId } : {}), format: doc.subject.format ?? null }
      : null,
    roles: doc.roles,
    principalTags: shown.principalTags,
    otherAttributes: doc.otherAttributes,
    warnings: doc.warnings,
  };
}

const STATE_TONE = { valid: 'green', expired: 'red', 'not-yet-valid': 'yellow', unknown: 'yellow' } as const;

export function renderInspection(inspection: Inspection, style: Style): string {
  const { encoding, charset, doc, validity, showSubject } = inspection;
  const shown = shownFacts(inspection);
  const sym = symbols(style);
  const rows: [string, string][] = [];
  const row = (label: string, value: string | undefined) => {
    if (value !== undefined) rows.push([label, value]);
  };
  row('Issuer', doc.issuer);
  row('Destination', naming(doc.destination));
  row('Status', doc.status);
  row('Audience', doc.audiences.map(naming).join(', ') || undefined);
  row('Recipient', naming(doc.recipient));
  if (doc.subject) {
    const format = doc.subject.format ? ` (${doc.subject.format})` : '';
    row('Subject', showSubject ? `${doc.subject.nameId}${format}` : `[redacted]${format}; --show-subject to see it`);
  }
  const issued = instant(doc.issueInstant);
  row('Issued', issued && (validity.secondsSinceIssue !== undefined
    ? `${issued} (${validity.secondsSinceIssue >= 0 ? `${formatDuration(validity.secondsSinceIssue)} ago` : `${formatDuration(-validity.secondsSinceIssue)} in the future`})`
    : issued));
  const window = `${validity.notBefore ?? '…'} ${sym.arrow} ${validity.notOnOrAfter ?? '…'}`;
  // Neither bound: "… → …: unknown" would be a row of placeholders; say what is missing instead.
  row('Valid', validity.notBefore === undefined && validity.notOnOrAfter === undefined
    ? paint(style, STATE_TONE[validity.state], 'unknown: no NotBefore or NotOnOrAfter in the response')
    : `${window}: ${paint(style, STATE_TONE[validity.state], describeState(validity))}`);
  row('Session until', instant(doc.sessionNotOnOrAfter));
  row('SessionDuration', doc.sessionDuration !== undefined ? `${doc.sessionDuration} s (${formatDuration(doc.sessionDuration)}; caps console sessions, not the CLI's)` : undefined);
  row('RoleSessionName', shown.roleSessionName);
  for (const [tag, values] of Object.entries(shown.principalTags)) row(`Tag ${tag}`, values.join(', '));

  const width = Math.max(...rows.map(([l]) => l.length));
  const form = [encoding === 'xml' ? 'XML' : encoding, ...(charset === 'utf-8' ? [] : [charset.toUpperCase()])].join(', ');
  const lines = [`SAML ${doc.kind} (${form})`, ...rows.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`)];
  lines.push('', `Roles granted (${doc.roles.length}):`);
  const acctWidth = 12;
  const names = doc.roles.map(roleDisplayName);
  const roleWidth = Math.max(...names.map((n) => n.length));
  doc.roles.forEach((r, i) => lines.push(`  ${r.account.padEnd(acctWidth)}  ${names[i]!.padEnd(roleWidth)}  provider ${r.provider}${r.partition === 'aws' ? '' : ` (${r.partition})`}`));
  const notes = [...validity.notes, ...doc.warnings];
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of notes) lines.push(`  ${paint(style, 'yellow', sym.warn)} ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An AWS audience or sign-in URL with its partition and region: `… (AWS GovCloud (US))`. */
function naming<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  const signIn = awsSignIn(value);
  return (signIn ? `${value} (${describeSignIn(signIn)})` : value) as T;
}

function describeState(v: Validity): string {
  switch (v.state) {
    case 'valid':
      return `valid for ${formatDuration(v.secondsLeft ?? 0)} more${v.redeemable ? '' : ', but too old for STS'}`;
    case 'expired':
      return `expired ${formatDuration(-(v.secondsLeft ?? 0))} ago`;
    case 'not-yet-valid':
      return 'not yet valid';
    default:
      return 'unknown';
  }
}
