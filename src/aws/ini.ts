// Format-preserving edits of the AWS CLI's INI files (~/.aws/credentials, ~/.aws/config).
// Pure text in, text out: comments, blank lines, key order and other profiles are kept
// exactly; only the lines we change are touched.

export interface IniEntry {
  key: string;
  value: string;
  /** Index into the document's lines. */
  line: number;
}

export interface IniSection {
  name: string;
  /** Index of the `[name]` line. */
  header: number;
  /** One past the section's last line (the next header, or the end). */
  end: number;
  entries: IniEntry[];
}

export interface IniDocument {
  lines: string[];
  eol: string;
  sections: IniSection[];
}

const HEADER = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/;
const ENTRY = /^([^\s=#;[][^=]*?)\s*=\s*(.*?)\s*$/;

export function parseIni(text: string): IniDocument {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length === 0 ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  lines.forEach((raw, i) => {
    const header = HEADER.exec(raw);
    if (header) {
      if (current) current.end = i;
      current = { name: header[1]!, header: i, end: lines.length, entries: [] };
      sections.push(current);
      return;
    }
    const entry = ENTRY.exec(raw);
    // Indented lines continue the previous value (nested settings such as `s3 =`); keep them as they are.
    if (current && entry && !/^\s/.test(raw)) current.entries.push({ key: entry[1]!.trim(), value: entry[2]!, line: i });
  });
  return { lines, eol, sections };
}

export function serialise(doc: IniDocument): string {
  return doc.lines.length === 0 ? '' : `${doc.lines.join(doc.eol)}${doc.eol}`;
}

export function sectionNames(text: string): string[] {
  return parseIni(text).sections.map((s) => s.name);
}

/** The key/value pairs of a section (the last one wins when a name repeats), or undefined. */
export function getSection(text: string, name: string): Record<string, string> | undefined {
  const sections = parseIni(text).sections.filter((s) => s.name === name);
  if (sections.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const s of sections) for (const e of s.entries) out[e.key] = e.value;
  return out;
}

/** What `[NAME]` can carry so botocore reads back exactly NAME: no brackets, no line breaks, no surrounding spaces. */
export function isSectionName(name: string): boolean {
  return name !== '' && !/[[\]\r\n]/.test(name) && name.trim() === name;
}

/**
 * Sets (string) or removes (undefined) keys in a section, creating the section at the end
 * when it does not exist. Existing keys are changed in place; new keys follow the section's
 * last entry.
 */
export function setValues(text: string, name: string, values: Record<string, string | undefined>): string {
  const doc = parseIni(text);
  const section = [...doc.sections].reverse().find((s) => s.name === name);
  const lines = [...doc.lines];
  if (!section) {
    const additions = Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined);
    if (additions.length === 0) return text;
    // `[x]y]` or a line break would write a different section than asked: callers validate
    // profile names; reaching here with one is a bug, never a silent wrong write.
    if (!isSectionName(name)) throw new Error(`refusing to write INI section ${JSON.stringify(name)}: not a name a section header can hold`);
    if (lines.length > 0 && lines.at(-1)!.trim() !== '') lines.push('');
    lines.push(`[${name}]`, ...additions.map(([k, v]) => `${k} = ${v}`));
    return serialise({ ...doc, lines });
  }
  const remove = new Set<number>();
  const pending = new Map(Object.entries(values));
  for (const entry of section.entries) {
    if (!pending.has(entry.key)) continue;
    const value = pending.get(entry.key);
    if (value === undefined) for (let i = entry.line; i < afterEntry(doc.lines, entry.line, section.end); i++) remove.add(i);
    else lines[entry.line] = `${entry.key} = ${value}`;
    pending.delete(entry.key);
  }
  const additions = [...pending].filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => `${k} = ${v}`);
  const insertAt = section.entries.length > 0 ? afterEntry(doc.lines, section.entries.at(-1)!.line, section.end) : section.header + 1;
  lines.splice(insertAt, 0, ...additions);
  // Removal indices before insertAt are unaffected by the splice; entries are all before it.
  return serialise({ ...doc, lines: lines.filter((_, i) => !remove.has(i)) });
}

/**
 * One past an entry's last line: a nested setting (`s3 =`) continues on the indented lines
 * below it, which belong to it and must not be split from it.
 */
function afterEntry(lines: readonly string[], line: number, end: number): number {
  let next = line + 1;
  while (next < end && /^\s+\S/.test(lines[next]!)) next++;
  return next;
}

/** Removes a whole section (header, entries and the blank lines that follow it). */
export function removeSection(text: string, name: string): string {
  const doc = parseIni(text);
  const drop = new Set<number>();
  for (const s of doc.sections.filter((x) => x.name === name)) for (let i = s.header; i < s.end; i++) drop.add(i);
  if (drop.size === 0) return text;
  const lines = doc.lines.filter((_, i) => !drop.has(i));
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return serialise({ ...doc, lines });
}

/** ~/.aws/config names profiles `[profile NAME]`, except `[default]`. */
export function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}
