// The lines an edit changed, for `config fix` to show before (dry run) or after it writes:
// `-12: old` / `+12: new`, numbered as in the file before and after. Config files are small,
// so a plain longest-common-subsequence table is fine; past that size only a count is shown.
const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) return `  (${a.length} → ${b.length} lines; too long to show the changed lines)\n`;
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      out.push(`  -${i + 1}: ${a[i]!.replace(/\r$/, '')}`);
      i++;
    } else {
      out.push(`  +${j + 1}: ${b[j]!.replace(/\r$/, '')}`);
      j++;
    }
  }
  return `${out.join('\n')}\n`;
}
