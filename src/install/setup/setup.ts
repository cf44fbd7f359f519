// `setup`: detect (the doctor's checks) → install what is missing → config init → first
// login → verify → summary. Every step can be skipped because it is already done, so a
// rerun finishes what an interrupted run started. config init and login are the real
// commands' functions, run in-process with their output routed to stderr (or captured
// into setup's one JSON document).
import { basename, delimiter } from 'node:path';
import { completionEdit, pathEdit } from '../../shell/edit-profile.js';
import { pathPlan } from '../add-to-path.js';
import { completionPlan } from '../completion-plan.js';
import { execContext } from '../install.js';
import { executePlan } from '../execute.js';
import { createContext, type Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { checkContextFor, runCheck, summarise } from '../../doctor/run-checks.js';
import { interrupted, recordChange } from '../../platform/interrupt.js';
import { hungPrograms } from '../../platform/process.js';
import { readState } from '../../state/state.js';
import { readConfig } from '../../config/read-config.js';
import { executePlans, plansFor, type InstallResult } from '../install.js';
import { approvePlans, showPlan } from '../approve.js';
import { homeRefusal } from '../home-gate.js';
import { withV1Removal } from '../remove-v1.js';
import { classifyAwsCli, fromInstallations, pipAwsCliV1 } from '../../remedies/aws-cli.js';
import { plural } from '../../ui/text.js';
import type { Plan } from '../types.js';
import { gatherPlanInput, installOptions, type InstallFlags } from '../gather.js';
import { renderPlanHuman, planToJson, refusedPlans } from '../render-plan.js';
import { detect, missingComponents, statusOf } from './detect.js';
import { pathCheck } from '../../doctor/checks/path.js';
import { renderSetup, type SetupReport, type SetupStepReport } from './render.js';
import { runSteps, type SetupStep, type StepResult } from './steps.js';
import type { InitFlags } from '../../config/commands/init.js';
import { readProfileText } from '../../fs/safe-read.js';
import { parseRegionFlag } from '../../config/commands/init.js';
import { applyRegion, describeRegion, FALLBACK_REGION, profilesWithoutRegion } from '../../config/region.js';
import { isRegionName } from '../../aws/region.js';
import { wrapText } from '../../ui/wrap.js';

export interface SetupFlags extends InstallFlags, Omit<InitFlags, 'force'> {
  /** --no-login sets this false. */
  login?: boolean;
  /** --no-completion sets this false. */
  completion?: boolean;
}

/** A context whose output goes to `sink` (login and config init print their own reports). */
function routed(ctx: Context, sink: (t: string) => void, json: boolean): Context {
  return { ...ctx, io: { ...ctx.io, out: sink }, options: { ...ctx.options, json } };
}

/** Tools we just put in ~/.local/bin must be found by the later steps of this same run. */
function withLocalBin(ctx: Context): Context {
  const entries = (ctx.env.PATH ?? '').split(delimiter);
  if (entries.includes(ctx.paths.localBin)) return ctx;
  const env = { ...ctx.env, PATH: [ctx.paths.localBin, ...entries.filter(Boolean)].join(delimiter) };
  return { ...createContext(ctx.options, env, ctx.io), platform: ctx.platform };
}

/** The command that installs one component by hand, with the flags it needs. */
function installCommand(component: Plan['component']): string[] {
  if (component === 'path') return ['duo-sso-setup', 'install', '--add-to-path'];
  // Never in the install step's plans (the completion step has its own); its help names the line.
  if (component === 'completion') return ['duo-sso-setup', 'completion', '--help'];
  return ['duo-sso-setup', 'install', component, ...(component === 'duo-sso' ? ['--from', 'FILE'] : [])];
}

export async function runSetup(ctx: Context, flags: SetupFlags): Promise<number> {
  const options = installOptions(flags, ctx.env);
  // Tools already in ~/.local/bin count as installed even when PATH misses that folder (a
  // rerun in the same terminal must not reinstall them); the PATH itself is judged apart.
  let current = withLocalBin(ctx);
  let outcomes = await detect(current);
  // Every tool keeps its files under HOME: with HOME broken nothing after this can work.
  const refusal = homeRefusal(outcomes.find((o) => o.check.id === 'platform')?.result);
  if (refusal) throw refusal;
  // Through the runner of checks: a Ctrl-C here makes it "interrupted", not an error.
  const pathResult = (await runCheck(pathCheck, checkContextFor(ctx, await ctx.platform()))).result;
  const todo = missingComponents(outcomes);
  const awsV1 = pipAwsCliV1(classifyAwsCli(fromInstallations(outcomes.find((o) => o.check.id === 'aws-cli')?.result.data?.installations)));
  const needsConfig = (await readConfig(ctx.paths.duoConfig)).kind !== 'parsed';
  const needsLogin = flags.login !== false && statusOf(outcomes, 'credentials') !== 'ok';
  // config.json's profiles the AWS CLI finds no region for (it would refuse every command).
  const withoutRegion = needsConfig ? [] : await profilesWithoutRegion(ctx.paths, await profileNames(ctx.paths.duoConfig));
  // ~/.local/bin holds our tools but is not on PATH (and the profile does not fix that yet).
  const needsPath = pathResult.status === 'fail' && !(await profileAddsLocalBin(ctx));
  // Shell completion: offered unless --no-completion, for bash, zsh and fish, once.
  const completion = flags.completion === false ? undefined : completionEdit(ctx.env, ctx.paths.home);
  const needsCompletion = completion !== undefined && !completion.present(await readProfileText(completion.file));
  const captured: Record<string, unknown> = {};
  // Dry run: the questions a real run would ask (none is asked now).
  const questions: string[] = [];
  // What the install step did not finish: the login needs duo-sso (and on Linux, pass).
  const unfinished = new Set<Plan['component']>();
  let configDone = !needsConfig;

  if (!interrupted() && !ctx.options.dryRun && !ctx.options.yes && !ctx.canPrompt && (todo.length > 0 || needsPath || needsConfig || needsLogin || withoutRegion.length > 0)) {
    const what = [...todo.map((c) => `install ${c}`), ...(needsPath ? [`put ${ctx.paths.localBin} on PATH`] : []), ...(needsCompletion ? [`load shell completion from ${completion!.file}`] : []), ...(needsConfig ? ['write config.json'] : []), ...(withoutRegion.length > 0 ? [`set a region for ${withoutRegion.join(', ')}`] : []), ...(needsLogin ? ['log in'] : [])];
    throw new UserError(`nothing was changed: setup would ${what.join(', ')}, and there is no terminal to confirm it`, {
      hint: 'Rerun with --yes (and the flags of the steps, e.g. --profile NAME=ACCOUNT:ROLE --from FILE --no-passphrase), or with --dry-run to preview.',
    });
  }

  const steps: SetupStep[] = [
    {
      id: 'detect', title: 'Check this machine', began: true,
      run: async () => {
        // A tool that hangs looks missing to the checks: say so, the install will not cure it.
        const hung = hungPrograms().map((p) => basename(p));
        const detail = `${plural(summarise(outcomes).ok, 'check')} ok${todo.length ? `; missing: ${todo.join(', ')}` : ''}${hung.length ? `; ${hung.join(', ')} did not answer (${hung.length > 1 ? 'they hang' : 'it hangs'}): see duo-sso-setup doctor` : ''}`;
        return { status: hung.length ? 'warning' : 'done', detail };
      },
    },
    {
      id: 'install', title: 'Install what is missing',
      run: async (): Promise<StepResult> => {
        if (todo.length === 0 && !awsV1 && !needsPath) return { status: 'skipped', detail: 'the AWS CLI, duo-sso and the secret store are already in place' };
        const input = await gatherPlanInput(ctx, todo, options);
        if (awsV1) input.awsCliV1 = awsV1;
        const plans = withV1Removal(plansFor(todo, input, true), input);
        if (needsPath && !plans.some((p) => p.steps.some((s) => s.kind === 'add-to-path'))) plans.push(pathPlan(ctx.paths.localBin));
        if (ctx.options.dryRun) {
          captured.plans = plans.map(planToJson);
          if (!ctx.options.json) ctx.io.err(wrapText(renderPlanHuman(plans, ctx.style, { dryRun: false }), ctx.io.errWidth));
          if (!ctx.options.yes && plans.some((p) => p.steps.length > 0)) questions.push('install: Go ahead? (the plan above)');
          // A download nothing verifies is refused by the real run: said here as the real run would.
          const refused = refusedPlans(plans);
          const installs = todo.filter((c) => !refused.some((r) => r.component === c));
          const would = [...(installs.length ? [`would install ${installs.join(', ')}`] : []), ...refused.map((r) => `would refuse ${r.component}: its download cannot be verified (${r.why})`), ...(awsV1 ? [`would remove the AWS CLI v1 at ${awsV1} only with --remove-aws-cli-v1`] : []), ...(needsPath ? [`would put ${ctx.paths.localBin} on PATH`] : [])];
          // The login after it would then be blocked, as in the real run.
          for (const r of refused) unfinished.add(r.component);
          if (refused.length > 0) return { status: 'warning', detail: would.join('; '), hint: refused.map((r) => r.hint).join('\n') };
          return { status: 'done', detail: would.join('; ') };
        }
        showPlan(ctx, renderPlanHuman(plans, ctx.style, { dryRun: false }));
        let approved;
        try {
          approved = await approvePlans(ctx, plans);
        } catch (error) {
          if (!(error instanceof UserError) || error.exitCode === ExitCode.interrupted) throw error;
          for (const c of todo) unfinished.add(c);
          if (needsPath) unfinished.add('path');
          return { status: error.message.startsWith('cancelled') ? 'skipped' : 'failed', detail: error.message, ...(error.opts.hint ? { hint: error.opts.hint } : {}), remaining: [...unfinished].map(installCommand) };
        }
        // One plan failing leaves the others to run: pass-gpg does not need duo-sso.
        const results: InstallResult[] = [];
        const failures: { component: Plan['component']; error: UserError }[] = [];
        for (const plan of approved) {
          try {
            results.push(...(await executePlans(ctx, [plan], input)));
          } catch (error) {
            if (!(error instanceof UserError) || error.exitCode === ExitCode.interrupted) throw error;
            failures.push({ component: plan.component, error });
            unfinished.add(plan.component);
          }
        }
        captured.installed = results;
        const notes = results.flatMap((r) => r.notes);
        // The login step must find what was just installed, whatever the profile says.
        current = withLocalBin(ctx);
        const installed = results.filter((r) => r.steps.length > 0 && r.method !== 'remove-v1').map((r) => r.component);
        const done = [...(installed.length ? [`installed ${installed.join(', ')}`] : [])];
        if (failures.length > 0) {
          return {
            status: 'failed',
            detail: [...failures.map((f) => `${f.component}: ${f.error.message}`), ...done].join('; '),
            hint: failures.map((f) => f.error.opts.hint).filter(Boolean).join(' '),
            remaining: failures.map((f) => installCommand(f.component)),
          };
        }
        return { status: notes.length ? 'warning' : 'done', detail: [...done, ...(needsPath && !installed.length ? ['PATH fixed'] : []), ...notes].join('; ') || 'done' };
      },
    },
    {
      id: 'completion', title: 'Shell completion',
      run: async (): Promise<StepResult> => {
        if (flags.completion === false) return { status: 'skipped', detail: '--no-completion' };
        if (!completion) return { status: 'skipped', detail: 'no completion for this shell (bash, zsh and fish have one): see duo-sso-setup completion --help' };
        if (!needsCompletion) return { status: 'skipped', detail: `${completion.file} already loads it` };
        const plan = completionPlan(completion);
        const byHand = `add this line to ${completion.file} yourself: ${completion.line}`;
        if (ctx.options.dryRun) {
          captured.plans = [...((captured.plans as unknown[] | undefined) ?? []), planToJson(plan)];
          if (!ctx.options.json) ctx.io.err(wrapText(renderPlanHuman([plan], ctx.style, { dryRun: false }), ctx.io.errWidth));
          if (!ctx.options.yes) questions.push(`completion: Go ahead? (add the line to ${completion.file})`);
          return { status: 'done', detail: `would add \`${completion.line}\` to ${completion.file}` };
        }
        // Optional: without a terminal to ask (and no --yes) it is left out, not an error.
        if (!ctx.options.yes && !ctx.canPrompt) return { status: 'skipped', detail: `not added: no terminal to ask (rerun with --yes, or ${byHand})` };
        showPlan(ctx, renderPlanHuman([plan], ctx.style, { dryRun: false }));
        let approved;
        try {
          approved = await approvePlans(ctx, [plan]);
        } catch (error) {
          if (!(error instanceof UserError) || error.exitCode === ExitCode.interrupted) throw error;
          return { status: 'skipped', detail: `not added (${error.message}); ${byHand}` };
        }
        // The plan's "Go ahead?" (default Yes, or --yes) was this line's question: the
        // executor's own offer must not ask a second time.
        const exec = { ...execContext(ctx, await ctx.platform()), approve: async () => true };
        const step = (await executePlan(exec, approved[0]!)).steps[0];
        return { status: step?.status ?? 'done', detail: step?.detail ?? 'done' };
      },
    },
    {
      id: 'config', title: 'Write duo-sso\'s config.json', command: ['duo-sso-setup', 'config', 'init'],
      run: async () => {
        if (!needsConfig) return { status: 'skipped', detail: `${ctx.paths.duoConfig} already exists` };
        const { asksWizard, runInit } = await import('../../config/commands/init.js');
        let text = '';
        const initFlags: InitFlags = Object.fromEntries(
          (['profile', 'production', 'url', 'device', 'factor', 'sessionDuration', 'region'] as const).filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]),
        );
        // A dry run asks nothing: it shows the config the flags, the policy and the defaults
        // make (config init's own path without a terminal), and names the wizard's questions.
        const wizard = ctx.options.dryRun && asksWizard(ctx, initFlags);
        if (wizard) {
          const { wizardQuestions } = await import('../../config/wizard.js');
          const exists = (await readConfig(ctx.paths.duoConfig)).kind !== 'missing';
          questions.push(...(await wizardQuestions({ exists, force: false })).map((q) => `config: ${q}`));
        }
        const initCtx = ctx.options.dryRun ? { ...current, canPrompt: false } : current;
        const code = await runInit(routed(initCtx, ctx.options.json ? (t) => (text += t) : ctx.io.err, ctx.options.json), initFlags);
        if (text) captured.config = parseOr(text);
        if (code !== ExitCode.ok) return { status: 'skipped', detail: 'config.json was not written' };
        configDone = true;
        if (!ctx.options.dryRun) recordChange(`wrote ${ctx.paths.duoConfig}`);
        if (wizard) return { status: 'done', detail: `would write ${ctx.paths.duoConfig} with the defaults shown, or what you answer to the wizard's questions` };
        return { status: 'done', detail: `${ctx.options.dryRun ? 'would write' : 'wrote'} ${ctx.paths.duoConfig}` };
      },
    },
    {
      id: 'region', title: 'Default AWS region', command: ['duo-sso-setup', 'doctor'],
      // A dry run has no config.json yet to read the profiles from: --profile names them.
      run: async () => regionStep(current, flags.region, configDone, ctx.options.dryRun && needsConfig ? (flags.profile ?? []).map((p) => p.split('=')[0]!.trim()) : undefined),
    },
    {
      id: 'login', title: 'First login', command: ['duo-sso-setup', 'login'],
      blockedBy: () => {
        if (flags.login === false || !needsLogin) return undefined;
        const missing = [...unfinished].filter((c) => c === 'duo-sso' || c === 'pass-gpg');
        if (missing.length) return `it needs ${missing.join(' and ')}, which ${ctx.options.dryRun ? 'would not be installed' : `${missing.length > 1 ? 'were' : 'was'} not installed`}`;
        if (!configDone && !ctx.options.dryRun) return 'it needs config.json, which was not written';
        return undefined;
      },
      run: async () => {
        if (flags.login === false) return { status: 'skipped', detail: '--no-login' };
        if (!needsLogin) return { status: 'skipped', detail: 'current credentials already saved' };
        // duo-sso reads only its own config.json: a login under --config PATH would not use PATH.
        await (await import('../../login/own-config.js')).requireDuoSsoOwnConfig(ctx);
        const state = await readState(ctx.paths);
        // The guide: the very first login on a machine needs -interactive (client certificate prompt).
        const first = !Object.values(state.durations).some((d) => d.worked !== undefined);
        // A dry run does not log in (and so asks nothing): duo-sso's Duo prompt is a question.
        if (ctx.options.dryRun) {
          questions.push('login: the Duo prompt of duo-sso (push, or a passcode)');
          return { status: 'done', detail: `would log in with duo-sso${todo.includes('duo-sso') ? ' (installed above)' : ''}${first ? ' -interactive (first login)' : ''}` };
        }
        const { runLogin } = await import('../../login/login.js');
        let text = '';
        const code = await runLogin(routed(current, ctx.options.json ? (t) => (text += t) : ctx.io.err, ctx.options.json), { profiles: [], interactive: first, verify: true });
        if (text) captured.login = parseOr(text);
        if (code !== ExitCode.ok) throw new UserError('the login did not succeed (see above)', { hint: 'Fix what it reports, then rerun duo-sso-setup setup: finished steps are skipped.' });
        return { status: 'done', detail: `${ctx.options.dryRun ? 'would log in' : 'logged in'}${first ? ' (first login: -interactive)' : ''}` };
      },
    },
    {
      id: 'verify', title: 'Verify with the doctor', command: ['duo-sso-setup', 'doctor'],
      run: async () => {
        if (ctx.options.dryRun) return { status: 'skipped', detail: 'dry run' };
        // Judge the machine as a new terminal will see it: with the PATH line the profile now has.
        outcomes = await detect((await profileAddsLocalBin(ctx)) ? withLocalBin(ctx) : ctx);
        const counts = summarise(outcomes);
        const failing = outcomes.filter((o) => o.result.status === 'fail').map((o) => `${o.check.id}: ${o.result.summary}`);
        if (failing.length > 0) throw new UserError(`the doctor still reports ${plural(failing.length, 'failure')}: ${failing.join('; ')}`, { hint: 'Run duo-sso-setup doctor for the fixes.' });
        return { status: counts.warn > 0 ? 'warning' : 'done', detail: `${plural(counts.ok, 'check')} ok${counts.warn ? `, ${plural(counts.warn, 'warning')}` : ''}` };
      },
    },
  ];

  const reports: SetupStepReport[] = await runSteps(ctx, steps);
  const failed = reports.find((r) => r.status === 'failed');
  // Interrupted: the summary still says what was done, what the Ctrl-C stopped and what never
  // started; main.ts then ends the run with its one line and 130.
  const report: SetupReport = {
    ok: !failed && !interrupted(), dryRun: ctx.options.dryRun, steps: reports, ...captured,
    ...(ctx.options.dryRun ? { questions } : {}),
  };
  if (ctx.options.json) ctx.io.out(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.io.out(wrapText(renderSetup(report, ctx.style, ctx.paths, await profileNames(ctx.paths.duoConfig)), ctx.io.outWidth));
  return failed ? (failed.exitCode ?? ExitCode.failure) : ExitCode.ok;
}

/**
 * `region` in ~/.aws/config for config.json's profiles that have none: --region, else the
 * organisation policy's, else asked on a terminal, else us-east-1. A profile with a region keeps it.
 */
async function regionStep(ctx: Context, flag: string | undefined, configDone: boolean, planned?: string[]): Promise<StepResult> {
  const names = planned ?? await profileNames(ctx.paths.duoConfig);
  if (names.length === 0) return { status: 'skipped', detail: configDone ? 'config.json has no named profiles' : 'no config.json yet' };
  const missing = await profilesWithoutRegion(ctx.paths, names);
  if (missing.length === 0) return { status: 'skipped', detail: 'every profile already has a region' };
  const { readPolicy, appliedPolicy } = await import('../../policy/read.js');
  const policy = appliedPolicy(await readPolicy(ctx.paths))?.region;
  let region = flag !== undefined ? parseRegionFlag(flag) : policy ?? FALLBACK_REGION;
  if (flag === undefined && !policy && ctx.canPrompt && !ctx.options.yes && !ctx.options.dryRun) {
    const { enquirerPrompter } = await import('../../ui/prompt.js');
    region = (await enquirerPrompter().input(`Default AWS region for ${missing.join(', ')} (written to ${ctx.paths.awsConfig})`, {
      initial: FALLBACK_REGION,
      validate: (v) => isRegionName(v.trim()) || 'an AWS region name, e.g. us-east-1 or eu-west-1',
    })).trim();
  }
  const outcome = await applyRegion(ctx, names, region);
  const source = flag !== undefined ? '' : policy ? ' (the organisation policy\'s)' : region === FALLBACK_REGION ? ' (default; --region to choose another)' : '';
  return { status: 'done', detail: `${describeRegion(outcome)}${source}` };
}

/** The user's shell profile already puts ~/.local/bin on PATH (new terminals will have it). */
async function profileAddsLocalBin(ctx: Context): Promise<boolean> {
  const edit = pathEdit(ctx.env, ctx.paths.home, ctx.paths.localBin);
  return edit.present(await readProfileText(edit.file));
}

async function profileNames(path: string): Promise<string[]> {
  const read = await readConfig(path);
  const profiles = read.kind === 'parsed' && typeof read.value === 'object' && read.value !== null ? (read.value as { profiles?: unknown }).profiles : undefined;
  return typeof profiles === 'object' && profiles !== null && !Array.isArray(profiles) ? Object.keys(profiles) : [];
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

