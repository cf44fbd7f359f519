// Generated PowerShell, read as PowerShell reads it. There is no PowerShell on this machine,
// so the test carries a tokenizer for the two string forms, written from the language
// specification (§2.3.5.2 string literals): a single-quoted (verbatim) string opens and ends
// with any single-quote-character, U+0027 ' U+2018 ‘ U+2019 ’ U+201A ‚ U+201B ‛, and two of
// them in a row stand for one; a double-quoted string uses U+0022 " U+201C “ U+201D ” U+201E „,
// with backtick escapes and doubling the same way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { powershellQuote } from '../../src/platform/powershell.js';
import { formatEnv } from '../../src/exec/env-vars.js';
import { addToUserPathScript } from '../../src/install/execute.js';
import { nextCommands } from '../../src/login/render.js';
import { AMAZON_SIGNERS, MSI_SIGNATURE_CHECK } from '../../src/install/recipes/aws-cli-windows.js';
import { REPO } from '../support/sandbox.js';

const SQ = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const DQ = new Set(['"', '\u201c', '\u201d', '\u201e']);

interface Literal { kind: 'single' | 'double'; value: string; start: number; end: number }

/** Every string literal in `script`, in order, with its value. Text outside strings is skipped. */
function literals(script: string): Literal[] {
  const out: Literal[] = [];
  const chars = [...script];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '#') {
      while (i < chars.length && chars[i] !== '\n') i++;
      continue;
    }
    if (!SQ.has(c) && !DQ.has(c)) {
      i++;
      continue;
    }
    const quotes = SQ.has(c) ? SQ : DQ;
    const start = i;
    let value = '';
    i++;
    for (;;) {
      if (i >= chars.length) throw new Error(`unterminated string at ${start}`);
      const d = chars[i]!;
      if (quotes === DQ && d === '`') {
        value += chars[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (quotes.has(d)) {
        if (quotes.has(chars[i + 1] ?? '')) {
          value += chars[i + 1];
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += d;
      i++;
    }
    out.push({ kind: quotes === SQ ? 'single' : 'double', value, start, end: i });
  }
  return out;
}

const tricky = fc.string({ unit: fc.constantFrom(..."'\u2018\u2019\u201a\u201b\"\u201c\u201d`$;()& \\ab;|".split('')), maxLength: 30 });
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 30 }));

describe('the PowerShell string tokenizer (from the spec)', () => {
  it('reads what the specification says', () => {
    expect(literals("'it''s'").map((l) => l.value)).toEqual(["it's"]);
    expect(literals('\u2018O\u2019\u2019Brien\u2019').map((l) => l.value)).toEqual(['O\u2019Brien']);
    // A typographic quote ends an ASCII-opened string: the rest is code (here, Brien and an unclosed string).
    expect(() => literals("'O\u2019Brien'")).toThrow(/unterminated/);
    expect(literals("'O\u2019 + 'x'").map((l) => l.value)).toEqual(['O', 'x']);
    expect(literals('"a`"b" \'c\'').map((l) => l.value)).toEqual(['a"b', 'c']);
  });
});

describe('powershellQuote: one literal whose value is the input, for any input', () => {
  it('round-trips', () => {
    fc.assert(fc.property(anyText, (v) => {
      const q = powershellQuote(v);
      const found = literals(q);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'single', value: v, start: 0, end: [...q].length });
    }), { numRuns: 3000 });
  });

  it('the old ASCII-only quoting let a typographic quote end the string', () => {
    const old = (v: string) => `'${v.replaceAll("'", "''")}'`;
    // Old: 'C:\Users\O’; Remove-Item -Recurse ~; ’x' is the string C:\Users\O, a command, and the string x.
    const dir = 'C:\\Users\\O\u2019; Remove-Item -Recurse ~; \u2019x';
    expect(literals(old(dir)).map((l) => l.value)).toEqual(['C:\\Users\\O', 'x']);
    expect(literals(powershellQuote(dir)).map((l) => l.value)).toEqual([dir]);
  });
});

describe('every generated script quotes through it', () => {
  it('install: adding a folder to the user Path keeps the folder one value', () => {
    fc.assert(fc.property(anyText, (dir) => {
      const values = literals(addToUserPathScript(dir)).map((l) => l.value);
      expect(values).toEqual(['Path', 'User', ';', dir, 'Path', ';', `;${dir}`, 'User']);
    }), { numRuns: 1000 });
  });

  it('login: the $env:AWS_PROFILE line to copy keeps the profile one literal', () => {
    fc.assert(fc.property(anyText, (profile) => {
      const line = nextCommands(profile, 'win32').at(-1)!;
      expect(line.startsWith('$env:AWS_PROFILE = ')).toBe(true);
      expect(literals(line).map((l) => l.value)).toEqual([profile]);
    }), { numRuns: 500 });
  });

  it('env --format powershell: each value is one literal', () => {
    fc.assert(fc.property(anyText, anyText, (a, b) => {
      const text = formatEnv({ set: { AWS_PROFILE: a, AWS_REGION: b }, unset: [] }, 'powershell');
      expect(literals(text).map((l) => l.value)).toEqual([a, b]);
    }), { numRuns: 1000 });
  });
});

/** The signer check as PowerShell evaluates it: -split with the script's pattern, O= values, exact compare. */
function organisations(pattern: string, subject: string): string[] {
  return subject.split(new RegExp(pattern)).filter((p) => p.startsWith('O=')).map((p) => p.slice(2).replace(/^"+|"+$/g, ''));
}

const SUBJECTS = {
  amazon: 'CN=Amazon.com Services LLC, O=Amazon.com Services LLC, L=Seattle, S=Washington, C=US',
  amazonQuoted: 'CN=Amazon Web Services, O="Amazon Web Services, Inc.", L=Seattle, S=Washington, C=US',
  amazonite: 'CN=Amazonite LLC, O=Amazonite LLC, L=Reno, S=Nevada, C=US',
  prefixed: 'CN=x, O=Amazon.com Services LLC Evil, C=US',
  smuggled: 'CN=x, O="Evil, O=Amazon.com Services LLC", C=US',
  ouOnly: 'CN=Amazon.com Services LLC, OU=Amazon.com Services LLC, O=Other',
  lowercase: 'CN=x, O=amazon.com services llc, C=US',
};

describe('the MSI signer check matches the subject\'s O= exactly', () => {
  const lits = literals(MSI_SIGNATURE_CHECK);
  const pattern = lits.find((l) => l.value.startsWith(',\\s*'))!.value;
  const allowed = lits.filter((l) => AMAZON_SIGNERS.includes(l.value)).map((l) => l.value);
  const accepts = (subject: string) => {
    const orgs = organisations(pattern, subject);
    return orgs.length === 1 && allowed.includes(orgs[0]!);
  };

  it('the script holds the pattern and each signer as one literal', () => {
    expect(allowed).toEqual([...AMAZON_SIGNERS]);
    expect(MSI_SIGNATURE_CHECK).toContain('-cnotcontains $orgs[0]');
    expect(MSI_SIGNATURE_CHECK).toContain('$orgs.Count -ne 1');
    expect(MSI_SIGNATURE_CHECK).not.toMatch(/-notmatch/);
  });

  it.each(Object.entries(SUBJECTS))('%s', (name, subject) => {
    expect(accepts(subject)).toBe(name === 'amazon' || name === 'amazonQuoted');
  });

  it('the old substring check accepted Amazonite', () => {
    expect(/O=Amazon/i.test(SUBJECTS.amazonite)).toBe(true);
  });
});

describe('install.ps1: the Node.js MSI signer is the OpenJS Foundation exactly', () => {
  const text = readFileSync(join(REPO, 'installers', 'install.ps1'), 'utf8');
  it('one O= value, compared case-sensitively, with the same split', () => {
    const fn = /function Get-SubjectOrganisations[^\n]*\n([^\n]*)\n/.exec(text)?.[1] ?? '';
    const pattern = literals(fn).find((l) => l.value.startsWith(',\\s*'))!.value;
    expect(text).toContain("$NodeSigner = 'OpenJS Foundation'");
    expect(text).toMatch(/\$orgs = Get-SubjectOrganisations \$sig\.SignerCertificate\.Subject\n\s*if \(\$sig\.Status -ne 'Valid' -or \$orgs\.Count -ne 1 -or \$orgs\[0\] -cne \$NodeSigner\)/);
    const ok = (s: string) => {
      const o = organisations(pattern, s);
      return o.length === 1 && o[0] === 'OpenJS Foundation';
    };
    expect(ok('CN=OpenJS Foundation, O=OpenJS Foundation, L=San Francisco, S=California, C=US')).toBe(true);
    expect(ok('CN=x, O=OpenJS Foundation Impostors, C=US')).toBe(false);
    expect(ok('CN=OpenJS Foundation, O=Evil')).toBe(false);
    // Every string in the installer is well formed (nothing ends early).
    expect(() => literals(text)).not.toThrow();
  });
});
