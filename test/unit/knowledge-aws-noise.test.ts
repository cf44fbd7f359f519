// The AWS, STS, network and npm entries (issue 18) recognise their
// messages inside what users really paste: a log prefix with a timestamp, a quoted reply
// ("> "), Windows line ends, a stack trace or the surrounding command output. The messages are
// the phrasings the other tests use (test/fixtures/knowledge); only the noise is added here.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { awsCliFailures } from '../../src/knowledge/aws-cli.js';
import { awsConfigFailures } from '../../src/knowledge/aws-config.js';
import { networkFailures } from '../../src/knowledge/network.js';
import { nodeFailures } from '../../src/knowledge/node.js';
import { notGrantedFailures } from '../../src/knowledge/not-granted.js';
import { stsFailures } from '../../src/knowledge/sts.js';
import phrasings from '../fixtures/knowledge/phrasings.js';
import fromSources from '../fixtures/knowledge/sources.js';

// Every entry of the AWS, STS, network and npm modules, with all its phrasings.
const IDS = new Set([...awsCliFailures, ...awsConfigFailures, ...networkFailures, ...nodeFailures, ...notGrantedFailures, ...stsFailures].map((e) => e.id));
const MINE = ([...phrasings, ...fromSources] as { id: string; source: string; text: string }[]).filter((p) => IDS.has(p.id));

const NOISE: [string, (text: string) => string][] = [
  ['a timestamped log prefix on every line', (t) => t.split('\n').map((l) => `2026-12-07T10:12:01.123Z ERROR ${l}`).join('\n')],
  ['a quoted reply', (t) => t.split('\n').map((l) => `> ${l}`).join('\n')],
  ['Windows line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['the command before and a stack after', (t) => `$ duo-sso-setup login --profile dev\n${t}\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)\nexit status 1`],
];

describe('entries from the emitters\' sources, in pasted surroundings', () => {
  it('has phrasings for every entry of these modules', () => {
    expect(IDS.size).toBeGreaterThan(40);
    expect(new Set(MINE.map((p) => p.id))).toEqual(IDS);
  });

  it.each(NOISE.flatMap(([noise, wrap]) => MINE.map((p) => [p.id, p.source, noise, wrap, p.text] as const)))(
    '%s (%s) with %s',
    (id, _source, _noise, wrap, text) => {
      expect(diagnose(wrap(text)).map((d) => d.id)).toEqual([id]);
    },
  );
});
