// kubectl gets EKS tokens from `aws eks get-token --profile P`: P must be a profile duo-sso
// logs in, with credentials that have not expired, or every kubectl call fails with an AWS
// error far from its cause. Skipped without a kubeconfig. The YAML parser loads only when a
// kubeconfig exists (the doctor is meant to answer in well under a second).
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { readConfig } from '../../config/read-config.js';
import { listProfiles } from '../../config/model.js';
import { gatherStatus } from '../../login/status.js';
import { eksUsers, kubeconfigPaths, updateKubeconfigCommand, type EksUser } from '../../kube/kubeconfig.js';
import { result, type Check, type CheckResult } from '../types.js';

interface Loaded {
  path: string;
  users: EksUser[];
}

async function load(paths: string[]): Promise<{ files: Loaded[]; problems: string[] }> {
  const files: Loaded[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const mod = await import('yaml');
    // The bundle hands a lazily loaded CommonJS package over as its default export only.
    const { parseDocument } = typeof mod.parseDocument === 'function' ? mod : (mod as unknown as { default: typeof mod }).default;
    // prettyErrors: the line and column of each error (its message repeats them: cut).
    const doc = parseDocument(text, { prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      problems.push(`${path}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`);
      continue;
    }
    files.push({ path, users: eksUsers(doc.toJS()) });
  }
  return { files, problems };
}

export const kubeconfigCheck: Check = {
  id: 'kubeconfig',
  title: 'kubeconfig EKS users',
  async run(ctx): Promise<CheckResult> {
    const { files, problems } = await load(kubeconfigPaths(ctx.env, ctx.paths.home, delimiter, join));
    if (files.length === 0 && problems.length === 0) return result.skip('no kubeconfig (~/.kube/config or KUBECONFIG)');
    const users = files.flatMap((f) => f.users.map((u) => ({ ...u, file: f.path })));
    if (users.length === 0 && problems.length === 0) return result.skip('no kubeconfig user runs `aws eks get-token`');
    const config = await readConfig(ctx.paths.duoConfig);
    const loggedIn = config.kind === 'parsed' ? listProfiles(config.value).map((p) => p.name) : [];
    const status = loggedIn.length > 0 ? await gatherStatus(ctx, { verify: false }).catch(() => undefined) : undefined;
    const expired = new Set(status?.profiles.filter((p) => p.state === 'expired' || p.state === 'missing').map((p) => p.name) ?? []);
    const suggest = loggedIn.length === 1 ? loggedIn[0]! : 'PROFILE';
    const details: string[] = [...problems];
    const wrong: typeof users = [];
    const stale = new Set<string>();
    for (const u of users) {
      const where = `${u.user}${u.cluster ? ` (cluster ${u.cluster})` : ''}`;
      if (!u.profile) {
        wrong.push(u);
        details.push(`${where}: names no AWS profile, so the token comes from whatever AWS_PROFILE the shell has`);
      } else if (!loggedIn.includes(u.profile)) {
        wrong.push(u);
        details.push(`${where}: profile ${u.profile} is not one duo-sso logs in (${loggedIn.length > 0 ? `config.json has ${loggedIn.join(', ')}` : 'config.json has no profiles'})`);
      } else if (expired.has(u.profile)) {
        stale.add(u.profile);
        details.push(`${where}: profile ${u.profile} has expired or no credentials`);
      } else {
        details.push(`${where}: profile ${u.profile}`);
      }
    }
    const data = { users: users.map((u) => ({ user: u.user, file: u.file, ...(u.cluster ? { cluster: u.cluster } : {}), ...(u.profile ? { profile: u.profile } : {}) })) };
    if (wrong.length > 0) {
      if (suggest === 'PROFILE' && loggedIn.length > 0) details.push(`Use one of: ${loggedIn.join(', ')}`);
      return result.warn(`${wrong.map((u) => u.user).join(', ')}: EKS token without a duo-sso profile`, details, {
        description: 'Point the cluster\'s kubeconfig entry at a profile duo-sso logs in',
        commands: wrong.map((u) => updateKubeconfigCommand(u, suggest)),
        automatic: false,
      }, data);
    }
    if (stale.size > 0 || problems.length > 0) {
      const summary = stale.size > 0 ? `${[...stale].join(', ')}: used by kubectl, credentials expired or missing` : problems[0]!;
      return result.warn(summary, details.filter((d) => d !== summary), stale.size > 0 ? {
        description: 'Log in again (a Duo push will ask you to approve)',
        commands: [['duo-sso-setup', 'login', ...[...stale].flatMap((p) => ['--profile', p])]],
        automatic: false,
      } : undefined, data);
    }
    return result.ok(`${users.length} EKS user${users.length > 1 ? 's' : ''} with duo-sso profiles`, details, data);
  },
};
