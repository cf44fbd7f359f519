// What we print may quote what others wrote: profile names, role ARNs, SAML attribute values,
// pasted logs, file contents, a child's output. A control character in it is an instruction
// to the terminal (OSC 52 writes the clipboard, CSI moves the cursor and rewrites what was
// shown, CR and backspace overprint, a bidi override reorders a line), so everything written
// through the Context's IO passes here on its way out: each such character is shown as its
// JSON escape (`\u001b`). In `--json` output that text *is* the JSON escape of the same
// character, so the data is unchanged; in human text it is visible and inert.

// C0 controls but tab and newline; a CR that does not end a line (CRLF is a line end); DEL;
// the C1 controls (U+009B is a one-character CSI); bidi embeddings, overrides and isolates,
// the directional marks, and the line and paragraph separators that JSON leaves raw.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

// Our own colours (ui/style.ts `paint`): select-graphic-rendition and nothing else.
const OWN_SGR = /\u001b\[(?:3[1-9]|2|22|1)m/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control, escape and bidi character shown as `\uXXXX`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * The same, except that the colour codes ui/style.ts writes pass when colour is on (a quoted
 * string can at worst change a colour then; off a colour terminal nothing passes).
 */
export function terminalSafe(text: string, color: boolean): string {
  if (!color) return visible(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(OWN_SGR)) {
    out += visible(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + visible(text.slice(last));
}
