// "1 check", "2 checks": counts in sentences read as English.

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
