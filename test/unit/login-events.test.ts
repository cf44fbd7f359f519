import { describe, expect, it } from 'vitest';
import { parseLine, summarise } from '../../src/login/events.js';

describe('parseLine', () => {
  it.each([
    ['✔ SSO completed successfully', { kind: 'sso-completed' }],
    ['âœ” SSO completed successfully', { kind: 'sso-completed' }], // the guide's mis-encoded check mark
    ['\u001b[32m✓\u001b[0m AWS Accounts / Roles validated successfully', { kind: 'roles-validated' }],
    ["✔ Assume role 'admin' completed successfully", { kind: 'role-assumed', role: 'admin' }],
    ["✔ AWS Credentials saved for profile 'eticloud'\r", { kind: 'profile-saved', profile: 'eticloud' }],
    ["AWS Credentials saved for profile 'dev-1'", { kind: 'profile-saved', profile: 'dev-1' }],
    [
      "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role",
      { kind: 'assume-failed', role: 'admin', code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role' },
    ],
    [
      "2024/05/01 10:00:00 Failed to Assume Role 'devops' via STS: AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML",
      { kind: 'assume-failed', role: 'devops', code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML' },
    ],
    ['Error: SSO login failed: net::ERR_BAD_SSL_CLIENT_AUTH_CERT', { kind: 'certificate-prompt', line: 'Error: SSO login failed: net::ERR_BAD_SSL_CLIENT_AUTH_CERT' }],
    ['  [3] 123456789012 devops', { kind: 'role-listed', account: '123456789012', role: 'devops' }],
    ['arn:aws:iam::012345678901:role/admin', { kind: 'role-listed', account: '012345678901', role: 'admin' }],
    ['Error: failed to read config: unexpected end of JSON input', { kind: 'error', message: 'failed to read config: unexpected end of JSON input' }],
    ['Waiting for Duo Push approval on phone1...', { kind: 'other', line: 'Waiting for Duo Push approval on phone1...' }],
    ['', { kind: 'other', line: '' }],
  ])('%j', (line, event) => {
    expect(parseLine(line)).toEqual(event);
  });
});

describe('summarise', () => {
  it('folds a run with a failure after one saved profile', () => {
    const s = summarise([
      '✔ SSO completed successfully',
      '✔ AWS Accounts / Roles validated successfully',
      "✔ Assume role 'admin' completed successfully",
      "✔ AWS Credentials saved for profile 'eticloud'",
      "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role",
    ]);
    expect(s).toMatchObject({ ssoCompleted: true, rolesValidated: true, assumed: ['admin'], saved: ['eticloud'], certificatePrompt: false });
    expect(s.failures).toHaveLength(1);
  });
});
