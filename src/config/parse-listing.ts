// Turns duo-sso's account/role listing (printed by a login without profiles) into
// account/role pairs. Its exact format is unknown, so this recognises what any such
// listing must contain: role ARNs, or 12-digit account ids followed by role names on the
// same line or on the lines below, with an optional account alias beside the id.

export interface ListedRole {
  accountId: string;
  role: string;
  /** A name printed beside the account id, e.g. "eticloud" in "Account: eticloud (626007623524)". */
  alias?: string;
  /** 1-based line where the pair was found. */
  line: number;
}

const ARN = /arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})/g;
const ACCOUNT = /(?<!\d)(\d{12})(?!\d)/;
const ROLE_TOKEN = /^[A-Za-z][\w+=,.@-]{0,63}$/;
/** Words that label things in a listing and are never role names or aliases. */
const STOPWORDS = new Set(['account', 'accounts', 'aws', 'id', 'name', 'role', 'roles', 'number', 'select', 'choose', 'arn', 'available', 'alias', 'for', 'in', 'the', 'and', 'or', 'to', 'a', 'of', 'with', 'profile']);
const LIST_MARKER = /^\s*(?:\[\s*\d+\s*\]|\(\s*\d+\s*\)|\d+[.)]|[-*•>❯›]|[?]\s)\s*/;

function stripNoise(line: string): string {
  // ANSI colours and broken check-mark encodings ("â") never carry a name.
  return line.replace(/\u001b\[[\d;]*[A-Za-z]/g, '').replace(/[^\x20-\x7E]+/g, ' ');
}

function tokens(text: string): string[] {
  return text.split(/[\s()[\]{}|,:;"'=/]+/).filter(Boolean);
}

function roleAt(list: readonly string[]): string | undefined {
  const t = list.find((x) => !STOPWORDS.has(x.toLowerCase()));
  return t && ROLE_TOKEN.test(t) && !STOPWORDS.has(t.toLowerCase()) ? t : undefined;
}

export function parseListing(text: string): ListedRole[] {
  const out: ListedRole[] = [];
  const seen = new Set<string>();
  const add = (r: ListedRole) => {
    const key = `${r.accountId}:${r.role}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  let current: { accountId: string; alias?: string } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripNoise(raw);
    const lineNo = i + 1;
    const arns = [...line.matchAll(ARN)];
    if (arns.length > 0) {
      const alias = current?.alias;
      for (const m of arns) add({ accountId: m[1]!, role: m[2]!, ...(current?.accountId === m[1] && alias ? { alias } : {}), line: lineNo });
      return;
    }
    const id = ACCOUNT.exec(line);
    if (id) {
      const before = tokens(line.slice(0, id.index)).filter((t) => !STOPWORDS.has(t.toLowerCase()) && /^[A-Za-z][\w.-]*$/.test(t));
      let rest = line.slice(id.index + id[0].length);
      // "626007623524 (eticloud)": a name in parentheses right after the id is the account's alias, not a role.
      const after = /^\s*\(\s*([A-Za-z][\w.-]*)\s*\)/.exec(rest);
      if (after) rest = rest.slice(after[0].length);
      const alias = before.at(-1) ?? after?.[1];
      current = { accountId: id[1]!, ...(alias ? { alias } : {}) };
      const role = roleAt(tokens(rest));
      if (role) add({ accountId: id[1]!, role, ...(alias ? { alias } : {}), line: lineNo });
      return;
    }
    if (!current) return;
    const rest = line.replace(LIST_MARKER, '').trim();
    const parts = tokens(rest);
    // A role line holds one name, possibly after a "Role:" label.
    const candidates = parts.filter((t) => !STOPWORDS.has(t.toLowerCase()));
    if (candidates.length === 1 && parts.length <= 2 && ROLE_TOKEN.test(candidates[0]!)) {
      add({ accountId: current.accountId, role: candidates[0]!, ...(current.alias ? { alias: current.alias } : {}), line: lineNo });
    }
  });
  return out;
}

/** Profile names: the alias when an account has one role, else ALIAS-ROLE (or ACCOUNT-ROLE). */
export function proposeNames(listed: readonly ListedRole[], taken: ReadonlySet<string>): Map<ListedRole, string> {
  const rolesPerAccount = new Map<string, number>();
  for (const r of listed) rolesPerAccount.set(r.accountId, (rolesPerAccount.get(r.accountId) ?? 0) + 1);
  const used = new Set(taken);
  const names = new Map<ListedRole, string>();
  for (const r of listed) {
    const base = r.alias && rolesPerAccount.get(r.accountId) === 1 ? r.alias : `${r.alias ?? r.accountId}-${r.role}`;
    let name = base.replace(/[^A-Za-z0-9_.@+-]/g, '-').replace(/^-+/, '');
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    names.set(r, name);
  }
  return names;
}
