// Judges `saml inspect` on the responses of ../shared/corpus/saml against what reading each
// file's XML says (test/fixtures/saml/corpus-expected.ts): every role, attribute and warning
// as expected, or refused for the expected reason. The judge takes `inspect` as an argument,
// so the same verdicts can be computed for an older build (the before/after figure).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { inspect as Inspect } from '../../src/saml/inspect.js';
import { CORPUS_EXPECTED, type CorpusExpectation } from '../fixtures/saml/corpus-expected.js';

export interface Verdict {
  path: string;
  seen: boolean;
  /** What differs from the expectation; empty when read as expected. */
  differences: string[];
}

/** A fixed clock: validity is not judged here (the fixture tests pin it). */
const NOW = new Date('2026-11-26T10:00:00Z');

export function roleKey(r: { roleArn: string; account: string; path: string; role: string; provider: string }): string {
  return `${r.roleArn.split(':')[1]}:${r.account}:${r.path}${r.role}@${r.provider}`;
}

export function judge(inspect: typeof Inspect, bytes: Uint8Array, expected: CorpusExpectation): string[] {
  const out: string[] = [];
  let result: ReturnType<typeof Inspect> | undefined;
  let error: { message: string; hint: string } | undefined;
  try {
    result = inspect(bytes, NOW, false);
  } catch (e) {
    const err = e as { message?: string; opts?: { hint?: string } };
    error = { message: String(err.message), hint: String(err.opts?.hint ?? '') };
  }
  if ('refused' in expected) {
    if (!error) return [`read, expected refused with ${expected.refused}`];
    if (!expected.refused.test(error.message)) out.push(`message ${JSON.stringify(error.message)} does not match ${expected.refused}`);
    if (expected.hint && !expected.hint.test(error.hint)) out.push(`hint ${JSON.stringify(error.hint)} does not match ${expected.hint}`);
    return out;
  }
  if (!result) return [`refused (${error?.message}), expected read`];
  const { doc } = result;
  const want = expected.read;
  const roles = doc.roles.map(roleKey);
  if (JSON.stringify(roles) !== JSON.stringify(want.roles)) out.push(`roles ${JSON.stringify(roles)}, expected ${JSON.stringify(want.roles)}`);
  if (doc.sessionDuration !== want.sessionDuration) out.push(`sessionDuration ${doc.sessionDuration}, expected ${want.sessionDuration}`);
  if (doc.roleSessionName !== want.roleSessionName) out.push(`roleSessionName ${doc.roleSessionName}, expected ${want.roleSessionName}`);
  const warnings = want.warnings ?? [];
  if (doc.warnings.length !== warnings.length || !warnings.every((w, i) => w.test(doc.warnings[i]!))) {
    out.push(`warnings ${JSON.stringify(doc.warnings)}, expected ${warnings.map(String).join(', ') || 'none'}`);
  }
  return out;
}

/** Every corpus file with a verdict; files without an expectation are a difference too. */
export function judgeCorpus(inspect: typeof Inspect, root: string): Verdict[] {
  const paths = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => /^(idp|third-party|non-aws)\/[^/]+$/.test(p.split('\\').join('/')))
    .map((p) => p.split('\\').join('/'))
    .sort();
  return paths.map((path) => {
    const expected = CORPUS_EXPECTED[path];
    if (!expected) return { path, seen: false, differences: ['no expectation written for this file'] };
    return { path, seen: expected.seen === true, differences: judge(inspect, readFileSync(join(root, path)), expected) };
  });
}

export function summary(verdicts: Verdict[]): string {
  const line = (label: string, vs: Verdict[]) => `${label}: ${vs.filter((v) => v.differences.length === 0).length} of ${vs.length} read as expected`;
  const folders = ['idp', 'third-party', 'non-aws'].map((f) => line(`${f}/`, verdicts.filter((v) => v.path.startsWith(`${f}/`))));
  return [line('unseen', verdicts.filter((v) => !v.seen)), line('seen', verdicts.filter((v) => v.seen)), line('all', verdicts), ...folders].join('; ');
}
