// 10,000 generated ~/.aws file pairs per run, all read by botocore in ONE python process:
// the model sees exactly what botocore sees (or both fail to parse); for every pair it
// accepts, migrating a profile changes nothing botocore sees for any other profile, the
// profile then gets our credential_process, and restore gives back the exact bytes. Every
// outcome is counted, and every refusal must be one botocore's own view of the files explains:
// a refusal by the plan's self-check alone (the edit would have changed what botocore sees)
// fails the test, so the self-check can no longer hide a broken edit.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { botocoreViews, modelView, oracleAvailable, type FilePair } from '../support/botocore-oracle.js';
import { planMigrateFiles } from '../../src/credentials/migrate-files.js';
import { credentialProcessCommand } from '../../src/credentials/config-file.js';
import { makePatch, undoPatch } from '../../src/credentials/text-patch.js';
import { decodeAwsFile } from '../../src/aws/ini-model.js';

const RUNS = Number(process.env.AWS_PROPERTY_RUNS ?? 10_000);
const SEED = Number(process.env.AWS_PROPERTY_SEED ?? Date.now() % 2 ** 31);
const SELF = ['/usr/bin/node', "/opt/o'brien tools/cli.js"];
const PROFILES = ['dev', 'default', 'prod', 'x.y'] as const;

const name = fc.constantFrom('dev', 'default', 'prod', 'x.y', 'Dev', 'a b', '__proto__', 'DEFAULT');
const configHeader = fc.oneof(
  { weight: 6, arbitrary: name.map((n) => `profile ${n}`) },
  { weight: 2, arbitrary: name.map((n) => `profile "${n}"`) },
  { weight: 1, arbitrary: name.map((n) => `profile  ${n}`) },
  { weight: 1, arbitrary: name.map((n) => `profile\t${n}`) },
  { weight: 1, arbitrary: name.map((n) => ` profile ${n} `) },
  { weight: 1, arbitrary: name.map((n) => `profile '${n}`) },
  { weight: 3, arbitrary: fc.constantFrom('default', 'DEFAULT', 'sso-session corp', 'preview', 'profile a b', 'profile') },
);
const credentialsHeader = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PROFILES) }, { weight: 3, arbitrary: name }, { weight: 1, arbitrary: name.map((n) => ` ${n} `) });
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'region', 'output') },
  { weight: 2, arbitrary: fc.constantFrom('credential_process', 'role_arn', 'sso_start_url', 'x_security_token_expires', 'source_profile') },
  { weight: 2, arbitrary: fc.constantFrom('AWS_ACCESS_KEY_ID', 'Aws_Secret_Access_Key', 'Aws_Session_Token', 'Region', 'CREDENTIAL_PROCESS') },
);
const value = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9/+]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom(' spaced  value ', 'a=b:c', '"quoted value"', "it's", 'é', '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '/bin/other --x') },
  { weight: 1, arbitrary: fc.constantFrom(...PROFILES).map((p) => credentialProcessCommand(SELF, p, 'linux')) },
);
const delimiter = fc.constantFrom(' = ', '=', ': ', ' : ', ' =', ':');
const indent = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\t') });
const extraLine = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('# comment', '; comment', '  # indented comment', '', '   ', '    continued', '\tmore', '  nested = 1', '\u00a0x') },
  { weight: 1, arbitrary: fc.constant('junk line') },
);
const headLine = fc.constantFrom('# comment', '; comment', '', '   ');
const option = fc.tuple(indent, key, delimiter, value, fc.array(extraLine, { maxLength: 2 })).map(([i, k, d, v, extra]) => ({ key: k.toLowerCase(), lines: [`${i}${k}${d}${v}`, ...extra] }));
/** The keys duo-sso writes, in any case and with either delimiter, most of the time. */
const keyBlock = fc.tuple(
  fc.constantFrom('aws_access_key_id', 'AWS_ACCESS_KEY_ID'), fc.constantFrom('aws_secret_access_key', 'Aws_Secret_Access_Key'), fc.constantFrom('aws_session_token', 'aws_security_token', 'Aws_Session_Token', ''),
  delimiter, fc.stringMatching(/^[A-Z0-9]{4,8}$/),
).map(([id, secret, token, d, v]) => [id, secret, token].filter(Boolean).map((k) => ({ key: k.toLowerCase(), lines: [`${k}${d}${v}`] })));
const section = (header: fc.Arbitrary<string>, keys: boolean) => fc.tuple(indent, header, fc.constantFrom('', '', ' ; trailing'), fc.uniqueArray(option, { maxLength: keys ? 3 : 5, selector: (o) => o.key }), fc.nat(19), keys ? keyBlock : fc.constant([]))
  // Now and then an option repeats (botocore: DuplicateOptionError for the whole file).
  .map(([i, h, trail, random, dup, block]) => {
    const options = [...block, ...random.filter((o) => !block.some((b) => b.key === o.key))];
    return { header: h, lines: [`${i}[${h}]${trail}`, ...options.flatMap((o) => o.lines), ...(dup === 0 && options.length > 0 ? options[0]!.lines.slice(0, 1) : [])] };
  });
const eolMode = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', 'mixed');

function file(header: fc.Arbitrary<string>, keys: boolean): fc.Arbitrary<Uint8Array | undefined> {
  return fc.tuple(
    fc.array(headLine, { maxLength: 2 }), fc.uniqueArray(fc.oneof({ weight: 1, arbitrary: section(header, false) }, { weight: keys ? 3 : 0, arbitrary: section(header, keys) }), { maxLength: 4, selector: (s) => s.header }), eolMode, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 40, maxLength: 40 }),
    fc.boolean(), fc.nat(99),
  ).map(([head, sections, mode, mixed, finalNewline, odd]) => {
    // Now and then a section repeats (botocore: DuplicateSectionError).
    const lines = [...head, ...sections.flatMap((s) => s.lines), ...(odd === 3 && sections.length > 0 ? sections[0]!.lines.slice(0, 1) : [])];
    let text = lines.map((l, i) => l + (i === lines.length - 1 && !finalNewline ? '' : mode === 'mixed' ? mixed[i % 40]! : mode)).join('');
    if (odd === 0) return undefined; // the file does not exist
    if (odd === 1) text = `\ufeff${text}`;
    const bytes = Buffer.from(text, 'utf8');
    // A Latin-1 byte in a comment: botocore cannot decode the file.
    if (odd === 2) return Buffer.concat([Buffer.from('# caf\xe9\n', 'latin1'), bytes]);
    return bytes;
  });
}

const pairArb = fc.record({ config: file(configHeader, false), credentials: file(credentialsHeader, true), profile: fc.constantFrom(...PROFILES) });

const text = (b: Uint8Array | undefined): string | undefined => {
  if (b === undefined) return undefined;
  const d = decodeAwsFile(b);
  return d.ok ? d.text : undefined;
};

type BotocoreView = { profiles: Record<string, Record<string, unknown>>; credentials: Record<string, { keys: unknown[] } | { partial: string } | null>; process: Record<string, { raw: string }> };

/** The plan's refusals by kind; 'self-check' is the one no precondition explains. */
function refusalKind(reason: string): string {
  const kinds: [RegExp, string][] = [
    [/ already has credential_process = /, 'foreign-process'],
    [/ gets its credentials through /, 'other-source'],
    [/ lacks /, 'partial'],
    [/ is an indented block/, 'nested-key'],
    [/ has an empty /, 'empty-key'],
    [/^\[DEFAULT\] in /, 'default-keys'],
  ];
  return kinds.find(([re]) => re.test(reason))?.[1] ?? 'self-check';
}

/** Whether botocore's view of the files (not the model's) gives the reason for this outcome. */
function explained(why: string, view: BotocoreView, profile: string, credentials: string | undefined): boolean {
  const found = view.credentials[profile];
  const keys = found && 'keys' in found ? found.keys : undefined;
  switch (why) {
    case 'move': return keys !== undefined;
    case 'nothing': return found === null || found === undefined || view.process[profile] !== undefined;
    // Someone else's command, or a nested block where a command belongs (botocore's full_config holds it as a mapping).
    case 'foreign-process': return (view.process[profile] !== undefined && !view.process[profile]!.raw.includes(SELF[1]!))
      || (typeof view.profiles[profile]?.credential_process === 'object' && view.profiles[profile]?.credential_process !== null);
    case 'other-source': return Object.keys(view.profiles[profile] ?? {}).some((k) => k === 'role_arn' || k.startsWith('sso_'));
    case 'partial': return found !== null && found !== undefined && 'partial' in found;
    case 'nested-key': return keys !== undefined && keys.some((k) => k !== null && typeof k !== 'string');
    case 'empty-key': return keys !== undefined && (keys[0] === '' || keys[1] === '');
    case 'default-keys': return /^[^\S\r\n]*\[DEFAULT\]/m.test(credentials ?? '');
    default: return false;
  }
}

describe.skipIf(!oracleAvailable())(`${RUNS} generated file pairs against botocore (seed ${SEED})`, () => {
  it('the model agrees with botocore; migrate never changes another profile and restores byte for byte', () => {
    const cases = fc.sample(pairArb, { numRuns: RUNS, seed: SEED });
    const pairs: FilePair[] = cases.map((c) => ({ config: c.config, credentials: c.credentials }));
    const oracle = botocoreViews(pairs);
    const disagreements: unknown[] = [];
    const migrated: { index: number; profile: string; after: FilePair }[] = [];
    let accepted = 0;
    const outcomes: Record<string, number> = {};
    const unexplained: unknown[] = [];
    const selfChecks: { index: number; profile: string; reason: string }[] = [];
    for (const [i, c] of cases.entries()) {
      const model = modelView(pairs[i]!);
      if (!isDeepStrictEqual(model, oracle[i])) {
        disagreements.push({ config: pairs[i]!.config && Buffer.from(pairs[i]!.config!).toString('latin1'), credentials: pairs[i]!.credentials && Buffer.from(pairs[i]!.credentials!).toString('latin1'), model, botocore: oracle[i] });
        continue;
      }
      if ('error' in (model as object)) continue;
      accepted++;
      const texts = { config: text(c.config), credentials: text(c.credentials) };
      // Migrate a profile that has keys when there is one (the generated one first), else the generated one.
      const withKeys = (p: string) => ((model as { credentials: Record<string, unknown> }).credentials[p] as { keys?: unknown } | null)?.keys !== undefined;
      const profile = withKeys(c.profile) ? c.profile : PROFILES.find(withKeys) ?? c.profile;
      const argv = [...SELF, 'credential-process', '--profile', profile];
      const plan = planMigrateFiles({ awsConfig: 'config', awsCredentials: 'credentials' }, texts, profile, credentialProcessCommand(SELF, profile, 'linux'), argv, 'linux');
      const why = plan.kind === 'move' ? 'move' : plan.kind === 'nothing' ? 'nothing' : refusalKind(plan.reason);
      outcomes[why] = (outcomes[why] ?? 0) + 1;
      // Every refusal (and every "nothing to move") must be one botocore's own view explains;
      // a refusal by the plan's self-check alone means an edit was wrong for a representable case.
      if (why === 'self-check') selfChecks.push({ index: i, profile, reason: (plan as { reason: string }).reason });
      else if (!explained(why, model as BotocoreView, profile, texts.credentials)) unexplained.push({ why, reason: plan.kind === 'refused' ? plan.reason : undefined, profile, files: texts });
      if (plan.kind !== 'move') continue;
      // Restore: the patches give back exactly what was there.
      const configPatch = makePatch(texts.config ?? '', plan.configAfter, plan.configHeader);
      const credentialsPatch = makePatch(texts.credentials!, plan.credentialsAfter, plan.credentialsHeader);
      expect(configPatch ? undoPatch(plan.configAfter, configPatch) : plan.configAfter).toBe(texts.config ?? '');
      expect(credentialsPatch ? undoPatch(plan.credentialsAfter, credentialsPatch) : plan.credentialsAfter).toBe(texts.credentials);
      migrated.push({ index: i, profile, after: { config: plan.configAfter, credentials: plan.credentialsAfter } });
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The plan's self-check may refuse only layouts no edit of these two files can migrate
    // exactly, as botocore shows on each file alone: a config [DEFAULT] whose options a new
    // [profile] section would inherit, or a credential_process in the credentials file that
    // overrides the one written to the config. Any other such refusal is an edit gone wrong.
    const alone = botocoreViews(selfChecks.flatMap((s) => [{ config: pairs[s.index]!.config }, { credentials: pairs[s.index]!.credentials }])) as BotocoreView[];
    for (const [j, s] of selfChecks.entries()) {
      const [configAlone, credentialsAlone] = [alone[2 * j]!, alone[2 * j + 1]!];
      const inheritsDefault = /^[^\S\r\n]*\[DEFAULT\]/m.test(text(cases[s.index]!.config) ?? '') && configAlone.profiles?.[s.profile] === undefined;
      const shadowed = credentialsAlone.process?.[s.profile] !== undefined;
      if (!inheritsDefault && !shadowed) unexplained.push({ why: 'self-check', ...s, files: { config: text(cases[s.index]!.config), credentials: text(cases[s.index]!.credentials) } });
    }
    expect(unexplained.slice(0, 3)).toEqual([]);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(accepted);
    // botocore reads the migrated files: every other profile exactly as before, ours through credential_process.
    const afterViews = botocoreViews(migrated.map((m) => m.after)) as { profiles: Record<string, unknown>; credentials: Record<string, unknown>; process: Record<string, { posix: string[] }> }[];
    const changed: unknown[] = [];
    for (const [j, m] of migrated.entries()) {
      const before = oracle[m.index] as typeof afterViews[number];
      const after = afterViews[j]!;
      for (const part of ['profiles', 'credentials', 'process'] as const) {
        for (const p of new Set([...Object.keys(before[part]), ...Object.keys(after[part])])) {
          if (p !== m.profile && !isDeepStrictEqual(before[part][p], after[part][p])) changed.push({ profile: p, part, before: before[part][p], after: after[part][p], files: m.after });
        }
      }
      if (!isDeepStrictEqual(after.process[m.profile]?.posix, [...SELF, 'credential-process', '--profile', m.profile]) || after.credentials[m.profile] !== null) changed.push({ profile: m.profile, after });
    }
    expect(changed.slice(0, 3)).toEqual([]);
    // The generator must keep producing files that are accepted and migrated, or the test proves little.
    expect(accepted).toBeGreaterThan(RUNS * 0.25);
    expect(migrated.length).toBeGreaterThan(RUNS * 0.05);
  }, 180_000);
});
