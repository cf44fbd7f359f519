// The init wizard driven through real enquirer prompts with injected input and output
// streams: each answer is typed once its question has been drawn.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { askInitOptions, durationValidator } from '../../src/config/wizard.js';
import { enquirerPrompter } from '../../src/ui/prompt.js';
import { buildConfig } from '../../src/config/init.js';

const ENTER = '\r';
const DOWN = '\u001b[B';
const BACKSPACE = '\u007f';

function terminal() {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (m: boolean) => void };
  // enquirer reads keypresses only from a TTY: this stream says it is one.
  stdin.isTTY = true;
  stdin.setRawMode = () => undefined;
  const stdout = new PassThrough();
  let screen = '';
  stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const plain = () => screen.replace(/\u001b\[[\d;?]*[A-Za-z]/g, '');
  /** Waits until `question` has been drawn (again, after `from`), then types `keys`. */
  async function answer(question: string, keys: string): Promise<void> {
    const start = plain().length;
    for (let i = 0; i < 400 && !plain().slice(answer.from).includes(question); i++) await new Promise((r) => setTimeout(r, 5));
    if (!plain().slice(answer.from).includes(question)) throw new Error(`question not shown: ${question}\n--- screen ---\n${plain().slice(-800)}`);
    answer.from = Math.max(start, plain().lastIndexOf(question));
    await new Promise((r) => setTimeout(r, 10));
    for (const key of keys.match(/\u001b\[[A-D]|[\s\S]/g) ?? []) stdin.write(key);
  }
  answer.from = 0;
  return { stdin, stdout, answer, plain };
}

describe('config init wizard (real enquirer, injected streams)', () => {
  it('asks for every setting and profile, validates answers, and returns the --yes equivalent', async () => {
    const t = terminal();
    const asked = askInitOptions(enquirerPrompter({ stdin: t.stdin, stdout: t.stdout }), { exists: false, force: false });
    await t.answer('duo-sso sign-in URL', ENTER);
    await t.answer('Duo device', ENTER);
    await t.answer('Duo factor', ENTER);
    await t.answer('Session duration in seconds for logins', ENTER);
    await t.answer('Add named profiles', ENTER);
    await t.answer('Profile name', `eticloud${ENTER}`);
    // A wrong account id is refused with the reason, then corrected.
    await t.answer('AWS account id', `62600762352${ENTER}`);
    await t.answer('exactly 12 digits', `4${ENTER}`);
    await t.answer('Role', ENTER);
    await t.answer('production account', ENTER);
    await t.answer('Session duration in seconds (900-14400)', ENTER);
    await t.answer('Add another profile', `y${ENTER}`);
    await t.answer('Profile name', `prod${ENTER}`);
    await t.answer('AWS account id', `012345678901${ENTER}`);
    await t.answer('Role', `${DOWN}${ENTER}`);
    await t.answer('production account', `y${ENTER}`);
    // Over the production cap is refused in place.
    await t.answer('Session duration in seconds (900-3600)', `7200${ENTER}`);
    await t.answer('at most 3600 s', `${BACKSPACE.repeat(4)}3600${ENTER}`);
    await t.answer('Add another profile', ENTER);
    // A region name is checked as typed; the AWS CLI needs one for every profile.
    await t.answer('Default AWS region for these profiles', `${BACKSPACE.repeat(9)}us-east${ENTER}`);
    await t.answer('an AWS region name', `-2${ENTER}`);
    const options = await asked;
    expect(options).toEqual({
      url: 'https://cloudsso.cisco.com', device: 'phone1', factor: 'push', sessionDuration: 3600,
      profiles: [
        { name: 'eticloud', accountId: '626007623524', role: 'admin', seconds: 3600 },
        { name: 'prod', accountId: '012345678901', role: 'devops', seconds: 3600 },
      ],
      production: ['prod'],
      force: false,
      region: 'us-east-2',
    });
    expect(buildConfig(options!).profiles).toEqual({
      eticloud: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 },
      prod: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 3600 },
    });
  });

  it('offers the organisation\'s region first, and asks none without profiles', async () => {
    const t = terminal();
    const asked = askInitOptions(enquirerPrompter({ stdin: t.stdin, stdout: t.stdout }), { exists: false, force: false, region: 'eu-west-1' });
    for (const q of ['duo-sso sign-in URL', 'Duo device', 'Duo factor', 'Session duration in seconds for logins', 'Add named profiles']) await t.answer(q, ENTER);
    for (const [q, a] of [['Profile name', 'x'], ['AWS account id', '626007623524'], ['Role', ''], ['production account', ''], ['Session duration in seconds (900', ''], ['Add another profile', '']]) await t.answer(q!, `${a}${ENTER}`);
    await t.answer('Default AWS region', ENTER);
    expect((await asked)?.region).toBe('eu-west-1');
    const none = terminal();
    const noProfiles = askInitOptions(enquirerPrompter({ stdin: none.stdin, stdout: none.stdout }), { exists: false, force: false });
    for (const q of ['duo-sso sign-in URL', 'Duo device', 'Duo factor', 'Session duration in seconds for logins']) await none.answer(q, ENTER);
    await none.answer('Add named profiles', `n${ENTER}`);
    expect(await noProfiles).not.toHaveProperty('region');
    expect(none.plain()).not.toContain('region');
  });

  it('stops without writing when the user keeps the existing config', async () => {
    const t = terminal();
    const asked = askInitOptions(enquirerPrompter({ stdin: t.stdin, stdout: t.stdout }), { exists: true, force: false });
    await t.answer('already exists. Replace it', ENTER);
    expect(await asked).toBeUndefined();
  });

  it('validates durations against the cap it is given', () => {
    const v = durationValidator(3600);
    expect(v('3600')).toBe(true);
    expect(v('899')).toMatch(/at least 900/);
    expect(v('3601')).toMatch(/at most 3600/);
    // It used to send the user to --session-duration, which config init --yes refuses above the cap as well.
    expect(v('3601')).not.toMatch(/--session-duration/);
    expect(v('3601')).toMatch(/login learns it/);
    expect(v('1h')).toMatch(/whole number/);
  });
});
