// Property tests: the validator and the fixer against generated configs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateText } from '../../src/config/validate.js';
import { fixText } from '../../src/config/fix.js';
import { applyConfigFix } from '../../src/config/apply-fix.js';
import { POLICY } from '../../src/policy/caps.js';

const KEYS = ['url', 'partner_spid', 'aws_urn', 'session_duration_seconds', 'preferred_device', 'preferred_factor', 'debug', 'profiles', 'extra'];

/** Config-shaped documents with any JSON in any slot. */
const messyProfile = fc.dictionary(fc.constantFrom('aws_account_id', 'aws_role_name', 'session_duration_seconds', 'x'), fc.oneof(
  fc.jsonValue(), fc.integer({ min: 0, max: 999_999_999_999 }), fc.stringMatching(/^\d{10,13}$/), fc.integer({ min: 0, max: 60_000 }),
));
const messyConfig = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(
  fc.jsonValue(),
  fc.integer({ min: 0, max: 60_000 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(messyProfile, fc.jsonValue())),
));

/** Random but consistent formatting: indentation and line endings a user might have. */
const layout = fc.record({ indent: fc.constantFrom(2, 4, '\t'), crlf: fc.boolean() });
function serialise(value: unknown, l: { indent: number | string; crlf: boolean }): string {
  const text = `${JSON.stringify(value, null, l.indent)}\n`;
  return l.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Configs that follow the guide and the policy. */
const validConfig = fc
  .uniqueArray(fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}$/),
    account: fc.stringMatching(/^\d{12}$/),
    role: fc.constantFrom('admin', 'devops', 'readonly', 'eks-admin'),
    production: fc.boolean(),
    seconds: fc.option(fc.integer({ min: POLICY.minSeconds, max: POLICY.productionCap }), { nil: undefined }),
    extraSeconds: fc.integer({ min: 0, max: POLICY.nonProductionCap - POLICY.productionCap }),
  }), { selector: (p) => p.name, maxLength: 5 })
  .chain((profiles) => fc.record({
    top: fc.integer({ min: POLICY.minSeconds, max: profiles.some((p) => p.production && p.seconds === undefined) ? POLICY.productionCap : POLICY.nonProductionCap }),
    factor: fc.constantFrom('push', 'phone', 'passcode', 'sms'),
    // "debug": true is valid JSON but a finding (debug-on: duo-sso prints secrets).
    debug: fc.constant(false),
    note: fc.option(fc.string(), { nil: undefined }),
    profiles: fc.constant(profiles),
  }))
  .map(({ top, factor, debug, note, profiles }) => {
    const seen = new Set<string>();
    const kept = profiles.filter((p) => !seen.has(`${p.account}:${p.role}`) && seen.add(`${p.account}:${p.role}`));
    const doc: Record<string, unknown> = {
      url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: top, preferred_device: 'phone1', preferred_factor: factor, debug,
      ...(note === undefined ? {} : { team_note: note }),
    };
    if (kept.length > 0) {
      doc.profiles = Object.fromEntries(kept.map((p) => [p.name, {
        aws_account_id: p.account,
        aws_role_name: p.role,
        ...(p.seconds === undefined ? {} : { session_duration_seconds: p.production ? p.seconds : p.seconds + p.extraSeconds }),
      }]));
    }
    return { doc, production: kept.filter((p) => p.production).map((p) => p.name) };
  });

describe('validator', () => {
  it('returns findings and never throws, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(Array.isArray(validateText(text))).toBe(true);
    }), { numRuns: 500 });
  });

  it('returns findings and never throws, for any config-shaped JSON', () => {
    fc.assert(fc.property(messyConfig, layout, fc.array(fc.string({ maxLength: 10 })), (doc, l, production) => {
      const findings = validateText(serialise(doc, l), { production });
      for (const f of findings) expect(['fail', 'warn', 'info']).toContain(f.severity);
    }), { numRuns: 500 });
  });

  it('reports a damaged valid config as a syntax error with a position inside the file, never throwing', () => {
    const outcomes = { unchanged: 0, comma: 0, syntax: 0, stillJson: 0 };
    fc.assert(fc.property(validConfig, layout, fc.nat(), fc.constantFrom('truncate', 'comma', 'junk'), ({ doc }, l, at, how) => {
      const text = serialise(doc, l);
      const cut = at % text.length;
      const damaged = how === 'truncate' ? text.slice(0, Math.max(1, cut)) : how === 'comma' ? text.replace(/("|\d|true|false)(\r?\n\s*)}/, '$1,$2}') : `${text.slice(0, cut)}@${text.slice(cut)}`;
      if (damaged === text) {
        outcomes.unchanged++;
        return;
      }
      const findings = validateText(damaged);
      if (how === 'comma') {
        outcomes.comma++;
        // The one damage config fix repairs: the repair gives back the file as it was, byte for byte.
        expect(findings.map((f) => f.id)).toEqual(['json-syntax']);
        const fixed = fixText(damaged);
        expect(fixed.kind === 'fixed' && fixed.text).toBe(text);
        return;
      }
      if (findings[0]?.id !== 'json-syntax') {
        // A stray character inside a string, or a cut that leaves a whole document: still JSON.
        expect(() => JSON.parse(damaged.replace(/^\uFEFF/, '')), damaged).not.toThrow();
        outcomes.stillJson++;
      } else {
        outcomes.syntax++;
        const pos = findings[0].position!;
        expect(pos.line).toBeGreaterThanOrEqual(1);
        expect(pos.line).toBeLessThanOrEqual(damaged.split('\n').length);
        // A cut-off file or a stray character has no obvious repair: never rewritten.
        expect(fixText(damaged).kind).toBe('unparseable');
      }
    }), { numRuns: 300 });
    // Each branch is taken by enough cases to say something.
    expect(outcomes.syntax).toBeGreaterThan(50);
    expect(outcomes.comma).toBeGreaterThan(50);
  });
});

describe('fix', () => {
  it('leaves any valid config unchanged: read → fix → read', () => {
    fc.assert(fc.property(validConfig, layout, ({ doc, production }, l) => {
      const text = serialise(doc, l);
      const findings = validateText(text, { production });
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
      const r = fixText(text, { production });
      expect(r).toMatchObject({ kind: 'fixed', changed: false, text });
    }), { numRuns: 300 });
  });

  it('on any config-shaped document: removes every automatic finding, keeps other keys, and is idempotent', () => {
    fc.assert(fc.property(messyConfig, layout, (doc, l) => {
      const text = serialise(doc, l);
      const r = fixText(text);
      // A serialised document is always JSON: every one is fixed, none skipped as unparseable.
      expect(r.kind).toBe('fixed');
      if (r.kind !== 'fixed') return;
      const before = JSON.parse(text.replace(/^\uFEFF/, ''));
      const after = JSON.parse(r.text);
      expect(r.remaining.filter((f) => f.fix?.automatic)).toEqual([]);
      // Only keys the fixes own may change; everything else survives as it was.
      for (const key of Object.keys(before)) if (key !== 'session_duration_seconds' && key !== 'profiles') expect(after[key]).toEqual(before[key]);
      expect(Object.keys(after).filter((k) => !(k in before)).every((k) => ['url', 'partner_spid', 'aws_urn', 'session_duration_seconds'].includes(k))).toBe(true);
      const again = fixText(r.text);
      expect(again).toMatchObject({ kind: 'fixed', changed: false });
    }), { numRuns: 400 });
  });

  it('round-trips valid configs through the file: bytes unchanged, no backup made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'config-prop-'));
    try {
      await fc.assert(fc.asyncProperty(validConfig, layout, async ({ doc, production }, l) => {
        const paths = { duoConfig: join(dir, 'config.json'), stateFile: join(dir, 'state.json'), policyFile: join(dir, 'no-policy.json') };
        const text = serialise(doc, l);
        await writeFile(paths.duoConfig, text);
        await writeFile(paths.stateFile, JSON.stringify({ version: 1, productionProfiles: production, durations: {}, roles: {} }));
        const r = await applyConfigFix({ paths, dryRun: false });
        expect(r).toMatchObject({ kind: 'fixed', changed: false, backup: undefined });
        expect(await readFile(paths.duoConfig, 'utf8')).toBe(text);
      }), { numRuns: 60 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
