// npm run test:mutation -- src/fs/lock.ts [src/aws/ini-model.ts ...]
// Runs StrykerJS on the named modules with every unit test that reaches them (per-test coverage,
// the TypeScript checker drops mutants that do not compile), writes reports/mutation/, and ends
// with one table row per module and `mutation score: N%` over all of them.
// Score = killed (incl. timeouts) / (killed + survived + no coverage); ignored mutants (the
// equivalent ones, each with a `// Stryker disable` reason in the source) are left out of both.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const isModule = (a) => /^src\/.+\.ts$/.test(a);
const files = process.argv.slice(2).filter(isModule);
// Anything else goes to Stryker as it is, e.g. `--incremental --incrementalFile reports/mutation/lock.incremental.json`
// to rerun only the mutants whose code or covering tests changed since the last run.
const passThrough = process.argv.slice(2).filter((a) => !isModule(a));
if (files.length === 0) {
  console.error('usage: npm run test:mutation -- src/FILE.ts... [stryker options] (for example src/fs/lock.ts)');
  process.exit(2);
}
// A few unit tests run the built CLI: Stryker's sandbox copy takes this dist/ along (unmutated,
// so those tests never cover a mutant and never count for or against the score).
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// Stryker runs the tests from a copy under .stryker-tmp/, where ../shared/corpus is not beside
// the repository: name it absolutely, so corpus-judged tests run instead of failing the dry run.
const corpus = resolve('..', 'shared', 'corpus');
const env = { ...process.env, ...(existsSync(corpus) && !process.env.DUO_SSO_SETUP_TEST_CORPUS ? { DUO_SSO_SETUP_TEST_CORPUS: corpus } : {}) };
const run = spawnSync('npx', ['stryker', 'run', '--mutate', files.join(','), ...passThrough], { stdio: 'inherit', env });
if (run.status !== 0) process.exit(run.status ?? 1);

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const rows = [];
const total = { mutants: 0, killed: 0, survived: 0, ignored: 0 };
for (const [file, { mutants }] of Object.entries(report.files)) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const row = {
    file,
    mutants: mutants.length,
    killed: count('Killed', 'Timeout'),
    survived: count('Survived', 'NoCoverage'),
    ignored: count('Ignored'),
  };
  rows.push(row);
  for (const k of Object.keys(total)) total[k] += row[k];
}
const score = (r) => (r.killed + r.survived === 0 ? 100 : (100 * r.killed) / (r.killed + r.survived));
console.log('\n| module | mutants | killed | survived | equivalent (ignored) | score |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.file} | ${r.mutants} | ${r.killed} | ${r.survived} | ${r.ignored} | ${score(r).toFixed(1)} % |`);
console.log(`mutation score: ${score(total).toFixed(1)}%`);
