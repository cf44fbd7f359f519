// docs/doctor.md lists every check the doctor runs, in the doctor's order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../src/doctor/checks/index.js';
import { REPO } from '../support/sandbox.js';

describe('docs/doctor.md', () => {
  it('has one row per registered check, in order', () => {
    const doc = readFileSync(join(REPO, 'docs', 'doctor.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(checks.map((c) => c.id));
  });
});
