// `upgrade aws-cli`: upgrade the AWS CLI the way it was installed (aws-cli-plan.ts), then
// read `aws --version` again to report what changed.
import { realpath } from 'node:fs/promises';
import { findBrew, installedVersions } from '../brew/brew.js';
import { formulaVersions } from '../brew/formula-versions.js';
import type { PlatformFacts } from '../platform/facts.js';
import { findAll, findFirst } from '../platform/facts.js';
import { awsCliRemedy, classifyAwsCli, type AwsCliOnPath } from '../remedies/aws-cli.js';
import { describeFailure, output, succeeded } from '../platform/process.js';
import { resolveSelf } from '../platform/self.js';
import { parseAwsVersion } from '../parsers/aws-version.js';
import { compareVersions } from '../parsers/tool-version.js';
import { shellQuote } from '../ui/style.js';
import { describeMethod, detectAwsInstall, parseAptPolicy, upgradeArgv, type AwsInstallMethod } from './aws-cli-plan.js';
import type { Mode, UpgradeDeps } from './duo-sso-brew.js';
import type { ComponentReport, StepLog } from './report.js';
import { fetchDirectly } from './latest-cache.js';

async function awsVersion(deps: UpgradeDeps, path: string) {
  return parseAwsVersion(output(await deps.runner.run(path, ['--version'], { timeoutMs: 15_000 })));
}

/** What the installer offers, when it can say without downloading. */
async function availableVersion(deps: UpgradeDeps, method: AwsInstallMethod, brew: string | undefined): Promise<string | undefined> {
  // Both answers change only when the package index does; `apt-cache policy` alone takes ~0.5 s.
  const latest = deps.latest ?? fetchDirectly;
  if (method.kind === 'brew' && brew) return latest('brew:awscli', async () => (await formulaVersions(deps, brew, 'awscli'))?.available);
  if (method.kind === 'package' && method.manager === 'apt') {
    const aptCache = findFirst('apt-cache', deps.env);
    if (!aptCache) return undefined;
    return latest('apt:awscli', async () => {
      const r = await deps.runner.run(aptCache, ['policy', 'awscli'], { timeoutMs: 15_000 });
      return succeeded(r) ? parseAptPolicy(r.stdout).candidate?.replace(/^\d+:/, '').replace(/-[^-]+$/, '') : undefined;
    });
  }
  return undefined;
}

export async function upgradeAwsCli(deps: UpgradeDeps & { platform: () => Promise<PlatformFacts> }, opts: { mode: Mode }): Promise<ComponentReport> {
  const facts = await deps.platform();
  const path = findFirst('aws', deps.env);
  if (!path) {
    return { component: 'aws-cli', method: 'none', status: 'skipped', summary: 'the AWS CLI is not installed', next: { advice: 'Install it:', commands: [['duo-sso-setup', 'install', 'aws-cli']] } };
  }
  const version = await awsVersion(deps, path);
  const brew = findBrew(deps.env);
  const brewListed = brew ? Boolean((await installedVersions(deps, brew, 'awscli'))?.length) : false;
  const method = detectAwsInstall(facts, {
    path,
    realPath: await realpath(path).catch(() => path),
    distribution: version?.distribution,
    major: version?.major,
    brewListed,
    brewPrefix: facts.homebrewPrefix,
  });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const commands = upgradeArgv(method, isRoot);
  const before = version?.version;
  const available = await availableVersion(deps, method, brew);
  const base = { component: 'aws-cli' as const, method: describeMethod(method), from: before, to: available };
  if (method.kind === 'pip') {
    // Not an upgrade: v1 is replaced by v2. The doctor and setup name the same remedy.
    const found: AwsCliOnPath[] = await Promise.all(findAll('aws', deps.env).map(async (p) => {
      const v = p === path ? version : await awsVersion(deps, p);
      return { path: p, major: v?.major, version: v?.version };
    }));
    const remedy = awsCliRemedy(classifyAwsCli(found));
    return { ...base, status: 'skipped', summary: `aws-cli ${before ?? '?'} at ${path} is v1 (pip): the way forward is v2, not a newer v1`, ...(remedy ? { next: { advice: `${remedy.description}:`, commands: remedy.commands } } : {}) };
  }
  if (method.kind === 'unknown') {
    return { ...base, status: 'skipped', summary: `aws-cli ${before ?? '?'} at ${path}: cannot tell how it was installed`, next: { advice: 'Upgrade it the way you installed it, or replace it with the official installer:', commands: [['duo-sso-setup', 'install', 'aws-cli']] } };
  }
  if (before && available && compareVersions(before, available) >= 0) {
    return { ...base, status: 'current', summary: `aws-cli ${before} is current (${describeMethod(method)} offers ${available})` };
  }
  const wanted = `${before ?? '?'} → ${available ?? 'newest'}`;
  if (opts.mode === 'check') {
    return available
      ? { ...base, status: 'planned', summary: `aws-cli ${wanted} available (${describeMethod(method)})` }
      : { ...base, status: 'skipped', summary: `aws-cli ${before ?? '?'} (${describeMethod(method)}): the newest version is known only by upgrading`, next: { advice: 'To upgrade:', commands } };
  }
  const plan = commands.map((command) => ({ phase: 'upgrade' as const, title: 'Upgrade the AWS CLI', command }));
  const planned: ComponentReport = { ...base, status: 'planned', summary: `would upgrade aws-cli ${wanted} (${describeMethod(method)})`, plan };
  if (opts.mode === 'plan' || !(await deps.approve(`Upgrade the AWS CLI ${wanted} with: ${commands.map((c) => shellQuote(c)).join(' && ')}?`))) return planned;

  const reporter = await deps.reporter();
  const steps: StepLog[] = [];
  for (const command of commands) {
    const argv = resolveSelf(command);
    const h = await reporter.step('Upgrade the AWS CLI', shellQuote(command));
    // sudo may ask for a password: give it the terminal.
    const r = await deps.runner.run(argv[0]!, argv.slice(1), { timeoutMs: 1_800_000, mutates: true, interactive: command[0] === 'sudo', onLine: (l) => h.line(l) });
    const ok = succeeded(r);
    steps.push({ rung: 'upgrade', command: shellQuote(command), exitCode: r.exitCode, outcome: ok ? 'ok' : 'failed', output: output(r).split('\n').slice(-8).join('\n') });
    await h.end(ok ? 'ok' : 'fail', ok ? undefined : describeFailure(r));
    if (!ok) {
      return { ...base, status: 'failed', summary: `aws-cli upgrade failed: ${describeFailure(r)}`, steps, failedStep: steps.at(-1), next: { advice: 'Run it yourself to see the whole output (sudo may need your password):', commands: [command] } };
    }
  }
  const after = (await awsVersion(deps, path))?.version;
  const changed = after !== undefined && before !== undefined && compareVersions(after, before) > 0;
  return { ...base, to: after, status: changed ? 'upgraded' : 'current', summary: changed ? `aws-cli upgraded ${before} → ${after}` : `aws-cli ${after ?? before ?? '?'} is the newest ${describeMethod(method)} offers`, steps };
}
