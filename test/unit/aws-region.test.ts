// The default region written into ~/.aws/config, judged by botocore itself: after the edit
// every profile planned gets exactly that region and nothing else changes for it; every other
// profile (and every value of it) reads as before; a profile with a region keeps it. Over the
// committed corpus of real ~/.aws files (test/fixtures/aws-files) and generated layouts.
import { describe, expect, it } from 'vitest';
import { botocoreViews, oracleAvailable } from '../support/botocore-oracle.js';
import { CORPUS_MISSING, corpusFiles } from '../support/aws-corpus.js';
import { isRegionName, planRegion } from '../../src/aws/region.js';
import { awsView } from '../../src/aws/botocore-view.js';
import { isUsableProfileName } from '../../src/aws/names.js';

const REGION = 'eu-central-1';

interface Case { name: string; config: string | undefined; credentials: string | undefined; profiles: string[] }

function cases(): Case[] {
  const out: Case[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const f of corpusFiles()) {
    let text: string;
    try {
      text = decoder.decode(f.bytes);
    } catch {
      continue;
    }
    const names = (t: string | undefined, c: string | undefined) => {
      const v = awsView(t, c);
      // Profiles come from config.json, whose names are checked (letters, digits, _ . @ + -).
      return 'error' in v ? [] : Object.keys(v.profiles).filter(isUsableProfileName);
    };
    out.push({ name: `${f.name} as config`, config: text, credentials: undefined, profiles: [...names(text, undefined), 'brand-new', 'default'] });
    out.push({ name: `${f.name} as credentials`, config: '[profile eticloud]\noutput = json\n', credentials: text, profiles: [...names(undefined, text), 'eticloud'] });
  }
  // Generated: sections in every spelling botocore accepts, regions present, empty, in the credentials file.
  const headers = ['[profile a]', '[profile  a]', '[profile "a"]', '[ profile a ]'];
  const bodies = ['', 'output = json\n', 'region = us-west-2\n', 'REGION: ap-south-1\n', 'region =\n', 'output = json\n  continued\n'];
  headers.forEach((h, i) => bodies.forEach((b, j) => {
    out.push({ name: `generated ${i}.${j}`, config: `[default]\nregion = us-east-2\n\n${h}\n${b}\n[profile b]\ns3 =\n  max_concurrent_requests = 4\n`, credentials: j % 2 ? '[a]\nregion = sa-east-1\n' : undefined, profiles: ['a', 'b', 'c'] });
  }));
  out.push({ name: 'no files', config: undefined, credentials: undefined, profiles: ['eticloud', 'default'] });
  out.push({ name: 'no newline at the end, CRLF', config: '[profile a]\r\noutput = json', credentials: undefined, profiles: ['a', 'b'] });
  return out;
}

describe.skipIf(!oracleAvailable())('planRegion, judged by botocore', () => {
  it('sets the region only where botocore finds none, and changes nothing else botocore sees', () => {
    const all = cases();
    const plans = all.map((c) => planRegion(c.config, c.credentials, c.profiles, REGION));
    const views = botocoreViews(all.flatMap((c, i) => {
      const p = plans[i]!;
      return [{ config: c.config, credentials: c.credentials }, { config: p.ok ? p.after : c.config, credentials: c.credentials }];
    })) as ({ error: string } | { profiles: Record<string, Record<string, unknown>> })[];
    let set = 0;
    let kept = 0;
    let refused = 0;
    all.forEach((c, i) => {
      const plan = plans[i]!;
      const before = views[2 * i]!;
      const after = views[2 * i + 1]!;
      if (!plan.ok) {
        // Refused only where botocore cannot read the files either.
        expect('error' in before, `${c.name}: ${plan.reason}`).toBe(true);
        refused++;
        return;
      }
      expect('error' in before || 'error' in after, c.name).toBe(false);
      if ('error' in before || 'error' in after) return;
      for (const name of new Set([...Object.keys(before.profiles), ...Object.keys(after.profiles)])) {
        const { region: r0, ...rest0 } = before.profiles[name] ?? {};
        const { region: r1, ...rest1 } = after.profiles[name] ?? {};
        if (plan.set.includes(name)) {
          expect(r0 === undefined || String(r0).trim() === '', `${c.name}: ${name} had ${String(r0)}`).toBe(true);
          expect(r1, `${c.name}: ${name}`).toBe(REGION);
          expect(rest1, `${c.name}: ${name}`).toEqual(rest0);
        } else {
          expect(after.profiles[name], `${c.name}: ${name}`).toEqual(before.profiles[name]);
        }
      }
      for (const k of plan.kept) expect(before.profiles[k.profile]!.region, c.name).toBe(k.region);
      // Every profile asked for ends with a region botocore reads.
      for (const p of c.profiles) expect(String(after.profiles[p]?.region ?? '').trim(), `${c.name}: ${p}`).not.toBe('');
      set += plan.set.length;
      kept += plan.kept.length;
    });
    process.stdout.write(`region oracle: ${all.length} file pairs, ${set} profiles given the region, ${kept} kept theirs, ${refused} pairs refused (botocore cannot read them either)\n`);
    expect(set).toBeGreaterThan(50);
    expect(kept).toBeGreaterThan(10);
    // Only the third-party corpus has files botocore refuses (the generated layouts all parse):
    // without it this case is not covered, and the run says so instead of failing.
    if (CORPUS_MISSING) process.stderr.write(`aws-region: ${CORPUS_MISSING}; the refused-file case is not covered\n`);
    expect(refused > 0).toBe(!CORPUS_MISSING);
  });
});

describe('planRegion', () => {
  it('adds a section for a profile the file does not have, and leaves a file with every region unchanged', () => {
    const plan = planRegion('[profile a]\nregion = us-west-2\n', undefined, ['a', 'b'], 'us-east-1');
    expect(plan).toEqual({ ok: true, before: '[profile a]\nregion = us-west-2\n', after: '[profile a]\nregion = us-west-2\n\n[profile b]\nregion = us-east-1\n', set: ['b'], kept: [{ profile: 'a', region: 'us-west-2' }] });
    const none = planRegion('[profile a]\nregion = us-west-2\n', undefined, ['a'], 'us-east-1');
    expect(none).toMatchObject({ ok: true, set: [], after: '[profile a]\nregion = us-west-2\n' });
  });

  it('refuses a file that does not parse, and a name that is not a region', () => {
    expect(planRegion('[profile a]\nregion = x\n[profile a]\n', undefined, ['a'], 'us-east-1')).toMatchObject({ ok: false, reason: expect.stringContaining('does not parse') });
    expect(planRegion(undefined, undefined, ['a'], 'us-east')).toMatchObject({ ok: false });
    expect(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'us-iso-east-1'].every(isRegionName)).toBe(true);
    expect(['us-east', 'US-EAST-1', 'us-east-1a', '', 'eu_west_1'].some(isRegionName)).toBe(false);
  });
});
