import type { ComponentReport } from './report.js';
export async function upgradeDuoSsoBinary(_deps: unknown, _opts: unknown): Promise<ComponentReport> {
  return { component: 'duo-sso' as never, method: 'unknown', status: 'skipped', summary: 'not yet' };
}
