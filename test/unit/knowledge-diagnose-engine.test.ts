// The matching engine on its own (diagnoseWith over entries made for the test), so each rule is
// pinned exactly: which line is evidence, which capture wins, when a fact is kept or dropped.
// The catalogue's entries are tested against their own messages elsewhere.
import { describe, expect, it } from 'vitest';
import { cleanFact, diagnoseWith, type Diagnosis } from '../../src/knowledge/diagnose.js';
import type { DiagnosisFacts, KnownFailure } from '../../src/knowledge/types.js';

function entry(id: string, patterns: RegExp[], extra: Partial<KnownFailure> = {}): KnownFailure {
  return {
    id,
    title: `${id} title`,
    group: 'aws-cli',
    patterns,
    explanation: `${id} explanation`,
    fix: { description: `${id} fix`, commands: [['echo', id]], automatic: false },
    example: '',
    ...extra,
  };
}

const facts = (entries: KnownFailure[], text: string): DiagnosisFacts[] => diagnoseWith(entries, text).map((d) => d.facts);

describe('diagnoseWith: the whole diagnosis', () => {
  it('is exactly the entry, its facts, the evidence line and its number (no detail key when there is nothing to say)', () => {
    const e = entry('boom', [/boom at (?<host>\S+)/]);
    const result = diagnoseWith([e], 'first line\n  second: boom at example.org  \nthird');
    const expected: Diagnosis[] = [{
      id: 'boom', title: 'boom title', group: 'aws-cli', explanation: 'boom explanation',
      fix: { description: 'boom fix', commands: [['echo', 'boom']], automatic: false },
      facts: { host: 'example.org' },
      evidence: 'second: boom at example.org',
      line: 2,
    }];
    expect(result).toStrictEqual(expected);
  });

  it('adds the detail sentence when the entry has one to say, and leaves it out when it returns nothing', () => {
    const says = entry('says', [/says (?<profile>\w+)/], { describe: (f) => (f.profile === 'dev' ? `profile ${f.profile}` : undefined) });
    expect(diagnoseWith([says], 'says dev')[0]!.detail).toBe('profile dev');
    const quiet = diagnoseWith([says], 'says prod')[0]!;
    expect(Object.keys(quiet)).not.toContain('detail');
  });

  it('finds nothing when no pattern matches', () => {
    expect(diagnoseWith([entry('a', [/absent/]), entry('b', [/missing/])], 'some text\nmore')).toEqual([]);
  });
});

describe('diagnoseWith: lines and evidence', () => {
  it('numbers lines from 1, with LF or CRLF ends, and shows the trimmed line of the match', () => {
    const e = entry('hit', [/needle/]);
    expect(diagnoseWith([e], 'needle first').map((d) => [d.line, d.evidence])).toEqual([[1, 'needle first']]);
    expect(diagnoseWith([e], 'a\nb\n\n\tthe needle here\t\nz').map((d) => [d.line, d.evidence])).toEqual([[4, 'the needle here']]);
    expect(diagnoseWith([e], 'a\r\nb\r\nthe needle here\r\nz').map((d) => [d.line, d.evidence])).toEqual([[3, 'the needle here']]);
  });

  it('takes the line where the match starts, even when the match runs on over later lines', () => {
    const e = entry('span', [/start\nmiddle\nend/]);
    expect(diagnoseWith([e], 'zero\nstart\nmiddle\nend').map((d) => [d.line, d.evidence])).toEqual([[2, 'start']]);
    // A match that begins with the line break belongs to the line that break ends.
    const nl = entry('nl', [/\nafter/]);
    expect(diagnoseWith([nl], 'one\nbefore\nafter').map((d) => [d.line, d.evidence])).toEqual([[2, 'before']]);
  });

  it('uses the earliest match among an entry’s patterns, whatever their order in the entry', () => {
    const e = entry('two', [/late (?<profile>\w+)/, /early (?<region>[\w-]+)/]);
    const [d] = diagnoseWith([e], 'line one\nearly eu-west-1\nline three\nlate dev');
    expect(d!.line).toBe(2);
    expect(d!.evidence).toBe('early eu-west-1');
    // Facts come from every pattern that matched, not only the first.
    expect(d!.facts).toStrictEqual({ region: 'eu-west-1', profile: 'dev' });
  });

  it('skips patterns that do not match and still reports the ones that do', () => {
    const e = entry('some', [/absent (?<profile>\w+)/, /present (?<region>[\w-]+)/]);
    expect(facts([e], 'present us-east-1')).toStrictEqual([{ region: 'us-east-1' }]);
  });

  it('keeps a 300-character line whole and clips a longer one to 299 characters and an ellipsis', () => {
    const e = entry('long', [/MARK/]);
    // Words, not one unbroken run: a 200-character run would be redacted as a token.
    const exact = `MARK${' y'.repeat(148)}`;
    expect(exact).toHaveLength(300);
    expect(diagnoseWith([e], exact)[0]!.evidence).toBe(exact);
    const longer = `${exact}z`;
    expect(diagnoseWith([e], longer)[0]!.evidence).toBe(`${exact.slice(0, 299)}…`);
  });

  it('redacts secrets in the evidence line', () => {
    const e = entry('leak', [/token expired/]);
    expect(diagnoseWith([e], 'aws_session_token=IQoJb3JpZ2luX2Vj token expired')[0]!.evidence).toBe('aws_session_token=[redacted] token expired');
  });
});

describe('diagnoseWith: order and superseding', () => {
  it('lists diagnoses in the order their matches appear in the text, not the order of the entries', () => {
    const entries = [entry('third', [/gamma/]), entry('first', [/alpha/]), entry('second', [/beta/])];
    expect(diagnoseWith(entries, 'alpha\nbeta\ngamma').map((d) => [d.id, d.line])).toEqual([['first', 1], ['second', 2], ['third', 3]]);
  });

  it('drops an entry another matching entry supersedes, and keeps it when the other does not match', () => {
    const general = entry('general', [/failed/]);
    const specific = entry('specific', [/tls failed/], { supersedes: ['general', 'unrelated'] });
    const other = entry('other', [/other/]);
    expect(diagnoseWith([general, specific, other], 'tls failed\nother').map((d) => d.id)).toEqual(['specific', 'other']);
    expect(diagnoseWith([general, specific, other], 'it failed\nother').map((d) => d.id)).toEqual(['general', 'other']);
  });

  it('reports a fallback (a wrapper\'s words) only when no other entry is left, and every fallback then', () => {
    const wrapper = entry('wrapper', [/failed to retrieve credentials/], { fallback: true });
    const wrapper2 = entry('wrapper2', [/get credentials/], { fallback: true });
    const inner = entry('inner', [/no such host/]);
    const innerGone = entry('inner-gone', [/no such host/], { supersedes: ['inner'] });
    const text = 'get credentials: failed to retrieve credentials: lookup sts.example: no such host';
    expect(diagnoseWith([wrapper, inner], text).map((d) => d.id)).toEqual(['inner']);
    expect(diagnoseWith([wrapper, wrapper2], text).map((d) => d.id)).toEqual(['wrapper2', 'wrapper']);
    expect(diagnoseWith([wrapper, inner], 'failed to retrieve credentials: EOF').map((d) => d.id)).toEqual(['wrapper']);
    // A superseded entry does not count as a specific one: the fallback stays beside its superseder.
    expect(diagnoseWith([wrapper, inner, innerGone], text).map((d) => d.id)).toEqual(['inner-gone']);
    expect(diagnoseWith([wrapper, entry('gone', [/no such host/]), entry('eraser', [/sts\.example/], { supersedes: ['gone'], fallback: true })], text).map((d) => d.id))
      .toEqual(['wrapper', 'eraser']);
  });
});

describe('diagnoseWith: facts from AWS error lines', () => {
  const denied = entry('denied', [/AccessDenied/]);
  const throttled = entry('throttled', [/Throttling/]);

  it('takes code, operation and retries from the AWS CLI error on the matched line, not from another one', () => {
    const text = [
      'An error occurred (Throttling) when calling the AssumeRoleWithSAML operation (reached max retries: 4): Rate exceeded',
      'An error occurred (AccessDenied) when calling the GetRole operation: User: arn:aws:sts::123456789012:assumed-role/admin/jdoe is not authorized',
    ].join('\n');
    expect(diagnoseWith([denied, throttled], text).map((d) => [d.id, d.line, d.facts])).toStrictEqual([
      ['throttled', 1, { code: 'Throttling', operation: 'AssumeRoleWithSAML', maxRetries: 4 }],
      ['denied', 2, { code: 'AccessDenied', operation: 'GetRole', role: 'admin', account: '123456789012' }],
    ]);
  });

  it('reads a role ARN\'s name without the sentence\'s comma or full stop after it, and keeps them inside a name', () => {
    const e = entry('arn', [/assume role/]);
    expect(facts([e], 'failed to load assume role for arn:aws:iam::123456789012:role/admin, source profile dev')).toStrictEqual([{ role: 'admin', account: '123456789012' }]);
    expect(facts([e], 'cannot assume role arn:aws:iam::123456789012:role/ops/deploy.')).toStrictEqual([{ role: 'deploy', account: '123456789012' }]);
    expect(facts([e], 'assume role arn:aws:iam::123456789012:role/a,b.c-d@e failed')).toStrictEqual([{ role: 'a,b.c-d@e', account: '123456789012' }]);
    expect(facts([e], 'assume role as arn:aws:sts::123456789012:assumed-role/readonly, then')).toStrictEqual([{ role: 'readonly', account: '123456789012' }]);
  });

  it("takes the role from duo-sso's Failed to Assume Role line", () => {
    const e = entry('duo', [/ValidationError/]);
    expect(facts([e], "noise\nFailed to Assume Role 'power-user' via STS: ValidationError: too long")).toStrictEqual([
      { code: 'ValidationError', operation: 'AssumeRoleWithSAML', role: 'power-user' },
    ]);
  });

  it('takes the target role and its account from a role ARN on the matched line only', () => {
    const e = entry('arn', [/cannot assume/]);
    expect(facts([e], 'cannot assume arn:aws:iam::210987654321:role/team/deploy now')).toStrictEqual([{ role: 'deploy', account: '210987654321' }]);
    expect(facts([e], 'arn:aws:iam::210987654321:role/deploy\ncannot assume it')).toStrictEqual([{}]);
  });

  it('reads an account number written after "account", with or without a colon and spaces, before the ARN’s', () => {
    const e = entry('acct', [/refused/]);
    expect(facts([e], 'refused for account 111122223333')).toStrictEqual([{ account: '111122223333' }]);
    expect(facts([e], 'refused for account:444455556666')).toStrictEqual([{ account: '444455556666' }]);
    expect(facts([e], 'refused for Account:   777788889999.')).toStrictEqual([{}]);
    expect(facts([e], 'refused for account:   777788889999.')).toStrictEqual([{ account: '777788889999' }]);
    expect(facts([e], 'refused for account 1234567890123 arn:aws:iam::210987654321:role/x')).toStrictEqual([{ role: 'x', account: '210987654321' }]);
    expect(facts([e], 'refused for account 123456789 arn:aws:iam::210987654321:role/x')).toStrictEqual([{ role: 'x', account: '210987654321' }]);
    expect(facts([e], 'refused for account 111122223333 arn:aws:iam::210987654321:role/x')).toStrictEqual([{ role: 'x', account: '111122223333' }]);
  });
});

describe('diagnoseWith: facts from named groups', () => {
  it('turns each known group name into a fact and ignores the others', () => {
    const e = entry('all', [/P=(?<profile>\S+) T=(?<tap>\S+) F=(?<formula>\S+) K=(?<fingerprint>\S+) R=(?<region>\S+) H=(?<host>\S+) D=(?<path>\S+) X=(?<other>\S+)/]);
    expect(facts([e], 'P=dev T=org/tap F=duo-sso K=ABCDEF0123456789 R=eu-west-1 H=sts.amazonaws.com D=/home/j/.aws X=ignored')).toStrictEqual([{
      profile: 'dev', tap: 'org/tap', formula: 'duo-sso', fingerprint: 'ABCDEF0123456789', region: 'eu-west-1', host: 'sts.amazonaws.com', path: '/home/j/.aws',
    }]);
  });

  it('lets the earliest match’s capture win when two patterns capture the same name', () => {
    const e = entry('both', [/second (?<profile>\w+)/, /first (?<profile>\w+)/]);
    expect(facts([e], 'first alpha\nsecond beta')).toStrictEqual([{ profile: 'alpha' }]);
  });

  it('does not let a group that took no part in the earlier match erase a later capture', () => {
    const e = entry('optional', [/early(?: (?<profile>\d+))?/, /late (?<profile>\w+)/]);
    expect(facts([e], 'early\nlate beta')).toStrictEqual([{ profile: 'beta' }]);
  });

  it('reads a pattern without named groups', () => {
    expect(facts([entry('plain', [/plain/])], 'plain')).toStrictEqual([{}]);
  });

  it.each([
    ['1', 1], ['443', 443], ['65535', 65535],
    ['0', undefined], ['65536', undefined], ['80.5', undefined], ['', undefined],
  ])('keeps port %j only as a whole number from 1 to 65535', (port, expected) => {
    const e = entry('port', [/to (?<host>[\w.]+)(?::(?<port>[\d.]*))?$/]);
    expect(facts([e], `to example.org:${port}`)).toStrictEqual([expected === undefined ? { host: 'example.org' } : { host: 'example.org', port: expected }]);
  });

  it('keeps a fact to its first line, trimmed, and drops one that is empty there', () => {
    const e = entry('multi', [/profile \((?<profile>[^)]*)\)/]);
    expect(facts([e], 'profile (dev\nsecond line)')).toStrictEqual([{ profile: 'dev' }]);
    expect(facts([e], 'profile (dev\rsecond line)')).toStrictEqual([{ profile: 'dev' }]);
    expect(facts([e], 'profile (  dev  )')).toStrictEqual([{ profile: 'dev' }]);
    expect(facts([e], 'profile (\nsecond line)')).toStrictEqual([{}]);
    expect(facts([e], 'profile (   )')).toStrictEqual([{}]);
  });

  it('drops a capture that carries a secret instead of showing it', () => {
    const e = entry('secret', [/profile \((?<profile>[^)]*)\)/]);
    expect(facts([e], 'profile (dev aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)')).toStrictEqual([{}]);
    expect(facts([e], 'profile (ASIAIOSFODNN7EXAMPLE)')).toStrictEqual([{}]);
  });
});

describe('cleanFact', () => {
  it.each([
    [undefined, undefined], ['', undefined], ['  ', undefined], ['\nrest', undefined],
    ['dev', 'dev'], [' dev ', 'dev'], ['dev\nrest', 'dev'], ['dev\r\nrest', 'dev'], ['dev\rrest', 'dev'],
    ['key ASIAIOSFODNN7EXAMPLE', undefined],
  ])('%j → %j', (input, output) => {
    expect(cleanFact(input)).toBe(output);
  });
});

describe('diagnoseWith: clock skew', () => {
  const skew = entry('skew', [/signed (?<sigTime>\S+) server (?<serverTime>\S+)/]);
  const sigOnly = entry('sig', [/signed (?<sigTime>\S+)$/]);

  it.each([
    ['20261126T093000Z', '20261126T094812Z', 1092],
    ['20261126T235959Z', '20261127T010203Z', 3724], // across midnight
    ['20261130T235900Z', '20261201T000100Z', 120], // across a month end
    ['20261231T235930Z', '20270101T000030Z', 60], // across a year end
    ['20261126T100000Z', '20261126T095959Z', -1], // the machine is ahead
    ['20261126T093000Z', '20261126T093000Z', 0],
  ])('signed %s, server %s → %d seconds', (sig, server, seconds) => {
    expect(facts([skew], `signed ${sig} server ${server}`)).toStrictEqual([{ skewSeconds: seconds }]);
  });

  it.each([
    ['x20261126T093000Z', '20261126T094812Z'],
    ['20261126T093000Z', '20261126T094812Zx'],
    ['2026112T093000Z', '20261126T094812Z'],
    ['20261126T093000', '20261126T094812Z'],
    ['20261126_093000Z', '20261126T094812Z'],
  ])('no skew from a malformed time: %s / %s', (sig, server) => {
    expect(facts([skew], `signed ${sig} server ${server}`)).toStrictEqual([{}]);
  });

  it('no skew when only one of the two times is given', () => {
    expect(facts([sigOnly], 'signed 20261126T093000Z')).toStrictEqual([{}]);
    const serverOnly = entry('server', [/server (?<serverTime>\S+)$/]);
    expect(facts([serverOnly], 'server 20261126T093000Z')).toStrictEqual([{}]);
  });
});

describe('diagnoseWith: fix commands', () => {
  const fix = {
    description: 'fill',
    commands: [['tool', '<profile>', '<role>', '<account>', '<tap>', '<fingerprint>', '<region>', '<host>', '<formula>', '--keep', 'profile']],
    automatic: true,
  };
  const e = entry('fill', [/P=(?<profile>\S+) T=(?<tap>\S+) K=(?<fingerprint>\S+) R=(?<region>\S+) H=(?<host>\S+) F=(?<formula>\S+)/], { fix });

  it('fills every placeholder the message named, keeps the rest of the arguments as they are', () => {
    const [d] = diagnoseWith([e], 'P=dev T=org/tap K=ABCD R=eu-west-1 H=sts.amazonaws.com F=duo-sso arn:aws:iam::210987654321:role/deploy');
    expect(d!.fix).toStrictEqual({
      description: 'fill',
      commands: [['tool', 'dev', 'deploy', '210987654321', 'org/tap', 'ABCD', 'eu-west-1', 'sts.amazonaws.com', '<formula>', '--keep', 'profile']],
      automatic: true,
    });
  });

  it('leaves a placeholder in place when the message did not name it', () => {
    const plain = entry('plain', [/nothing named/], { fix });
    expect(diagnoseWith([plain], 'nothing named')[0]!.fix.commands).toEqual(fix.commands);
  });

  it("takes the OS's own commands when the entry has them, else the fallback", () => {
    const perOs = entry('os', [/clock/], {
      fix: { description: 'd', commands: [['fallback', '<region>']], platformCommands: { darwin: [['mac', '<region>']] }, automatic: false },
    });
    expect(diagnoseWith([perOs], 'clock', { os: 'darwin' })[0]!.fix.commands).toEqual([['mac', '<region>']]);
    expect(diagnoseWith([perOs], 'clock', { os: 'linux' })[0]!.fix.commands).toEqual([['fallback', '<region>']]);
    expect(diagnoseWith([perOs], 'clock')[0]!.fix.commands).toEqual([['fallback', '<region>']]);
  });
});
