// The kubeconfig check reads kubeconfigs as kubectl does, and kubectl itself is the judge:
// `kubectl config view --raw --merge -o json` (the real binary, /usr/bin/kubectl) over real
// kubeconfigs (../shared/corpus/kube/files, origins in their names) and generated KUBECONFIG=a:b:c
// lists. For each list: kubectl refuses it exactly when our reading refuses a file; otherwise the
// current context, every context's cluster and user, every user's EKS facts, and the EKS users
// the contexts reach (what the doctor judges) are the same in both views.
// KUBE_ORACLE_CASES=N runs N generated lists (default 40); KUBE_ORACLE_ALL_PAIRS=1 every ordered
// pair of the corpus (default: each file alone, with its neighbour both ways, and a triple).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { eksUserOf, eksUsersInUse, mergeKubeconfigs, readKubeconfig, type KubeView } from '../../src/kube/kubeconfig.js';
import { REPO, systemTool } from '../support/sandbox.js';

const KUBECTL = systemTool('kubectl');
const CORPUS = join(REPO, '..', 'shared', 'corpus', 'kube', 'files');
const haveKubectl = KUBECTL !== undefined;
const haveCorpus = existsSync(CORPUS);
const CASES = Number(process.env.KUBE_ORACLE_CASES ?? 40);
const ALL_PAIRS = process.env.KUBE_ORACLE_ALL_PAIRS === '1';

const dir = mkdtempSync(join(tmpdir(), 'kube-oracle-'));
afterAll(() => (process.env.KUBE_ORACLE_KEEP ? process.stdout.write(`kept ${dir}\n`) : rmSync(dir, { recursive: true, force: true })));

/** Read as the doctor's check reads (src/doctor/checks/kubeconfig.ts): the doc, or why kubectl refuses it. */
function readAsCheck(text: string): { doc: unknown } | { refused: string } {
  const read = readKubeconfig(text, parseDocument);
  return read.kind === 'read' ? { doc: read.doc } : { refused: read.kind === 'refused' ? read.problems.join('; ') : read.message };
}

function kubectlView(paths: string[]): { ok: true; json: any } | { ok: false; stderr: string } {
  const r = spawnSync(KUBECTL!, ['config', 'view', '--raw', '--merge', '-o', 'json'], {
    env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: paths.join(':') },
    encoding: 'utf8',
  });
  return r.status === 0 ? { ok: true, json: JSON.parse(r.stdout) } : { ok: false, stderr: r.stderr };
}

/** The facts the check uses, from a view: comparable with toEqual. */
function facts(view: KubeView) {
  return {
    current: view.currentContext ?? '',
    contexts: Object.fromEntries([...view.contexts].sort(([a], [b]) => (a < b ? -1 : 1))),
    users: Object.fromEntries([...view.users.keys()].sort().map((n) => [n, eksUserOf(n, view.users.get(n)) ?? null])),
    inUse: eksUsersInUse(view),
  };
}

let agreed = 0;
let refusedBoth = 0;

function judge(paths: string[], label: string): void {
  const texts = paths.map((p) => readAsCheck(readFileSync(p, 'utf8')));
  const ours = texts.some((t) => 'refused' in t) ? undefined : mergeKubeconfigs(texts.map((t) => (t as { doc: unknown }).doc));
  const theirs = kubectlView(paths);
  if (!theirs.ok) {
    expect(ours, `${label}: kubectl refused (${theirs.stderr.trim()}) but the check reads it`).toBeUndefined();
    refusedBoth++;
    return;
  }
  expect(ours, `${label}: kubectl reads it, the check refused: ${texts.map((t) => ('refused' in t ? t.refused : '')).join(' | ')}`).toBeDefined();
  // kubectl's merged output is one plain kubeconfig: read alone, it is kubectl's view.
  expect(facts(ours!), label).toEqual(facts(mergeKubeconfigs([theirs.json])));
  agreed++;
}

if (!haveKubectl) process.stderr.write('kubeconfig oracle skipped: no kubectl on this machine (test/provision.sh installs it)\n');
if (!haveCorpus) process.stderr.write(`kubeconfig corpus test skipped: ${CORPUS} is absent (the shared corpus of real kubeconfigs)\n`);

describe.skipIf(!haveKubectl)('kubeconfig as kubectl reads it', () => {
  it.skipIf(!haveCorpus)(`real kubeconfigs (${CORPUS}), alone and combined in KUBECONFIG`, () => {
    const files = readdirSync(CORPUS).sort().map((n) => join(CORPUS, n));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) judge([f], f);
    const pairs = ALL_PAIRS
      ? files.flatMap((a) => files.filter((b) => b !== a).map((b) => [a, b]))
      : files.flatMap((a, i) => [[a, files[(i + 1) % files.length]!], [files[(i + 1) % files.length]!, a]]);
    for (const p of pairs) judge(p, p.join(':'));
    judge(files.slice(0, 3), files.slice(0, 3).join(':'));
    // The duplicated top-level `kind` of eksctl's golden file is read, not refused.
    expect(readAsCheck(readFileSync(join(CORPUS, 'eksctl-minikube_sample.golden'), 'utf8'))).toHaveProperty('doc');
  }, ALL_PAIRS ? 900_000 : 180_000);

  it(`generated kubeconfigs (${CASES} KUBECONFIG lists of 1-3 files: shared names, repeated keys, YAML 1.1 scalars, key case)`, () => {
    // mulberry32: small, seeded, and uniform in its low bits (an LCG in doubles is not).
    let seed = 20261207;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
    const exec = (): unknown => pick([
      { command: 'aws', args: ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', pick(['c1', 'c2']), '--output', 'json'], env: [{ name: 'AWS_PROFILE', value: pick(['eticloud', 'legacy']) }] },
      { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'c3', '--profile', pick(['eticloud', 'scratch'])] },
      { command: 'aws-iam-authenticator', args: ['token', '-i', pick(['c1', 'c4'])], env: pick([null, [{ name: 'AWS_PROFILE', value: 'eticloud' }]]) },
      { command: '/usr/local/bin/aws-iam-authenticator', args: ['token', '-i', 'c5', '-r', 'arn:aws:iam::111122223333:role/admin'] },
    ]);
    const user = (): unknown => pick([{ exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', ...(exec() as object) } }, { token: 'abc' }]);
    const file = (i: number): string => {
      const names = ['a', 'b', 'c'];
      const users = names.filter(() => rand(3) > 0).map((n) => ({ name: `u-${n}`, user: user() }));
      const contexts = names.filter(() => rand(3) > 0).map((n) => ({ name: `ctx-${n}`, context: { cluster: pick(['k1', 'k2']), user: `u-${pick(names)}` } }));
      const doc: Record<string, unknown> = { apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'k1', cluster: { server: 'https://k1.example' } }], contexts, users };
      if (rand(2)) doc['current-context'] = `ctx-${pick(names)}`;
      let text = stringify(doc);
      switch (rand(8)) {
        case 0: text += `users:\n- name: u-late\n  user:\n    exec:\n      command: aws\n      args: [eks, get-token, --cluster-name, late]\n`; break; // a repeated top-level key: the last counts
        case 1: text += `kind: Config\n`; break; // eksctl's golden files
        case 2: text = text.replace(/^users:/m, 'Users:'); break; // not `users` for kubectl: it decodes case-sensitively
        case 3: if (contexts.length > 0) text = text.replace(/cluster: k1/, 'cluster: y'); break; // YAML 1.1: true, not "y": kubectl refuses
        case 4: if (users.length > 0) text += `users:\n- name: dup\n  user: {token: a}\n- name: dup\n  user: {token: b}\n`; break; // duplicate name: kubectl refuses
        case 5: text = text.replace(/current-context: (\S+)/, 'current-context: ""'); break;
        default: break;
      }
      const path = join(dir, `gen-${i}.yaml`);
      writeFileSync(path, text);
      return path;
    };
    for (let i = 0; i < CASES; i++) {
      const paths = Array.from({ length: 1 + rand(3) }, (_, j) => file(i * 3 + j));
      judge(paths, `case ${i}: ${paths.map((p) => readFileSync(p, 'utf8')).join('\n---\n')}`);
    }
    // One kubectl run per list: about a second each on a loaded 2-core machine.
  }, 120_000 + CASES * 3_000);

  afterAll(() => {
    // Figures for the report: how many lists kubectl and the check read alike, and refused alike.
    process.stdout.write(`kubeconfig oracle: ${agreed} KUBECONFIG lists read alike, ${refusedBoth} refused by both\n`);
    expect(agreed).toBeGreaterThan(0);
    if (CASES >= 30) expect(refusedBoth).toBeGreaterThan(0);
  });
});
