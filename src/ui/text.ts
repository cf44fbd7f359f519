// Small text helpers for what we print: counts that read as English, and messages that must
// stay on one line (listr2's `[FAILED: …]`, a summary row).

/** "1 check", "2 checks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Several lines joined into one, blank lines dropped. */
export function oneLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join(' — ');
}
