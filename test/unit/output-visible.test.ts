import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalSafe, visible } from '../../src/ui/visible.js';
import { redactUserInput } from '../../src/knowledge/redact.js';
import { paint } from '../../src/ui/style.js';

// Characters a terminal acts on (C0 but tab/newline, DEL, C1, bidi controls), and a CR not ending a line.
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('visible: control and escape characters shown as \\uXXXX', () => {
  it('shows each kind visibly', () => {
    expect(visible('a\u001b]52;c;aGk=\u0007b')).toBe('a\\u001b]52;c;aGk=\\u0007b');
    expect(visible('\u009b2J')).toBe('\\u009b2J');
    expect(visible('x\rspoof')).toBe('x\\u000dspoof');
    expect(visible('ab\b\b')).toBe('ab\\u0008\\u0008');
    expect(visible('\u202eevil\u2066')).toBe('\\u202eevil\\u2066');
    // Line ends and tabs are text; so is everything printable, accents and emoji included.
    expect(visible('a\tb\nc\r\nd é ✓ 🙂')).toBe('a\tb\nc\r\nd é ✓ 🙂');
  });

  it('leaves nothing raw, and is idempotent, over any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const v = visible(s);
      expect(RAW.test(v)).toBe(false);
      expect(visible(v)).toBe(v);
    }), { numRuns: 500 });
  });

  it('in a JSON document the escaped text parses back to the original data', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const doc = visible(JSON.stringify({ s }));
      expect(RAW.test(doc)).toBe(false);
      expect(JSON.parse(doc).s).toBe(s);
    }), { numRuns: 500 });
  });

  it('with colour on, our own colour codes pass and nothing else does', () => {
    const style = { color: true, unicode: true };
    const text = `${paint(style, 'red', 'failed')} profile p\u001b]52;c;aGk=\u0007 ${paint(style, 'bold', 'x')}`;
    expect(terminalSafe(text, true)).toBe(`\u001b[31mfailed\u001b[39m profile p\\u001b]52;c;aGk=\\u0007 \u001b[1mx\u001b[22m`);
    expect(terminalSafe(text, false)).toBe(visible(text));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(RAW.test(terminalSafe(s, true).replace(/\u001b\[(?:3[1-9]|2|22|1)m/g, ''))).toBe(false);
    }), { numRuns: 1000 });
  });
});

describe('redactUserInput: what an error echoes of the arguments', () => {
  it.each([
    ["unknown option '--aws-secret-access-key SECRET'", "unknown option '--aws-secret-access-key [value not shown]'"],
    ["unknown option '--password=hunter2'", "unknown option '--password [value not shown]'"],
    ["unknown option '-pSECRET'", "unknown option '-p [value not shown]'"],
    ["unknown option '--bogus'", "unknown option '--bogus'"],
    ["unknown option '-x'", "unknown option '-x'"],
    ["option '-p, --profile <name>' argument missing", "option '-p, --profile <name>' argument missing"],
    ["option '--profile <name>' needs a value", "option '--profile <name>' needs a value"],
    ["unknown command 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'", "unknown command '[redacted]'"],
  ])('%s', (input, shown) => {
    expect(redactUserInput(input)).toBe(shown);
  });
});
