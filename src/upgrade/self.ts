// `upgrade self`: through whatever installed this tool (npm global, deno install, the
// Homebrew formula), with the exact command shown. A source checkout is only advised.
import { realpathSync } from 'node:fs';
import { findBrew } from '../brew/brew.js';
import { formulaVersions } from '../brew/formula-versions.js';
import { brewPrefixOf, findFirst } from '../platform/facts.js';
import { describeFailure, output, succeeded } from '../platform/process.js';
import { TOOL_VERSION } from '../platform/self.js';
import { compareVersions, parseVersion } from '../parsers/tool-version.js';
import { shellQuote } from '../ui/style.js';
import type { Mode, UpgradeDeps } from './duo-sso-brew.js';
import { fetchDirectly } from './latest-cache.js';
import type { ComponentReport, StepLog } from './report.js';
import { PACKAGE, describeSelfInstall, detectSelfInstall, selfUpgradeArgv, type SelfInstall } from './self-plan.js';

declare const Deno: unknown;

async function newestVersion(deps: UpgradeDeps, install: SelfInstall): Promise<string | undefined> {
  if (install.kind === 'brew') {
    const brew = findBrew(deps.env);
    return brew ? (await formulaVersions(deps, brew, PACKAGE))?.available : undefined;
  }
  const npm = findFirst('npm', deps.env);
  if (!npm) return undefined;
  return (deps.latest ?? fetchDirectly)(`npm:${PACKAGE}`, async () => {
    const r = await deps.runner.run(npm, ['view', PACKAGE, 'version'], { timeoutMs: 15_000 });
    return succeeded(r) ? parseVersion(r.stdout) : undefined;
  });
}

/**
 * Where this tool's script really is. Run through npm's PREFIX/bin/duo-sso-setup link,
 * argv[1] is the link, which looked like a source checkout's bin/ folder.
 */
function ownScript(): string {
  const script = process.argv[1] ?? '';
  try {
    return realpathSync(script);
  } catch {
    return script;
  }
}

export async function upgradeSelf(deps: UpgradeDeps, opts: { mode: Mode }): Promise<ComponentReport> {
  const brew = findBrew(deps.env);
  const install = detectSelfInstall(ownScript(), typeof Deno !== 'undefined' ? 'deno' : 'node', brew === undefined ? undefined : brewPrefixOf(brew));
  const commands = selfUpgradeArgv(install);
  // A checkout is updated with git and npx fetches the newest each time: no need to ask.
  const latest = install.kind === 'checkout' || install.kind === 'npx' ? undefined : await newestVersion(deps, install);
  const base = { component: 'self' as const, method: describeSelfInstall(install), from: TOOL_VERSION, to: latest };
  if (latest && compareVersions(TOOL_VERSION, latest) >= 0) {
    return { ...base, status: 'current', summary: `${PACKAGE} ${TOOL_VERSION} is current` };
  }
  const wanted = `${TOOL_VERSION} → ${latest ?? 'newest'}`;
  if (install.kind === 'npx') {
    return { ...base, status: 'skipped', summary: `run through npx: ask for the newest version each time`, next: { advice: 'Run:', commands: [['npx', `${PACKAGE}@latest`]] } };
  }
  if (install.kind === 'checkout' || opts.mode === 'check') {
    const summary = install.kind === 'checkout' ? `running from a source checkout; update it yourself` : latest ? `${PACKAGE} ${wanted} available` : `${PACKAGE} ${TOOL_VERSION}; could not learn the newest version`;
    return { ...base, status: latest && install.kind !== 'checkout' ? 'planned' : 'skipped', summary, next: { advice: 'To upgrade:', commands } };
  }
  const planned: ComponentReport = { ...base, status: 'planned', summary: `would upgrade ${PACKAGE} ${wanted} (${describeSelfInstall(install)})`, plan: commands.map((command) => ({ phase: 'upgrade', title: `Upgrade ${PACKAGE}`, command })) };
  if (opts.mode === 'plan' || !(await deps.approve(`Upgrade ${PACKAGE} ${wanted} with: ${commands.map((c) => shellQuote(c)).join(' && ')}?`))) return planned;
  const reporter = await deps.reporter();
  const steps: StepLog[] = [];
  for (const command of commands) {
    const h = await reporter.step(`Upgrade ${PACKAGE}`, shellQuote(command));
    const r = await deps.runner.run(command[0]!, command.slice(1), { timeoutMs: 600_000, mutates: true, onLine: (l) => h.line(l) });
    steps.push({ rung: 'upgrade', command: shellQuote(command), exitCode: r.exitCode, outcome: succeeded(r) ? 'ok' : 'failed', output: output(r).split('\n').slice(-8).join('\n') });
    await h.end(succeeded(r) ? 'ok' : 'fail', succeeded(r) ? undefined : describeFailure(r));
    if (!succeeded(r)) {
      return { ...base, status: 'failed', summary: `upgrade of ${PACKAGE} failed: ${describeFailure(r)}`, steps, failedStep: steps.at(-1), next: { advice: 'Run it yourself to see the whole output:', commands: [command] } };
    }
  }
  return { ...base, status: 'upgraded', summary: `${PACKAGE} upgraded ${TOOL_VERSION} → ${latest ?? 'newest'} (takes effect on the next run)`, steps };
}
