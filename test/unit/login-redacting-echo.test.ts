import { describe, expect, it } from 'vitest';
import { redactingEcho } from '../../src/login/redacting-echo.js';
import { redactSecrets } from '../../src/knowledge/redact.js';

function echo() {
  let shown = '';
  const e = redactingEcho((t) => void (shown += t));
  return { e, shown: () => shown };
}

describe('redactingEcho', () => {
  it('shows a prompt before its newline, then only the rest of the line', () => {
    const { e, shown } = echo();
    e.line('Available AWS accounts / roles:', 'stdout');
    e.partial('Select a role [1-2]: ', 'stdout');
    expect(shown()).toBe('Available AWS accounts / roles:\nSelect a role [1-2]: ');
    e.partial('Select a role [1-2]: ', 'stdout'); // the same partial again: nothing new
    e.line('Select a role [1-2]: ✔ AWS Accounts / Roles validated successfully', 'stdout');
    expect(shown()).toBe('Available AWS accounts / roles:\nSelect a role [1-2]: ✔ AWS Accounts / Roles validated successfully\n');
  });

  it('keeps the two streams apart', () => {
    const { e, shown } = echo();
    e.partial('Passcode: ', 'stderr');
    e.line('✔ SSO completed successfully', 'stdout');
    e.line('Passcode: ok', 'stderr');
    expect(shown()).toBe('Passcode: ✔ SSO completed successfully\nok\n');
  });

  it.each([
    ['the start of an STS answer key', 'DEBUG STS response: <Credentials><SecretAccessKey>wJalrXUt'],
    ['a key=value secret', 'aws_secret_access_key = wJal'],
    ['a long token-like tail', 'DEBUG SAMLResponse: PD94bWwgdmVyc2lvbj0iMS4w'],
  ])('holds back a partial line with %s until the line ends, then shows it redacted', (_what, partial) => {
    const { e, shown } = echo();
    e.partial(partial, 'stdout');
    expect(shown()).toBe('');
    const whole = `${partial}${'A'.repeat(300)}</SecretAccessKey></Credentials>`;
    e.line(whole, 'stdout');
    expect(shown()).toBe(`${redactSecrets(whole)}\n`);
    expect(shown()).not.toContain('wJal');
    expect(shown()).not.toContain('PD94');
  });

  it('redacts the rest of a line whose shown start ended just before a secret', () => {
    const { e, shown } = echo();
    e.partial('DEBUG STS response: <SecretAccessKey>', 'stdout');
    e.line('DEBUG STS response: <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>', 'stdout');
    expect(shown()).toBe('DEBUG STS response: <SecretAccessKey>[redacted]</SecretAccessKey>\n');
  });
});
