// The AWS, network and npm entries written from the emitters' sources (issue 18) recognise their
// messages inside what users really paste: a log prefix with a timestamp, a quoted reply
// ("> "), Windows line ends, a stack trace or the surrounding command output. The messages are
// the emitters' own (test/fixtures/knowledge/sources.ts); only the noise is added here.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import fromSources from '../fixtures/knowledge/sources.js';

const IDS = new Set([
  'aws-cli-usage', 'eks-get-token-failed', 'eks-unauthorized', 'aws-throttled', 'aws-config-invalid-value', 'assume-role-mfa-prompt',
  'imds-fallback', 'session-duration-out-of-range', 'web-identity-rejected', 'packed-policy-too-large', 'malformed-policy-document',
  'request-unsigned', 'action-not-allowed', 'node-not-on-path', 'npm-install-conflict', 'sso-role-not-assigned', 'native-binding-missing',
  'aws-cli-pager', 'python-text-encoding', 'aws-files-permissions', 'saml-assertion-length', 'aws-cli-install-failed', 'no-credentials-chain',
  'npm-registry-or-resolution', 'npm-wrong-folder-or-cache',
]);
const MINE = (fromSources as { id: string; source: string; text: string }[]).filter((p) => IDS.has(p.id));

const NOISE: [string, (text: string) => string][] = [
  ['a timestamped log prefix on every line', (t) => t.split('\n').map((l) => `2026-12-07T10:12:01.123Z ERROR ${l}`).join('\n')],
  ['a quoted reply', (t) => t.split('\n').map((l) => `> ${l}`).join('\n')],
  ['Windows line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['the command before and a stack after', (t) => `$ duo-sso-setup login --profile dev\n${t}\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)\nexit status 1`],
];

describe('entries from the emitters\' sources, in pasted surroundings', () => {
  it('covers every new entry', () => {
    expect(new Set(MINE.map((p) => p.id))).toEqual(IDS);
  });

  it.each(NOISE.flatMap(([noise, wrap]) => MINE.map((p) => [p.id, p.source, noise, wrap, p.text] as const)))(
    '%s (%s) with %s',
    (id, _source, _noise, wrap, text) => {
      expect(diagnose(wrap(text)).map((d) => d.id)).toEqual([id]);
    },
  );
});
