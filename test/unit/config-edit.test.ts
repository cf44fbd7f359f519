import { describe, expect, it } from 'vitest';
import { detectFormatting, profileNames, removeProfile, setAccountId, setSessionDuration, setValue, upsertProfile } from '../../src/config/edit.js';

const FOUR = `{
    "url": "https://cloudsso.cisco.com",
    "my_note": "keep me",
    "profiles": {
        "eticloud": { "aws_account_id": 626007623524, "aws_role_name": "admin", "session_duration_seconds": 28800 }
    }
}
`;

describe('format-preserving edits', () => {
  it('replaces a value and touches nothing else', () => {
    const out = setSessionDuration(FOUR, 'eticloud', 14400);
    expect(out).toBe(FOUR.replace('28800', '14400'));
  });

  it('inserts a missing top-level key in the guide\'s order, with the file\'s indentation', () => {
    const out = setSessionDuration(FOUR, undefined, 3600);
    expect(out).toBe(FOUR.replace('"url": "https://cloudsso.cisco.com",\n', '"url": "https://cloudsso.cisco.com",\n    "session_duration_seconds": 3600,\n'));
  });

  it('writes account ids as strings so leading zeros survive', () => {
    expect(setAccountId(FOUR, 'eticloud', '012345678901')).toBe(FOUR.replace('626007623524', '"012345678901"'));
  });

  it('keeps tabs and CRLF line endings', () => {
    const text = '{\r\n\t"url": "x",\r\n\t"debug": false\r\n}\r\n';
    expect(detectFormatting(text)).toEqual({ insertSpaces: false, tabSize: 1, eol: '\r\n' });
    expect(setSessionDuration(text, undefined, 3600)).toBe('{\r\n\t"url": "x",\r\n\t"session_duration_seconds": 3600,\r\n\t"debug": false\r\n}\r\n');
  });

  it('adds a profile, creating "profiles" when there is none', () => {
    const out = upsertProfile('{\n  "url": "x"\n}\n', 'scratch', { accountId: '012345678901', role: 'devops', seconds: 14400 });
    expect(JSON.parse(out)).toEqual({ url: 'x', profiles: { scratch: { aws_account_id: '012345678901', aws_role_name: 'devops', session_duration_seconds: 14400 } } });
    expect(out).toMatch(/^ {2}"profiles": \{\n {4}"scratch": \{\n {6}"aws_account_id": "012345678901",/m);
  });

  it('removes a profile, and "profiles" with the last one', () => {
    const two = upsertProfile(FOUR, 'b', { accountId: '111111111111', role: 'admin' });
    expect(profileNames(two)).toEqual(['eticloud', 'b']);
    const one = removeProfile(two, 'b');
    expect(profileNames(one)).toEqual(['eticloud']);
    expect(JSON.parse(removeProfile(one, 'eticloud'))).toEqual({ url: 'https://cloudsso.cisco.com', my_note: 'keep me' });
  });

  it('refuses to edit a profile that does not exist rather than inventing one', () => {
    expect(() => setSessionDuration(FOUR, 'nope', 3600)).toThrow(/no profile named "nope"/);
    expect(() => removeProfile(FOUR, 'nope')).toThrow(/no profile named "nope"/);
  });

  it('removes a value with undefined', () => {
    expect(JSON.parse(setValue(FOUR, ['my_note'], undefined))).not.toHaveProperty('my_note');
  });

  it('adds a key to a one-line object inline, and to an empty object on new lines', () => {
    expect(setValue('{ "a": 1, "b": 2 }', ['c'], 'x')).toBe('{ "a": 1, "b": 2, "c": "x" }');
    expect(setValue('{ "aws_role_name": "admin" }', ['profiles'], {})).toBe('{ "aws_role_name": "admin", "profiles": {} }');
    expect(setValue('{\n  "profiles": {}\n}', ['profiles', 'p'], { a: 1 })).toBe('{\n  "profiles": {\n    "p": {\n      "a": 1\n    }\n  }\n}');
    expect(setValue('{\n  "url": "x", "debug": false\n}', ['session_duration_seconds'], 3600)).toBe('{\n  "url": "x",\n  "session_duration_seconds": 3600, "debug": false\n}');
  });

  it('keeps a BOM where it is (the fix for it is separate)', () => {
    expect(setSessionDuration('\uFEFF{\n  "url": "x"\n}', undefined, 3600)).toBe('\uFEFF{\n  "url": "x",\n  "session_duration_seconds": 3600\n}');
  });

  it('inserts a profile key in the guide\'s order inside an inline profile', () => {
    const text = '{\n  "profiles": {\n    "a": { "aws_account_id": "111111111111", "aws_role_name": "admin" }\n  }\n}\n';
    expect(setSessionDuration(text, 'a', 3600)).toBe(text.replace('"admin" }', '"admin", "session_duration_seconds": 3600 }'));
  });

  it('refuses to edit text that does not parse, rather than making it worse', () => {
    for (const bad of ['{\n  "url": "x",\n}', '{"url": ', '[]', '']) expect(() => setSessionDuration(bad, undefined, 3600)).toThrow(/not a valid JSON object/);
  });
});
