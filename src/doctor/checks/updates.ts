// Whether duo-sso, the AWS CLI or this tool has a newer version, asked the way `upgrade
// --check` asks (the same code, in check mode: read-only, nothing downloaded). A warning,
// never a failure: an old version that works is not broken.
import type { UpgradeDeps } from '../../upgrade/duo-sso-brew.js';
import type { ComponentReport } from '../../upgrade/report.js';
import { result, type Check, type CheckContext } from '../../check/types.js';
import { sharedRunner } from '../shared-runner.js';

async function reports(ctx: CheckContext): Promise<ComponentReport[]> {
  const [{ detectBrewDuoSso }, { upgradeDuoSsoBrew }, { upgradeDuoSsoBinary }, { upgradeAwsCli }, { upgradeSelf }] = await Promise.all([
    import('../../brew/duo-sso.js'), import('../../upgrade/duo-sso-brew.js'), import('../../upgrade/duo-sso-binary.js'), import('../../upgrade/aws-cli.js'), import('../../upgrade/self.js'),
  ]);
  const { cachedLatest } = await import('../../upgrade/latest-cache.js');
  const deps: UpgradeDeps = {
    runner: sharedRunner(ctx),
    latest: cachedLatest(ctx.paths, ctx.now, { dryRun: ctx.options.dryRun }),
    env: ctx.env,
    paths: ctx.paths,
    // Check mode never runs a step or asks a question.
    reporter: () => Promise.reject(new Error('the updates check does not run steps')),
    approve: async () => false,
  };
  const platform = async () => ctx.platform;
  const duoSso = async () => {
    const brew = await detectBrewDuoSso(deps);
    return brew ? upgradeDuoSsoBrew(deps, brew, { mode: 'check' }) : upgradeDuoSsoBinary({ ...deps, platform }, { mode: 'check' });
  };
  return Promise.all([duoSso(), upgradeAwsCli({ ...deps, platform }, { mode: 'check' }), upgradeSelf(deps, { mode: 'check' })]);
}

export const updatesCheck: Check = {
  id: 'updates',
  title: 'Updates',
  // Asks Homebrew and the release pages; each of those has its own shorter timeout.
  timeoutMs: 20_000,
  async run(ctx) {
    const all = await reports(ctx);
    const outdated = all.filter((r) => r.status === 'planned');
    const data = { components: all.map((r) => ({ component: r.component, method: r.method, status: r.status, installed: r.from ?? null, available: r.to ?? null })) };
    const unknown = all.filter((r) => r.status === 'skipped').map((r) => `${r.component}: ${r.summary}`);
    if (outdated.length === 0) {
      const current = all.filter((r) => r.status === 'current').map((r) => `${r.component} ${r.from ?? ''}`.trim());
      return current.length
        ? result.ok(`current: ${current.join(', ')}`, unknown, data)
        : result.skip('could not learn any newest version', unknown);
    }
    return result.warn(
      `updates available: ${outdated.map((r) => `${r.component} ${r.from ?? '?'} → ${r.to ?? 'newer'}`).join(', ')}`,
      [...outdated.map((r) => `${r.component} is installed through ${r.method}`), ...unknown],
      {
        description: `Upgrade ${outdated.map((r) => r.component).join(' and ')} (duo-sso-setup upgrade repairs a broken Homebrew tap by itself)`,
        commands: outdated.map((r) => ['duo-sso-setup', 'upgrade', r.component, '--yes']),
        automatic: true,
        needsConfirmation: true,
      },
      data,
    );
  },
};
