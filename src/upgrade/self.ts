import type { ComponentReport } from './report.js';
export async function upgradeSelf(_deps: unknown, _opts: unknown): Promise<ComponentReport> {
  return { component: 'self' as never, method: 'unknown', status: 'skipped', summary: 'not yet' };
}
