// Issue 18: every error and warning duo-sso-setup prints is answered by troubleshoot. The
// messages are read from the code (scripts/lib/own-messages.mjs), not from a hand list: a
// new UserError, login problem or doctor summary fails here until troubleshoot knows it
// (a hint beside the message, an OWN_FIXES line, or a knowledge-base entry).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { extractOwnMessages } from '../../scripts/lib/own-messages.mjs';
import { OWN_MESSAGES } from '../../src/knowledge/own-messages.data.js';
import { OWN_FIXES, ownKnowledge } from '../../src/knowledge/own.js';
import { runTroubleshoot } from '../../src/knowledge/troubleshoot.js';
import { regionResult } from '../../src/doctor/checks/region.js';
import type { CheckResult } from '../../src/check/types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Extracted { kind: string; where: string; stem: string; hint?: string; check?: string; problem?: string; fix?: string }

// Sites whose text is made elsewhere and passed in whole (a helper's parameter, another
// module's error text): no stem to read at the site. Each says where its text is known.
const PASSED_IN: Record<string, string> = {
  'src/config/commands/init.ts': 'usage errors: the callers\' texts, each with the hint "See duo-sso-setup config init --help"',
  'src/config/commands/profiles.ts': 'usage errors: the callers\' texts, with the add-profile --help hint',
  'src/config/doctor-checks.ts': 'the config findings (src/config/findings.ts), each with its own fix',
  'src/credentials/restore.ts': 'credential-state texts with a login hint',
  'src/credentials/run.ts': "a SecretStoreError's text: the secret-store entries of the knowledge base",
  'src/doctor/checks/clock.ts': 'the clock summary; its fix is the clock check',
  'src/doctor/checks/credentials.ts': 'profile names; the credentials check fixes it',
  'src/doctor/checks/gpg.ts': 'gpg state; the gpg check fixes it',
  'src/doctor/checks/kubeconfig.ts': 'kubeconfig users; the kubeconfig check fixes it',
  'src/doctor/checks/network.ts': 'per-host probe results; the network entries of the knowledge base',
  'src/doctor/checks/permissions.ts': 'paths; the permissions check fixes it',
  'src/doctor/checks/platform.ts': 'platform facts; the platform check',
  'src/doctor/checks/policy.ts': 'policy notes; the policy check',
  'src/exec/credentials.ts': 'credential-state texts with a login hint',
  'src/fs/fs-errors.ts': 'a file-system error (path: reason) with its own hint',
  'src/install/execute.ts': 'a step title and its failure; the step\'s own output follows',
  'src/saml/status.ts': 'SAML status texts from src/saml',
};

const literal = (stem: string) => stem.split('{}').join('').trim().length;
// Less text than this at the site (`${path}: ${reason}`) is a text passed in whole.
const PASSED = 4;

describe("the tool's own messages", () => {
  const extracted = extractOwnMessages(root) as Extracted[];

  it('are read from the code, and src/knowledge/own-messages.data.ts is that list (run `node scripts/gen-docs.mjs` after adding one)', () => {
    expect(extracted.length).toBeGreaterThan(150);
    expect(OWN_MESSAGES).toEqual(extracted);
  });

  // Another site with the same words and a hint answers for this one.
  const sameStemKnown = (stem: string) => extracted.some((o) => o.stem === stem && o.hint !== undefined && literal(o.hint) > 0);

  it('each has knowledge: a hint beside it, a doctor check, an OWN_FIXES line, or (passed in whole) a stated origin', () => {
    const without = extracted.filter((m) => literal(m.stem) < PASSED
      ? !PASSED_IN[m.where]
      : !(m.hint && literal(m.hint) > 0) && !m.check && !m.problem && !OWN_FIXES[m.stem] && !sameStemKnown(m.stem));
    expect(without.map((m) => `${m.where}: ${m.stem}`)).toEqual([]);
  });

  it('troubleshoot answers each with the fix that goes with it', async () => {
    const wrong: string[] = [];
    const checked = extracted.filter((x) => literal(x.stem) >= PASSED);
    // The extraction must have found the messages (about 200), or no answer is checked.
    expect(checked.length).toBeGreaterThan(100);
    for (const m of checked) {
      const line = `duo-sso-setup: ${m.kind}: ${m.stem.replaceAll('{}', 'example')}`;
      const out: string[] = [];
      const ctx = {
        io: { out: (t: string) => void out.push(t), err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false },
        options: { json: true, yes: false, dryRun: false, verbose: false, color: false },
        style: { color: false, unicode: false },
      };
      const code = await runTroubleshoot(ctx as never, { text: [line], list: false });
      const doc = JSON.parse(out.join('')) as { diagnoses: { id: string; fix: { description: string; commands: string[][] } }[] };
      const first = doc.diagnoses[0];
      const hand = OWN_FIXES[m.stem];
      // Either our own entry for this stem (or one with the same fix), or the entry OWN_FIXES names.
      const own = ownKnowledge().find((e) => e.patterns[0]!.test(line) && e.fix.description === first?.fix.description);
      // A login problem carries the id of the knowledge-base entry that explains it.
      const ok = code === 0 && first !== undefined && (hand?.entry ? first.id === hand.entry : first.id === m.problem || (own !== undefined && first.fix.description.length > 0));
      if (!ok) wrong.push(`${m.where}: ${line} → ${first ? first.id : 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('knows a message added to the code, and fails without knowledge for it', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'own-'));
    try {
      await mkdir(join(dir, 'src/login'), { recursive: true });
      await writeFile(join(dir, 'src/login/x.ts'), "export const p = (role: string) => ({ id: 'role-not-available', message: `duo-sso says role '${role}' is not available to you`, commands: [] });\nthrow new UserError(`profile ${name} has no role`);\n");
      const found = extractOwnMessages(dir) as Extracted[];
      expect(found.map((m) => m.stem)).toEqual(["duo-sso says role '{}' is not available to you", 'profile {} has no role']);
      expect(found[0]!.problem).toBe('role-not-available');
      // The second has no hint, no check and no OWN_FIXES line: the test above would list it.
      expect(found[1]!.hint).toBeUndefined();
      expect(OWN_FIXES[found[1]!.stem]).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('promise `doctor --fix` only for a message whose check\'s fix is automatic (as the code says at each site)', async () => {
    const checks = extracted.filter((m) => m.check && literal(m.stem) >= PASSED && !m.hint && !OWN_FIXES[m.stem]);
    let answered = 0;
    // Some sites of each kind, or the rule is not exercised.
    expect(new Set(checks.map((m) => m.fix))).toEqual(new Set(['automatic', 'advice', 'none', undefined]));
    const wrong: string[] = [];
    for (const m of checks) {
      const line = `duo-sso-setup: ${m.kind}: ${m.stem.replaceAll('{}', 'example')}`;
      const out: string[] = [];
      const ctx = { io: { out: (t: string) => void out.push(t), err: () => {}, stdinIsTTY: false }, options: { json: true }, style: { color: false, unicode: false } };
      await runTroubleshoot(ctx as never, { text: [line], list: false });
      const first = JSON.parse(out.join('')).diagnoses[0] as { id: string; fix: { description: string; commands: string[][]; automatic: boolean } } | undefined;
      // Only our own entries speak for the check (an entry proper that matches first has its own fix).
      if (!first?.id.startsWith('own-')) continue;
      // Every site with these words must have an automatic fix before --fix is promised.
      const automatic = extracted.filter((o) => o.stem === m.stem && o.check === m.check).every((o) => o.fix === 'automatic');
      const promises = first.fix.automatic || first.fix.commands.some((c) => c.includes('--fix')) || /runs with --fix/.test(first.fix.description);
      answered++;
      if (promises !== automatic) wrong.push(`${m.where}: ${m.stem} (fix: ${m.fix ?? 'not said'}) → ${first.id}: ${first.fix.description}`);
    }
    expect(answered).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('answer a check\'s real summary as the check\'s own fix says: the region check\'s empty variable is advice, its missing regions are --fix', async () => {
    // Two profiles: the stem read from the code is the plural branch's (`their commands`).
    const base = { profiles: ['x', 'y'], gap: { ok: true as const, missing: ['x', 'y'] }, region: 'us-east-1', fromPolicy: false, awsConfig: '/h/.aws/config' };
    const results: CheckResult[] = [regionResult({ ...base, variable: { name: 'AWS_REGION', value: '' } }), regionResult({ ...base, variable: undefined })];
    expect(results.map((r) => [r.status, r.fix?.automatic])).toEqual([['fail', false], ['warn', true]]);
    for (const r of results) {
      const out: string[] = [];
      const ctx = { io: { out: (t: string) => void out.push(t), err: () => {}, stdinIsTTY: false }, options: { json: true }, style: { color: false, unicode: false } };
      await runTroubleshoot(ctx as never, { text: [`duo-sso-setup: ${r.status === 'fail' ? 'error' : 'warning'}: ${r.summary}`], list: false });
      const first = JSON.parse(out.join('')).diagnoses[0] as { id: string; fix: { description: string; commands: string[][]; automatic: boolean } };
      expect(first.id, r.summary).toMatch(/^own-/);
      expect(first.fix.automatic, r.summary).toBe(r.fix!.automatic);
      expect(first.fix.commands.flat().includes('--fix'), r.summary).toBe(r.fix!.automatic);
      expect(first.fix.description.includes('runs with --fix'), r.summary).toBe(r.fix!.automatic);
    }
  });

  it('read what a check\'s fix says about --fix from the code: automatic, advice, none, or not said', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'own-fix-'));
    try {
      await mkdir(join(dir, 'src/doctor/checks'), { recursive: true });
      await writeFile(join(dir, 'src/doctor/checks/x.ts'), [
        "import { other } from './y.js';",
        "const kept = { description: 'd', commands: [], automatic: false };",
        "function made() { return { description: 'd', commands: [], automatic: true }; }",
        "result.fail('one automatic', [], { description: 'd', commands: [], automatic: true });",
        "result.fail('two advice', [], { description: 'd', commands: [], automatic: false });",
        "result.warn('three none', []);",
        "result.warn('four none', [], undefined, {});",
        "result.warn('five kept', [], kept);",
        "result.warn('six made', [], made());",
        "result.warn('seven either', [], c ? kept : made());",
        "result.warn('eight elsewhere', [], other());",
        '',
      ].join('\n'));
      const found = extractOwnMessages(dir) as Extracted[];
      expect(found.map((m) => [m.stem, m.fix])).toEqual([
        ['one automatic', 'automatic'], ['two advice', 'advice'], ['three none', 'none'], ['four none', 'none'],
        ['five kept', 'advice'], ['six made', 'automatic'], ['seven either', undefined], ['eight elsewhere', undefined],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('own entries stand back when an entry of the knowledge base matches (a gpg error quoted in our line)', async () => {
    const out: string[] = [];
    const ctx = { io: { out: (t: string) => void out.push(t), err: () => {}, stdinIsTTY: false }, options: { json: true }, style: { color: false, unicode: false } };
    await runTroubleshoot(ctx as never, { text: ['duo-sso-setup: error: cannot read /home/jdoe/.password-store/x.gpg: gpg: decryption failed: No pinentry'], list: false });
    expect(JSON.parse(out.join('')).diagnoses[0].id).toBe('gpg-key-locked');
  });
});
