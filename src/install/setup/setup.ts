// `setup`: detect (the doctor's checks) → install what is missing → config init → first
// login → verify → summary. Every step can be skipped because it is already done, so a
// rerun finishes what an interrupted run started. config init and login are the real
// commands' functions, run in-process with their output routed to stderr (or captured
// into setup's one JSON document).
import { readFile } from 'node:fs/promises';
import { delimiter } from 'node:path';
import { pathEdit } from '../../shell/edit-profile.js';
import { pathPlan } from '../add-to-path.js';
import { createContext, type Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { checkContextFor, summarise } from '../../doctor/run-checks.js';
import { readState } from '../../state/state.js';
import { readConfig } from '../../config/read-config.js';
import { confirmPlans, executePlans, plansFor } from '../install.js';
import { gatherPlanInput, installOptions, type InstallFlags } from '../gather.js';
import { renderPlanHuman, planToJson } from '../render-plan.js';
import { awsCliShadowing } from '../shadowing.js';
import { execContext } from '../install.js';
import { detect, missingComponents, statusOf } from './detect.js';
import { pathCheck } from '../../doctor/checks/path.js';
import { renderSetup, type SetupReport, type SetupStepReport } from './render.js';
import { runSteps, type SetupStep } from './steps.js';
import type { InitFlags } from '../../config/commands/init.js';

export interface SetupFlags extends InstallFlags, Omit<InitFlags, 'force'> {
  /** --no-login sets this false. */
  login?: boolean;
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

export async function runSetup(ctx: Context, flags: SetupFlags): Promise<number> {
  const options = installOptions(flags, ctx.env);
  // Tools already in ~/.local/bin count as installed even when PATH misses that folder (a
  // rerun in the same terminal must not reinstall them); the PATH itself is judged apart.
  let current = withLocalBin(ctx);
  let outcomes = await detect(current);
  const pathResult = await pathCheck.run(checkContextFor(ctx, await ctx.platform()));
  const todo = missingComponents(outcomes);
  const needsConfig = (await readConfig(ctx.paths.duoConfig)).kind !== 'parsed';
  const needsLogin = flags.login !== false && statusOf(outcomes, 'credentials') !== 'ok';
  // ~/.local/bin holds our tools but is not on PATH (and the profile does not fix that yet).
  const needsPath = pathResult.status === 'fail' && !(await profileAddsLocalBin(ctx));
  const captured: Record<string, unknown> = {};

  if (!ctx.options.dryRun && !ctx.options.yes && !ctx.canPrompt && (todo.length > 0 || needsPath || needsConfig || needsLogin)) {
    const what = [...todo.map((c) => `install ${c}`), ...(needsPath ? [`put ${ctx.paths.localBin} on PATH`] : []), ...(needsConfig ? ['write config.json'] : []), ...(needsLogin ? ['log in'] : [])];
    throw new UserError(`nothing was changed: setup would ${what.join(', ')}, and there is no terminal to confirm it`, {
      hint: 'Rerun with --yes (and the flags of the steps, e.g. --profile NAME=ACCOUNT:ROLE --from FILE --no-passphrase), or with --dry-run to preview.',
    });
  }

  const steps: SetupStep[] = [
    {
      id: 'detect', title: 'Check this machine',
      run: async () => ({ status: 'done', detail: `${summarise(outcomes).ok} checks ok${todo.length ? `; missing: ${todo.join(', ')}` : ''}` }),
    },
    {
      id: 'install', title: 'Install what is missing',
      run: async () => {
        const awsShadowed = /shadows/.test(outcomes.find((o) => o.check.id === 'aws-cli')?.result.summary ?? '');
        if (todo.length === 0 && !awsShadowed && !needsPath) return { status: 'skipped', detail: 'the AWS CLI, duo-sso and the secret store are already in place' };
        const input = await gatherPlanInput(ctx, todo, options);
        const plans = plansFor(todo, input, true);
        if (needsPath && !plans.some((p) => p.steps.some((s) => s.kind === 'add-to-path'))) plans.push(pathPlan(ctx.paths.localBin));
        if (ctx.options.dryRun) {
          captured.plans = plans.map(planToJson);
          if (!ctx.options.json) ctx.io.err(renderPlanHuman(plans, ctx.style, { dryRun: false }));
          return { status: 'done', detail: todo.length ? `would install ${todo.join(', ')}` : `would put ${ctx.paths.localBin} on PATH` };
        }
        const notes: string[] = [];
        if (plans.length > 0) {
          ctx.io.err(renderPlanHuman(plans, ctx.style, { dryRun: false }));
          await confirmPlans(ctx, plans);
          const results = await executePlans(ctx, plans, input);
          captured.installed = results;
          notes.push(...results.flatMap((r) => r.notes));
        }
        if (awsShadowed) notes.push(...(await awsCliShadowing(execContext(ctx, input.facts))));
        // The login step must find what was just installed, whatever the profile says.
        current = withLocalBin(ctx);
        return { status: notes.length ? 'warning' : 'done', detail: [todo.length ? `installed ${todo.join(', ')}` : needsPath ? 'PATH fixed' : '', ...notes].filter(Boolean).join('; ') };
      },
    },
    {
      id: 'config', title: 'Write duo-sso\'s config.json',
      run: async () => {
        if (!needsConfig) return { status: 'skipped', detail: `${ctx.paths.duoConfig} already exists` };
        const { runInit } = await import('../../config/commands/init.js');
        let text = '';
        const initFlags: InitFlags = Object.fromEntries(
          (['profile', 'production', 'url', 'device', 'factor', 'sessionDuration'] as const).filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]),
        );
        const code = await runInit(routed(current, ctx.options.json ? (t) => (text += t) : ctx.io.err, ctx.options.json), initFlags);
        if (text) captured.config = parseOr(text);
        if (code !== ExitCode.ok) throw new UserError('config.json was not written', { hint: 'Run duo-sso-setup config init, then rerun setup.' });
        return { status: 'done', detail: `${ctx.options.dryRun ? 'would write' : 'wrote'} ${ctx.paths.duoConfig}` };
      },
    },
    {
      id: 'login', title: 'First login',
      run: async () => {
        if (flags.login === false) return { status: 'skipped', detail: '--no-login' };
        if (!needsLogin) return { status: 'skipped', detail: 'current credentials already saved' };
        if (ctx.options.dryRun && todo.includes('duo-sso')) return { status: 'done', detail: 'would log in with the duo-sso installed above' };
        const state = await readState(ctx.paths);
        // The guide: the very first login on a machine needs -interactive (client certificate prompt).
        const first = !Object.values(state.durations).some((d) => d.worked !== undefined);
        const { runLogin } = await import('../../login/login.js');
        let text = '';
        const code = await runLogin(routed(current, ctx.options.json ? (t) => (text += t) : ctx.io.err, ctx.options.json), { profiles: [], interactive: first, verify: true });
        if (text) captured.login = parseOr(text);
        if (code !== ExitCode.ok) throw new UserError('the login did not succeed (see above)', { hint: 'Fix what it reports, then rerun duo-sso-setup setup: finished steps are skipped.' });
        return { status: 'done', detail: `${ctx.options.dryRun ? 'would log in' : 'logged in'}${first ? ' (first login: -interactive)' : ''}` };
      },
    },
    {
      id: 'verify', title: 'Verify with the doctor',
      run: async () => {
        if (ctx.options.dryRun) return { status: 'skipped', detail: 'dry run' };
        // Judge the machine as a new terminal will see it: with the PATH line the profile now has.
        outcomes = await detect((await profileAddsLocalBin(ctx)) ? withLocalBin(ctx) : ctx);
        const counts = summarise(outcomes);
        const failing = outcomes.filter((o) => o.result.status === 'fail').map((o) => `${o.check.id}: ${o.result.summary}`);
        if (failing.length > 0) throw new UserError(`the doctor still reports ${failing.length} failure${failing.length > 1 ? 's' : ''}: ${failing.join('; ')}`, { hint: 'Run duo-sso-setup doctor for the fixes.' });
        return { status: counts.warn > 0 ? 'warning' : 'done', detail: `${counts.ok} checks ok${counts.warn ? `, ${counts.warn} warning${counts.warn > 1 ? 's' : ''}` : ''}` };
      },
    },
  ];

  const reports: SetupStepReport[] = await runSteps(ctx, steps);
  const failed = reports.find((r) => r.status === 'failed');
  const report: SetupReport = { ok: !failed, dryRun: ctx.options.dryRun, steps: reports, ...captured };
  if (ctx.options.json) ctx.io.out(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.io.out(renderSetup(report, ctx.style, ctx.paths, await profileNames(ctx.paths.duoConfig)));
  return failed ? (failed.exitCode ?? ExitCode.failure) : ExitCode.ok;
}

/** The user's shell profile already puts ~/.local/bin on PATH (new terminals will have it). */
async function profileAddsLocalBin(ctx: Context): Promise<boolean> {
  const edit = pathEdit(ctx.env, ctx.paths.home, ctx.paths.localBin);
  return edit.present(await readFile(edit.file, 'utf8').catch(() => ''));
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

