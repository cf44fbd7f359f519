import { describe, expect, it } from 'vitest';
import { getSection, removeSection, sectionNames, setValues, configSectionName } from '../../src/aws/ini.js';

const CREDS = `# managed by hand
[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT00
aws_secret_access_key = secretdefault

[eticloud]
aws_access_key_id=ASIAEXAMPLE000000001
aws_secret_access_key=secret1
aws_session_token=token1
; trailing comment
`;

describe('ini', () => {
  it('reads sections and values', () => {
    expect(sectionNames(CREDS)).toEqual(['default', 'eticloud']);
    expect(getSection(CREDS, 'eticloud')).toEqual({ aws_access_key_id: 'ASIAEXAMPLE000000001', aws_secret_access_key: 'secret1', aws_session_token: 'token1' });
    expect(getSection(CREDS, 'nope')).toBeUndefined();
  });

  it('changes, adds and removes keys touching nothing else', () => {
    const out = setValues(CREDS, 'eticloud', { aws_secret_access_key: undefined, aws_session_token: undefined, credential_process: '/bin/x' });
    expect(out).toBe(`# managed by hand
[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT00
aws_secret_access_key = secretdefault

[eticloud]
aws_access_key_id=ASIAEXAMPLE000000001
credential_process = /bin/x
; trailing comment
`);
  });

  it('creates a missing section at the end and removes sections', () => {
    const added = setValues(CREDS, 'scratch', { a: '1' });
    expect(added.endsWith('; trailing comment\n\n[scratch]\na = 1\n')).toBe(true);
    expect(removeSection(added, 'scratch')).toBe(CREDS);
    expect(sectionNames(removeSection(CREDS, 'default'))).toEqual(['eticloud']);
  });

  it('keeps a nested setting (s3 = + indented lines) whole when adding or removing keys', () => {
    const config = '[profile x]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n\n[profile y]\nregion = eu-west-1\n';
    expect(setValues(config, 'profile x', { credential_process: '/bin/x' }))
      .toBe('[profile x]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\ncredential_process = /bin/x\n\n[profile y]\nregion = eu-west-1\n');
    expect(getSection(setValues(config, 'profile x', { credential_process: '/bin/x' }), 'profile x')).toEqual({ region: 'us-east-1', credential_process: '/bin/x' });
    expect(setValues(config, 'profile x', { s3: undefined })).toBe('[profile x]\nregion = us-east-1\n\n[profile y]\nregion = eu-west-1\n');
  });

  it('keeps CRLF line endings', () => {
    const crlf = CREDS.replace(/\n/g, '\r\n');
    expect(setValues(crlf, 'default', { region: 'us-east-1' })).toContain('secretdefault\r\nregion = us-east-1\r\n');
  });

  it('names config sections the AWS CLI way', () => {
    expect(configSectionName('default')).toBe('default');
    expect(configSectionName('eticloud')).toBe('profile eticloud');
  });
});
