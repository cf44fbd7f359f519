// The policy keys table of docs/fleet.md, generated from POLICY_DOC so the docs list exactly
// the keys the parser knows (a unit test keeps them in step).
import { POLICY_DOC } from './policy.js';

export const KEYS_START = '<!-- policy-keys:start (generated from src/policy/policy.ts) -->';
export const KEYS_END = '<!-- policy-keys:end -->';

export function renderPolicyKeys(): string {
  return [KEYS_START, '| key | meaning |', '| --- | --- |', ...Object.entries(POLICY_DOC).map(([k, v]) => `| \`${k}\` | ${v} |`), KEYS_END].join('\n');
}

export function withPolicyKeys(doc: string): string {
  const start = doc.indexOf(KEYS_START);
  const end = doc.indexOf(KEYS_END);
  if (start < 0 || end < start) return doc;
  return doc.slice(0, start) + renderPolicyKeys() + doc.slice(end + KEYS_END.length);
}
