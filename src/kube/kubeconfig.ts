// Which kubeconfig users get their token from `aws eks get-token`, and with which AWS profile:
// `--profile P` in the exec args, else AWS_PROFILE in the exec env (what kubectl passes to
// the aws process), else none (the ambient default). Pure: a parsed document in, facts out.
// The exec form is the one `aws eks update-kubeconfig` writes:
//   users: [{ name, user: { exec: { command: aws, args: [--region, R, eks, get-token, --cluster-name, C, (--output, json)], env: [{name: AWS_PROFILE, value: P}] } } }]

export interface EksUser {
  /** The kubeconfig user's name. */
  user: string;
  cluster?: string;
  region?: string;
  /** The AWS profile the token is made with; undefined = none named (AWS_PROFILE of the shell, else default). */
  profile?: string;
  /** How the profile was named. */
  via?: 'args' | 'env';
}

function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) return args[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

const isAws = (command: unknown): boolean => typeof command === 'string' && /(^|[/\\])aws(\.exe|\.cmd)?$/i.test(command);

/** Every user whose exec runs `aws eks get-token`. Anything not shaped like a kubeconfig yields none. */
export function eksUsers(doc: unknown): EksUser[] {
  const users = (doc as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) return [];
  const out: EksUser[] = [];
  for (const u of users) {
    const name = typeof u?.name === 'string' ? u.name : '(unnamed)';
    const exec = u?.user?.exec;
    if (!exec || !isAws(exec.command)) continue;
    const args: string[] = Array.isArray(exec.args) ? exec.args.filter((a: unknown): a is string => typeof a === 'string') : [];
    const eks = args.indexOf('eks');
    if (eks < 0 || args[eks + 1] !== 'get-token') continue;
    const envs: { name?: unknown; value?: unknown }[] = Array.isArray(exec.env) ? exec.env : [];
    const fromArgs = flagValue(args, '--profile');
    const fromEnv = envs.find((e) => e?.name === 'AWS_PROFILE' && typeof e.value === 'string')?.value as string | undefined;
    const cluster = flagValue(args, '--cluster-name') ?? flagValue(args, '--cluster-id');
    const region = flagValue(args, '--region') ?? (envs.find((e) => e?.name === 'AWS_REGION' || e?.name === 'AWS_DEFAULT_REGION')?.value as string | undefined);
    const profile = fromArgs ?? fromEnv;
    out.push({ user: name, ...(cluster ? { cluster } : {}), ...(region ? { region } : {}), ...(profile ? { profile, via: fromArgs ? 'args' as const : 'env' as const } : {}) });
  }
  return out;
}

/** The command that rewrites this user's entry with a profile duo-sso logs in. */
export function updateKubeconfigCommand(u: EksUser, profile: string): string[] {
  return ['aws', 'eks', 'update-kubeconfig', '--name', u.cluster ?? 'CLUSTER', '--region', u.region ?? 'REGION', '--profile', profile];
}

/** The kubeconfig files kubectl reads: KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigPaths(env: Readonly<Record<string, string | undefined>>, home: string, delimiter: string, join: (...p: string[]) => string): string[] {
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  return list.length > 0 ? [...new Set(list)] : [join(home, '.kube', 'config')];
}
