// An upgrade must not touch the user's duo-sso config or AWS credentials. We fingerprint
// them before and after, so the report can say so as a fact rather than a promise.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export type Fingerprints = Record<string, string | null>;

export async function fingerprint(paths: readonly string[]): Promise<Fingerprints> {
  const entries = await Promise.all(paths.map(async (p) => {
    try {
      return [p, createHash('sha256').update(await readFile(p)).digest('hex')] as const;
    } catch {
      return [p, null] as const;
    }
  }));
  return Object.fromEntries(entries);
}

/** Paths whose content differs between the two snapshots. */
export function changedFiles(before: Fingerprints, after: Fingerprints): string[] {
  return Object.keys(before).filter((p) => before[p] !== after[p]);
}
