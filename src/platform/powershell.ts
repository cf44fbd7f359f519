// Text for PowerShell, made in one place for every script we generate. A single-quoted string
// is verbatim, but PowerShell ends it at any of its five single-quote characters, not only the
// ASCII apostrophe: U+0027 ' and the typographic U+2018 ‘, U+2019 ’, U+201A ‚ and U+201B ‛
// (the language specification's single-quote-character). Inside the string, one of them is
// written by doubling it. A path such as C:\Users\O’Brien would otherwise end the string and
// run the rest as code.

/** PowerShell's single-quote characters. */
export const POWERSHELL_QUOTES = "'\u2018\u2019\u201a\u201b";

/** `value` as a PowerShell single-quoted string literal. */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}
