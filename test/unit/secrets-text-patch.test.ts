import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headerOffset, makePatch, undoPatch } from '../../src/credentials/text-patch.js';
import { removeSecrets } from '../../src/credentials/credentials-file.js';
import { setCredentialProcess } from '../../src/credentials/config-file.js';
import { configSectionName } from '../../src/aws/ini.js';

const CREDS = '# top\n[a]\naws_access_key_id = A\naws_secret_access_key = S\n\n[b]\nregion = x\naws_access_key_id = B\naws_secret_access_key = T\naws_session_token = U\n';

describe('text patches', () => {
  it('finds the character offset of the last header of a section', () => {
    expect(headerOffset(CREDS, 'a')).toBe(6);
    expect(headerOffset(CREDS, 'b')).toBe(CREDS.indexOf('[b]'));
    expect(headerOffset(CREDS, 'nope')).toBeUndefined();
    expect(headerOffset('[w]\r\nk = v\r\n[x]\r\n', 'x')).toBe(12);
    expect(headerOffset('[w]\rk = v\r[x]\r', 'x')).toBe(10);
    // A repeated section: the AWS CLI cannot read the file, so there is no anchor in it.
    expect(headerOffset('[x]\r\nk = v\r\n[x]\r\n', 'x')).toBeUndefined();
  });

  it('undoes a removal exactly, even after other sections changed', () => {
    const after = removeSecrets(CREDS, 'b');
    const patch = makePatch(CREDS, after, 'b')!;
    expect(undoPatch(after, patch)).toBe(CREDS);
    // Someone rewrote profile a in the meantime: b's bytes still come back exactly.
    const changed = after.replace('aws_secret_access_key = S', 'aws_secret_access_key = NEWER');
    expect(undoPatch(changed, patch)).toBe(CREDS.replace('aws_secret_access_key = S', 'aws_secret_access_key = NEWER'));
  });

  it('refuses when the patched spot changed or the section is gone', () => {
    const after = removeSecrets(CREDS, 'b');
    const patch = makePatch(CREDS, after, 'b')!;
    // Same length or not, a change between the header and the edit point stops the undo.
    expect(undoPatch(after.replace('region = x', 'region = y'), patch)).toBeUndefined();
    expect(undoPatch(after.replace('region = x', 'region = xyz'), patch)).toBeUndefined();
    expect(undoPatch('[a]\n', patch)).toBeUndefined();
  });

  it('edits whole lines only, even when a removed line shares its start with the next', () => {
    const before = '[a]\nX = 1\naws_session_token = T\naws_foo = 1\n';
    const after = removeSecrets(before, 'a');
    expect(after).toBe('[a]\nX = 1\naws_foo = 1\n');
    expect(makePatch(before, after, 'a')).toEqual({ section: 'a', offset: 10, context: '[a]\nX = 1\n', before: 'aws_session_token = T\n', after: '' });
    // CR-only lines are whole lines too.
    const cr = before.replace(/\n/g, '\r');
    expect(makePatch(cr, removeSecrets(cr, 'a'), 'a')).toEqual({ section: 'a', offset: 10, context: '[a]\rX = 1\r', before: 'aws_session_token = T\r', after: '' });
  });

  it('returns undefined for no change', () => {
    expect(makePatch('x', 'x', 'a')).toBeUndefined();
  });

  it('round-trips any removal and any added credential_process (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9/+=]{1,12}$/);
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region', 'output'), value).map(([k, v]) => `${k} = ${v}`),
      fc.constantFrom('', '# comment', '; other comment'),
    );
    const section = fc.tuple(name, fc.array(line, { maxLength: 5 })).map(([n, ls]) => [`[${n}]`, ...ls]);
    const doc = fc.tuple(fc.array(section, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([sections, eol, finalEol]) => {
        const text = sections.flat().join(eol);
        return { text: finalEol ? text + eol : text, names: sections.map((s) => s[0]!.slice(1, -1)) };
      });
    fc.assert(fc.property(doc, fc.nat(), ({ text, names }, pick) => {
      const profile = names[pick % names.length]!;
      const removed = removeSecrets(text, profile);
      const p1 = makePatch(text, removed, profile);
      expect(p1 ? undoPatch(removed, p1) : removed).toBe(text);
      const edit = setCredentialProcess(text, profile, '/usr/bin/node /x/cli.js credential-process --profile p');
      if (edit.kind === 'set') {
        const section = configSectionName(profile);
        const p2 = makePatch(text, edit.text, section);
        expect(p2 ? undoPatch(edit.text, p2) : edit.text).toBe(text);
      }
    }), { numRuns: 300 });
  });
});
