// The tool's own error and warning lines, as knowledge: troubleshoot answers a line that
// duo-sso-setup printed with the fix that goes with it. The lines come from the code
// (own-messages.data.ts, written by scripts/gen-docs.mjs from every UserError, login problem
// and doctor summary); the fix is the hint written beside the message, the doctor check that
// printed it, or one of the few fixes below for messages that carry none. These entries are
// consulted only when no entry of the knowledge base proper matched: a third-party error
// quoted inside one of our lines is explained by its own entry first.
import { OWN_MESSAGES, type OwnMessage } from './own-messages.data.js';
import type { KnownFailure } from './types.js';

const HOLE = '{}';

/** Fixes for our messages that carry no hint, by stem. `entry` names a knowledge-base entry that answers it. */
export const OWN_FIXES: Record<string, { description: string; commands?: string[][]; entry?: string }> = {
  '{} is not UTF-8 text; left unchanged': { description: 'Save the file as UTF-8 (or replace it: duo-sso-setup config init --force keeps a backup)', commands: [['duo-sso-setup', 'config', 'validate']] },
  'profile "{}" is given twice': { description: 'Give each --profile NAME=ACCOUNT:ROLE once', commands: [['duo-sso-setup', 'config', 'init', '--help']] },
  '{} is not a URL: {}': { description: 'Give the console link as a full https:// URL', commands: [['duo-sso-setup', 'console', '--help']] },
  '{} must be an https URL, got {}': { description: 'Give the console link as a full https:// URL', commands: [['duo-sso-setup', 'console', '--help']] },
  "--sso opens the organisation's console link; it takes no --profile or --destination": { description: 'Use --sso alone, or --profile with --destination without --sso', commands: [['duo-sso-setup', 'console', '--help']] },
  'cannot read {}: {}': { description: 'The reason follows the colon: a missing file, or one you cannot read (doctor checks ownership and modes of your files)', commands: [['duo-sso-setup', 'doctor', '--only', 'permissions']] },
  "invalid profile name '{}': {}": { description: 'Use a profile name of letters, digits, dot, dash and underscore', commands: [['duo-sso-setup', 'config', 'profiles']] },
  'cancelled; nothing was changed': { description: 'You answered no; run the command again and answer yes, or pass --yes', commands: [] },
  'cancelled: nothing was changed': { description: 'You answered no; run the command again and answer yes, or pass --yes', commands: [] },
  '--user is for macOS and Linux; on Windows run the doctor in the user\'s context (Intune: "Run this script using the logged-on credentials")': { description: 'Run the doctor as the user (in Intune: run the script using the logged-on credentials)', commands: [['duo-sso-setup', 'doctor']] },
  'cannot run the doctor as {}: {}': { description: 'Run the doctor as that user yourself (the reason follows the colon)', commands: [['duo-sso-setup', 'doctor']] },
  'cannot read the signing key {}: {}': { description: 'Name a readable key file, or leave --key out to use the AWS CLI key built in', commands: [['duo-sso-setup', 'install', 'aws-cli', '--help']] },
  'nothing was changed: {}': { description: 'HOME does not look like your home folder; set it, then run again', commands: [['duo-sso-setup', 'doctor', '--only', 'platform']] },
  'give the error as TEXT, --file LOG or - (standard input), not several': { description: 'Give the error one way only', commands: [['duo-sso-setup', 'troubleshoot', '--help']] },
  '--release-key must be a minisign public key (the "RW…" line of its .pub file), got "{}"': { description: 'Pass the RW… line of the minisign .pub file', commands: [['duo-sso-setup', 'upgrade', '--help']] },
  'cannot migrate profile {}: {}': { description: 'The reason follows the colon (expired or missing credentials: log in first); nothing was changed', commands: [['duo-sso-setup', 'login', '--profile', '<profile>']] },
  'cannot read standard input: permission denied': { description: 'Pipe the text in, or give it as a file', commands: [] },
  'the Role attribute holds no usable "role-arn,provider-arn" value': { description: 'Look at the Role values the assertion holds; a wrong mapping is for the IdP administrators', commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']] },
  'the IdP did not sign you in (status {}) and gave no message': { description: 'The identity provider refused the login; log in again, and ask its administrators if it keeps failing', commands: [['duo-sso-setup', 'login']] },
  'store initialised for {}; your gpg key is locked (gpg-agent has no cached passphrase)': { description: 'the gpg-key-locked entry', entry: 'gpg-key-locked' },
  'unknown profiles {}: not in {}, {} or {}': { description: 'Use one of the profiles listed under the message, or add it to config.json', commands: [['duo-sso-setup', 'config', 'profiles'], ['duo-sso-setup', 'config', 'add-profile', '<profile>', '--account', '<account-id>', '--role', '<role>']] },
  '{} must be an https URL, got {} (plain http would send the session keys in clear text; http is allowed for 127.0.0.1, ::1 and localhost only)': { description: 'Set DUO_SSO_SETUP_FEDERATION_URL to an https:// URL, or unset it to use AWS\'s own federation endpoint', commands: [] },
  'no credentials for profile {} (nothing under [{}] in {}, and it is not in a secret store)': { description: 'Log in to get credentials for the profile', commands: [['duo-sso-setup', 'login', '--profile', '<profile>']] },
  'cannot update {}: {}; it was left unchanged': { description: 'The reason follows the colon (a folder, link or pipe in the file\'s place, permissions, a full disk); nothing was changed', commands: [['duo-sso-setup', 'doctor', '--only', 'permissions']] },
  'the Role attribute holds no value AWS can use: {} (and {} more)': { description: 'Look at the Role values the assertion holds; a wrong mapping is for the IdP administrators', commands: [['duo-sso-setup', 'saml', 'inspect', '<saml-response-file>']] },
  '--from, --sha256, --allow-unverified and --release-key apply to duo-sso only': { description: 'Use those options with `upgrade duo-sso` only', commands: [['duo-sso-setup', 'upgrade', 'duo-sso', '--help']] },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A stem as a pattern: its literal text, anything in a hole. Stems with little literal text need our prefix. */
export function stemPattern(stem: string): RegExp {
  // Each hole is settled at the first place its following text occurs (an atomic group, as a
  // lookahead and its back-reference): the holes take anything, so a later place would match only
  // if the first one does, and trying them all rescans the text once per place (quadratic).
  let group = 0;
  const body = stem.split(HOLE).map(escape).map((lit, i) => {
    if (i === 0) return lit;
    if (lit === '') return '[\\s\\S]+?';
    group++;
    return `(?=([\\s\\S]+?${lit}))\\${group}`;
  }).join('');
  const literal = stem.split(HOLE).join('').trim().length;
  // A stem that opens with a hole matches from the text's first character whenever it matches
  // at all, so it is anchored there: unanchored, every position of the text would scan the rest
  // of it for the literal (quadratic, hours on an 8 MB log) to find that same match.
  const anchored = stem.startsWith(HOLE) ? `^${body}` : body;
  return new RegExp(literal >= 12 ? anchored : `duo-sso-setup: (?:error|warning): ${body}`);
}

const slug = (s: string) => s.toLowerCase().replace(/\{\}/g, ' ').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 8).join('-') || 'message';

/**
 * What the doctor does about a check's message, as its code says (the fix's `automatic`, read
 * by scripts/lib/own-messages.mjs): only an automatic fix is promised to --fix. The same words
 * printed by sites whose fixes differ promise neither.
 */
function checkFix(check: string, fix: OwnMessage['fix']): KnownFailure['fix'] {
  if (fix === 'automatic') return { description: `The doctor's ${check} check printed this; its fix runs with --fix`, commands: [['duo-sso-setup', 'doctor', '--fix', '--only', check]], automatic: true };
  const show = [['duo-sso-setup', 'doctor', '--only', check]];
  if (fix === 'advice') return { description: `The doctor's ${check} check printed this; its fix is advice to follow by hand (--fix does not run it): the doctor shows it under the line`, commands: show, automatic: false };
  if (fix === 'none') return { description: `The doctor's ${check} check printed this as a notice, with no fix to run: the lines under it say why`, commands: show, automatic: false };
  return { description: `The doctor's ${check} check printed this; the doctor shows its fix under the line, and --fix runs it only where the doctor marks it automatic`, commands: show, automatic: false };
}

function fixOf(m: OwnMessage): KnownFailure['fix'] | undefined {
  const hand = OWN_FIXES[m.stem];
  if (hand && !hand.entry) return { description: hand.description, commands: hand.commands ?? [], automatic: false };
  if (m.hint && m.hint.replaceAll(HOLE, '').trim().length > 0) return { description: m.hint.replaceAll(HOLE, '…'), commands: [], automatic: false };
  if (m.check) {
    const kinds = new Set(OWN_MESSAGES.filter((o) => o.stem === m.stem && o.check === m.check).map((o) => o.fix));
    return checkFix(m.check, kinds.size === 1 ? m.fix : undefined);
  }
  if (m.problem) return { description: 'login printed the command that helps under this line; run it (or log in again)', commands: [['duo-sso-setup', 'login']], automatic: false };
  return undefined;
}

let built: KnownFailure[] | undefined;

/** One entry per distinct stem that has a fix of its own (those answered by an entry proper are left to it). */
export function ownKnowledge(): readonly KnownFailure[] {
  if (built) return built;
  const byStem = new Map<string, OwnMessage>();
  // The first site of a stem that has a fix speaks for the stem (the same words, the same fix).
  for (const m of OWN_MESSAGES) if (!byStem.has(m.stem) && m.stem.replaceAll(HOLE, '').trim().length >= 4 && fixOf(m)) byStem.set(m.stem, m);
  const ids = new Set<string>();
  built = [];
  for (const m of byStem.values()) {
    const fix = fixOf(m);
    if (!fix) continue;
    let id = `own-${slug(m.stem)}`;
    for (let n = 2; ids.has(id); n++) id = `own-${slug(m.stem)}-${n}`;
    ids.add(id);
    built.push({
      id,
      title: `duo-sso-setup's own ${m.kind}: ${m.stem.replaceAll(HOLE, '…').split('\n')[0]}`,
      group: 'duo-sso',
      patterns: [stemPattern(m.stem)],
      explanation: `duo-sso-setup printed this itself (${m.where}); the line says what is wrong and where.`,
      fix,
      example: m.stem.replaceAll(HOLE, 'example'),
    });
  }
  return built;
}
