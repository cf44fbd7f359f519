// Turns a character offset into line:column and a caret excerpt, for JSON errors
// that users can find in their editor.

export interface Position {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offending line with a caret under the column. */
export function caretExcerpt(text: string, pos: Position): string {
  const lineText = (text.split(/\n/)[pos.line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  const shown = lineText.length > 120 ? lineText.slice(Math.max(0, pos.column - 60), pos.column + 60) : lineText;
  const col = lineText.length > 120 ? Math.min(pos.column, 60) : pos.column;
  const gutter = `${pos.line} | `;
  return `${gutter}${shown}\n${' '.repeat(gutter.length + col - 1)}^`;
}
