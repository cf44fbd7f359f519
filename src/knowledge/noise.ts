// What copying an error into an issue, a chat or a log collector does to it, undone before
// matching: Windows line ends, e-mail/markdown quoting ("> " before each line), terminal colour
// codes, typographic quotes (smart punctuation turns ' into ’),
// non-breaking spaces, and a message that arrives JSON- or Go-quoted (\" and \n escaped, as
// structured loggers and `%q` print it). The entries' patterns are written against what the
// emitting program printed; this keeps them from failing on how it was pasted. Pure.

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function normaliseNoise(text: string): string {
  let out = text.replace(/\r\n?/g, '\n').replace(/^[ \t]*>[ \t]?(?=\S)/gm, '').replace(ANSI, '').replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f]/g, '"').replace(/[\u00a0\u202f]/g, ' ');
  // Quoted as a whole (one line holding \n escapes and no real line breaks): unescape it, unless a Windows path is
  // there to hold the backslashes (C:\Users\jdoe\node_modules has a "\n" of its own).
  if (!/\r?\n/.test(out.trim()) && /\\n/.test(out) && !/\b[A-Za-z]:\\|\\\\/.test(out)) out = out.replace(/(?:\\r)?\\n/g, '\n').replace(/\\t/g, '\t');
  return out.replace(/\\"/g, '"');
}
