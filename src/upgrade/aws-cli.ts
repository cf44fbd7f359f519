import type { ComponentReport } from './report.js';
export async function upgradeAwsCli(_deps: unknown, _opts: unknown): Promise<ComponentReport> {
  return { component: 'aws-cli' as never, method: 'unknown', status: 'skipped', summary: 'not yet' };
}
