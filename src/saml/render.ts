// Human and JSON renderings of an inspected SAML response. The NameID is redacted unless
// asked for; nothing else in the report is a secret (the signature and the assertion
// itself are never printed).
import { paint, symbols, type Style } from '../ui/style.js';
import type { DecodedSaml } from './decode.js';
import type { SamlDocument } from './parse.js';
import { formatDuration, type Validity } from './validity.js';

export interface Inspection {
  encoding: DecodedSaml['encoding'];
  doc: SamlDocument;
  validity: Validity;
  showSubject: boolean;
}

export function inspectionJson({ encoding, doc, validity, showSubject }: Inspection) {
  return {
    encoding,
    kind: doc.kind,
    issuer: doc.issuer ?? null,
    destination: doc.destination ?? null,
    status: doc.status ?? null,
    audiences: doc.audiences,
    recipient: doc.recipient ?? null,
    issueInstant: doc.issueInstant ?? null,
    validity,
    sessionNotOnOrAfter: doc.sessionNotOnOrAfter ?? null,
    sessionDuration: doc.sessionDuration ?? null,
    roleSessionName: doc.roleSessionName ?? null,
    subject: doc.subject
      ? { redacted: !showSubject, ...(showSubject ? { nameId: doc.subject.nameId } : {}), format: doc.subject.format ?? null }
      : null,
    roles: doc.roles,
    principalTags: doc.principalTags,
    otherAttributes: doc.otherAttributes,
    warnings: doc.warnings,
  };
}

const STATE_TONE = { valid: 'green', expired: 'red', 'not-yet-valid': 'yellow', unknown: 'yellow' } as const;

export function renderInspection({ encoding, doc, validity, showSubject }: Inspection, style: Style): string {
  const sym = symbols(style);
  const rows: [string, string][] = [];
  const row = (label: string, value: string | undefined) => {
    if (value !== undefined) rows.push([label, value]);
  };
  row('Issuer', doc.issuer);
  row('Destination', doc.destination);
  row('Status', doc.status);
  row('Audience', doc.audiences.join(', ') || undefined);
  row('Recipient', doc.recipient);
  if (doc.subject) {
    const format = doc.subject.format ? ` (${doc.subject.format})` : '';
    row('Subject', showSubject ? `${doc.subject.nameId}${format}` : `[redacted]${format}; --show-subject to see it`);
  }
  row('Issued', doc.issueInstant && (validity.secondsSinceIssue !== undefined
    ? `${doc.issueInstant} (${validity.secondsSinceIssue >= 0 ? `${formatDuration(validity.secondsSinceIssue)} ago` : `${formatDuration(-validity.secondsSinceIssue)} in the future`})`
    : doc.issueInstant));
  const window = `${validity.notBefore ?? '…'} ${sym.arrow} ${validity.notOnOrAfter ?? '…'}`;
  row('Valid', `${window}: ${paint(style, STATE_TONE[validity.state], describeState(validity))}`);
  row('Session until', doc.sessionNotOnOrAfter);
  row('SessionDuration', doc.sessionDuration !== undefined ? `${doc.sessionDuration} s (${formatDuration(doc.sessionDuration)}; caps console sessions, not the CLI's)` : undefined);
  row('RoleSessionName', doc.roleSessionName);
  for (const [tag, values] of Object.entries(doc.principalTags)) row(`Tag ${tag}`, values.join(', '));

  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = [`SAML ${doc.kind} (${encoding === 'xml' ? 'XML' : encoding})`, ...rows.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`)];
  lines.push('', `Roles granted (${doc.roles.length}):`);
  const acctWidth = 12;
  const roleWidth = Math.max(...doc.roles.map((r) => r.role.length));
  for (const r of doc.roles) lines.push(`  ${r.account.padEnd(acctWidth)}  ${r.role.padEnd(roleWidth)}  provider ${r.provider}`);
  const notes = [...validity.notes, ...doc.warnings];
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of notes) lines.push(`  ${paint(style, 'yellow', sym.warn)} ${n}`);
  }
  return `${lines.join('\n')}\n`;
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
