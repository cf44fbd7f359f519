// Text-level reading and editing of the AWS shared files for the commands (login, status,
// doctor, credentials): thin functions over the one model (ini-model.ts, botocore-view.ts),
// so every reader sees what the AWS CLI sees and every edit touches only its own lines. A
// file the AWS CLI cannot parse reads as empty here and is never edited.
import { appendSection, findSection, parseIni, removeOptions, removeSectionLines, setOption } from './ini-model.js';
import { configProfiles, rawConfigParse, type Values } from './botocore-view.js';

function stringsOnly(values: Values | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** What `[NAME]` can carry so botocore reads back exactly NAME: no brackets, no line breaks, no surrounding spaces. */
export function isSectionName(name: string): boolean {
  return name !== '' && !/[[\]\r\n]/.test(name) && name.trim() === name;
}

function sectionsOf(text: string) {
  const ini = parseIni(text);
  if (!ini.ok) return undefined;
  const raw = rawConfigParse(ini.file);
  return raw.ok ? raw.sections : undefined;
}

/** Section names as written between the brackets (a credentials file's profile names), `[DEFAULT]` aside. */
export function sectionNames(text: string): string[] {
  return [...(sectionsOf(text)?.keys() ?? [])];
}

/** A section's options as botocore reads them (names lower-case, [DEFAULT]'s included), or undefined. */
export function getSection(text: string, name: string): Record<string, string> | undefined {
  return stringsOnly(sectionsOf(text)?.get(name)?.values);
}

/** A profile of a config file as botocore resolves it (`[profile "x"]`, `[profile default]`, …), or undefined. */
export function configProfile(text: string | undefined, profile: string): Record<string, string> | undefined {
  const sections = text === undefined ? undefined : sectionsOf(text);
  return sections ? stringsOnly(configProfiles(sections).get(profile)?.values) : undefined;
}

/** The profile names of a config file, as botocore resolves them. */
export function configProfileNames(text: string): string[] {
  const sections = sectionsOf(text);
  return sections ? [...configProfiles(sections).keys()] : [];
}

/**
 * Sets (string) or removes (undefined) options of the section named exactly `name`, creating
 * it at the end when missing. Existing options (any case, `=` or `:`) change in place.
 */
export function setValues(text: string, name: string, values: Record<string, string | undefined>): string {
  let next = text;
  for (const [key, value] of Object.entries(values)) {
    const ini = parseIni(next);
    if (!ini.ok) return text;
    const section = findSection(ini.file, name);
    if (!section) {
      // `[x]y]` or a line break would write a different section than asked: callers validate
      // profile names; reaching here with one is a bug, never a silent wrong write.
      if (value !== undefined && !isSectionName(name)) throw new Error(`refusing to write INI section ${JSON.stringify(name)}: not a name a section header can hold`);
      if (value !== undefined) next = appendSection(ini.file, name, [[key, value]]);
    } else next = value === undefined ? removeOptions(ini.file, section, [key]) : setOption(ini.file, section, key, value);
  }
  return next;
}

/** Removes the section named exactly `name` (its header and its lines up to the next section). */
export function removeSection(text: string, name: string): string {
  const ini = parseIni(text);
  const section = ini.ok ? findSection(ini.file, name) : undefined;
  return ini.ok && section ? removeSectionLines(ini.file, section) : text;
}

/** The header migrate writes for a new profile section in ~/.aws/config. */
export function configSectionName(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}
