// kubectl gets EKS tokens from `aws eks get-token --profile P` or `aws-iam-authenticator token`
// (AWS_PROFILE=P in its exec env): P must be a profile duo-sso logs in, with credentials that
// have not expired, or every kubectl call fails with an AWS error far from its cause. Judged on
// what kubectl itself uses: KUBECONFIG's files read and merged as client-go does (src/kube). Skipped without a kubeconfig. The YAML parser loads only when a
// kubeconfig exists (the doctor is meant to answer in well under a second).
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { readConfig } from '../../config/read-config.js';
import { listProfiles } from '../../config/model.js';
import { gatherStatus } from '../../login/status.js';
import { eksUsersInUse, field, kubeconfigPaths, mergeKubeconfigs, readKubeconfig, updateKubeconfigCommand } from '../../kube/kubeconfig.js';
import { result, type Check, type CheckResult } from '../../check/types.js';

interface Loaded {
  path: string;
  doc: unknown;
}

/** Each file as kubectl reads it (src/kube: readKubeconfig), or why kubectl refuses it. */
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
    const read = readKubeconfig(text, parseDocument);
    if (read.kind === 'not-yaml') {
      problems.push(`${path}${read.line ? `:${read.line}:${read.col}` : ''}: not valid YAML (${read.message})`);
      continue;
    }
    if (read.kind === 'refused') {
      problems.push(`${path}: kubectl refuses to load it (${read.problems.slice(0, 3).join('; ')})`);
      continue;
    }
    files.push({ path, doc: read.doc });
  }
  return { files, problems };
}

export const kubeconfigCheck: Check = {
  id: 'kubeconfig',
  title: 'kubeconfig EKS users',
  async run(ctx): Promise<CheckResult> {
    const { files, problems } = await load(kubeconfigPaths(ctx.env, ctx.paths.home, delimiter, join));
    if (files.length === 0 && problems.length === 0) return result.skip('no kubeconfig (~/.kube/config or KUBECONFIG)');
    // What kubectl uses: KUBECONFIG's files merged (the first file wins per name), the users its
    // contexts reach, the current context's first. An entry a later file repeats is never used.
    const users = eksUsersInUse(mergeKubeconfigs(files.map((f) => f.doc))).map((u) => ({ ...u, file: fileOf(files, u.user) }));
    if (users.length === 0 && problems.length === 0) return result.skip('no kubeconfig context uses `aws eks get-token` or `aws-iam-authenticator`');
    const config = await readConfig(ctx.paths.duoConfig);
    const loggedIn = config.kind === 'parsed' ? listProfiles(config.value).map((p) => p.name) : [];
    const status = loggedIn.length > 0 ? await gatherStatus(ctx, { verify: false }).catch(() => undefined) : undefined;
    const expired = new Set(status?.profiles.filter((p) => p.state === 'expired' || p.state === 'missing').map((p) => p.name) ?? []);
    const suggest = loggedIn.length === 1 ? loggedIn[0]! : 'PROFILE';
    const details: string[] = [...problems];
    const wrong: typeof users = [];
    const stale = new Set<string>();
    for (const u of users) {
      const where = `${u.user}${u.cluster ? ` (cluster ${u.cluster})` : ''}${u.tool ? ` via ${u.tool}` : ''}`;
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
    const data = { users: users.map((u) => ({ user: u.user, file: u.file, contexts: u.contexts, ...(u.cluster ? { cluster: u.cluster } : {}), ...(u.profile ? { profile: u.profile } : {}), ...(u.tool ? { tool: u.tool } : {}) })) };
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

/** The file kubectl takes a user's entry from: the first that names it. */
function fileOf(files: readonly Loaded[], user: string): string {
  const users = (f: Loaded) => field(f.doc, 'users');
  return files.find((f) => { const list = users(f); return Array.isArray(list) && list.some((u) => field(u, 'name') === user); })?.path ?? files[0]!.path;
}
