// Which kubeconfig users get their EKS token from `aws eks get-token` or
// `aws-iam-authenticator token`, and with which AWS profile: `--profile P` in the exec args,
// else AWS_PROFILE in the exec env (what kubectl passes to the process), else none (the ambient
// default); and which of them kubectl really reaches, merging KUBECONFIG's files as client-go
// does. Pure: parsed documents in, facts out.
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
  /** Set for `aws-iam-authenticator token -i CLUSTER` users; absent for `aws eks get-token`. */
  tool?: 'aws-iam-authenticator';
}

function flagValue(args: readonly string[], ...flags: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const flag of flags) {
      if (a === flag) return args[i + 1];
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
    }
  }
  return undefined;
}

const isAws = (command: unknown): boolean => typeof command === 'string' && /(^|[/\\])aws(\.exe|\.cmd)?$/i.test(command);
const isAuthenticator = (command: unknown): boolean => typeof command === 'string' && /(^|[/\\])aws-iam-authenticator(\.exe)?$/i.test(command);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A field as kubectl's decoder finds it: by its exact name (client-go decodes case-sensitively:
 * `Users:` is not `users:`, checked against kubectl), own properties only.
 */
export function field(obj: unknown, name: string): unknown {
  return isObj(obj) && Object.hasOwn(obj, name) ? obj[name] : undefined;
}

/** One kubeconfig user (its `user:` object) as an EKS token user, or undefined when it is not one. */
export function eksUserOf(name: string, user: unknown): EksUser | undefined {
  const exec = field(user, 'exec');
  const command = field(exec, 'command');
  const rawArgs = field(exec, 'args');
  const args: string[] = Array.isArray(rawArgs) ? rawArgs.filter((a: unknown): a is string => typeof a === 'string') : [];
  const rawEnv = field(exec, 'env');
  const envs = Array.isArray(rawEnv) ? rawEnv.filter(isObj) : [];
  const envValue = (...names: string[]) => {
    // kubectl sets them in order, so a later entry of the same name wins.
    const found = envs.filter((e) => names.includes(field(e, 'name') as string) && typeof field(e, 'value') === 'string').at(-1);
    return found ? (field(found, 'value') as string) : undefined;
  };
  let cluster: string | undefined;
  let tool: EksUser['tool'];
  if (isAws(command)) {
    const eks = args.indexOf('eks');
    if (eks < 0 || args[eks + 1] !== 'get-token') return undefined;
    cluster = flagValue(args, '--cluster-name') ?? flagValue(args, '--cluster-id');
  } else if (isAuthenticator(command)) {
    if (!args.includes('token')) return undefined;
    cluster = flagValue(args, '-i', '--cluster-id');
    tool = 'aws-iam-authenticator';
  } else return undefined;
  const fromArgs = flagValue(args, '--profile');
  const fromEnv = envValue('AWS_PROFILE');
  const region = flagValue(args, '--region') ?? envValue('AWS_REGION', 'AWS_DEFAULT_REGION');
  const profile = fromArgs ?? fromEnv;
  return { user: name, ...(cluster ? { cluster } : {}), ...(region ? { region } : {}), ...(profile ? { profile, via: fromArgs ? 'args' as const : 'env' as const } : {}), ...(tool ? { tool } : {}) };
}

/** Every user of one document whose exec makes an EKS token. Anything not shaped like a kubeconfig yields none. */
export function eksUsers(doc: unknown): EksUser[] {
  const users = field(doc, 'users');
  if (!Array.isArray(users)) return [];
  return users.flatMap((u) => {
    const name = typeof field(u, 'name') === 'string' ? (field(u, 'name') as string) : '(unnamed)';
    const found = eksUserOf(name, field(u, 'user'));
    return found ? [found] : [];
  });
}

const LISTS = [['clusters', 'cluster'], ['contexts', 'context'], ['users', 'user']] as const;

/**
 * Why kubectl would refuse to load this (parsed) file, which makes every kubectl command fail:
 * a list that is not a list, an entry without a string name, a name twice in one list
 * ("duplicate name in list"), or a field it reads as a string holding something else (YAML 1.1
 * reads an unquoted `y`, `on` or `no` as a boolean). Empty: it loads.
 */
export function kubeFileProblems(doc: unknown): string[] {
  if (doc === null || doc === undefined) return [];
  if (!isObj(doc)) return ['not a mapping of kubeconfig fields'];
  const out: string[] = [];
  const str = (v: unknown, where: string) => {
    if (v !== undefined && v !== null && typeof v !== 'string') out.push(`${where} is ${JSON.stringify(v)}, not a string`);
  };
  str(field(doc, 'current-context'), 'current-context');
  for (const [list, inner] of LISTS) {
    const entries = field(doc, list);
    if (entries === undefined || entries === null) continue;
    if (!Array.isArray(entries)) {
      out.push(`${list} is not a list`);
      continue;
    }
    const seen = new Set<string>();
    for (const e of entries) {
      const name = field(e, 'name');
      str(name, `a name in ${list}`);
      const key = typeof name === 'string' ? name : '';
      if (seen.has(key)) out.push(`duplicate name "${key}" in ${list}`);
      seen.add(key);
      const body = field(e, inner);
      if (list === 'contexts') for (const f of ['cluster', 'user', 'namespace']) str(field(body, f), `${list}[${key}].${inner}.${f}`);
      if (list === 'clusters') str(field(body, 'server'), `${list}[${key}].${inner}.server`);
      if (list === 'users') {
        const exec = field(body, 'exec');
        str(field(exec, 'command'), `${list}[${key}].user.exec.command`);
        const args = field(exec, 'args');
        if (Array.isArray(args)) args.forEach((a, i) => str(a, `${list}[${key}].user.exec.args[${i}]`));
        const env = field(exec, 'env');
        if (Array.isArray(env)) env.forEach((v, i) => ['name', 'value'].forEach((f) => str(field(v, f), `${list}[${key}].user.exec.env[${i}].${f}`)));
      }
    }
  }
  return out;
}

/** The yaml package's parseDocument (loaded lazily by the caller: the doctor must stay fast). */
export type ParseDocument = typeof import('yaml').parseDocument;

export type KubeFileRead =
  | { kind: 'read'; doc: unknown }
  | { kind: 'not-yaml'; line?: number; col?: number; message: string }
  | { kind: 'refused'; problems: string[] };

/**
 * One file's text as kubectl reads it: go-yaml v2's YAML 1.1 (an unquoted `y` is true) with
 * repeated keys allowed, the last counting (eksctl's golden files repeat `kind`); then what
 * client-go refuses in what it decoded (kubeFileProblems).
 */
export function readKubeconfig(text: string, parseDocument: ParseDocument): KubeFileRead {
  // prettyErrors: the line and column of each error (its message repeats them: cut).
  const doc = parseDocument(text, { prettyErrors: true, version: '1.1', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    return { kind: 'not-yaml', ...(at ? { line: at.line, col: at.col } : {}), message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
  }
  const value: unknown = doc.toJS();
  const problems = kubeFileProblems(value);
  return problems.length > 0 ? { kind: 'refused', problems } : { kind: 'read', doc: value };
}

/** What kubectl uses after merging the files of KUBECONFIG (client-go's loader). */
export interface KubeView {
  currentContext?: string;
  contexts: Map<string, { cluster?: string; user?: string }>;
  clusters: Map<string, unknown>;
  users: Map<string, unknown>;
}

/**
 * client-go's merge of KUBECONFIG's files, in order: for clusters, contexts and users the first
 * file that has a name wins (the whole entry); current-context comes from the first file that
 * sets one. Within a file a duplicated top-level key counts once, the last (parse with
 * `uniqueKeys: false`); files kubectl refuses (kubeFileProblems) must be left out by the caller.
 */
export function mergeKubeconfigs(docs: readonly unknown[]): KubeView {
  const view: KubeView = { contexts: new Map(), clusters: new Map(), users: new Map() };
  for (const doc of docs) {
    const current = field(doc, 'current-context');
    if (view.currentContext === undefined && typeof current === 'string' && current !== '') view.currentContext = current;
    for (const [list, inner] of LISTS) {
      const entries = field(doc, list);
      if (!Array.isArray(entries)) continue;
      for (const e of entries) {
        const name = field(e, 'name');
        if (typeof name !== 'string') continue;
        const body = field(e, inner);
        if (list === 'contexts') {
          if (view.contexts.has(name)) continue;
          const cluster = field(body, 'cluster');
          const user = field(body, 'user');
          view.contexts.set(name, { ...(typeof cluster === 'string' && cluster ? { cluster } : {}), ...(typeof user === 'string' && user ? { user } : {}) });
        } else {
          const map = list === 'clusters' ? view.clusters : view.users;
          if (!map.has(name)) map.set(name, body);
        }
      }
    }
  }
  return view;
}

/** The EKS users kubectl reaches through a context (the current context's first), with those contexts. */
export function eksUsersInUse(view: KubeView): (EksUser & { contexts: string[] })[] {
  // The current context first, then by name (as `kubectl config view` lists them).
  const order = [...view.contexts.keys()].sort((a, b) => Number(b === view.currentContext) - Number(a === view.currentContext) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new Map<string, EksUser & { contexts: string[] }>();
  // Without any context kubectl reaches users only with --user: all of them count then.
  const reached = view.contexts.size > 0 ? order.map((c) => [view.contexts.get(c)!.user, c] as const) : [...view.users.keys()].map((u) => [u, undefined] as const);
  for (const [user, context] of reached) {
    if (user === undefined || !view.users.has(user)) continue;
    const found = out.get(user) ?? (() => {
      const eks = eksUserOf(user, view.users.get(user));
      return eks ? { ...eks, contexts: [] as string[] } : undefined;
    })();
    if (!found) continue;
    if (context !== undefined) found.contexts.push(context);
    out.set(user, found);
  }
  return [...out.values()];
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
