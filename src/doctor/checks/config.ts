// duo-sso's config.json: present, a file, UTF-8, valid JSON. (Schema and policy
// findings are the session-duration and profiles checks.)
import { readConfig, describeInvalidJson } from '../../config/read-config.js';
import { stat } from 'node:fs/promises';
import { applyConfigFix } from '../../config/apply-fix.js';
import { result, type Check } from '../../check/types.js';

export const configCheck: Check = {
  id: 'config',
  title: 'duo-sso config.json',
  async run({ paths }) {
    const read = await readConfig(paths.duoConfig);
    const data = { path: paths.duoConfig };
    switch (read.kind) {
      case 'missing':
        return result.warn(`${paths.duoConfig} does not exist`, [
          'Optional, but recommended: without it duo-sso uses a 28800 s session, which 1-hour roles refuse.',
        ], { description: 'Create it', commands: [['duo-sso-setup', 'config', 'init']], automatic: false }, data);
      case 'unreadable':
        if (await isFolder(paths.duoConfig)) {
          // config init --force refuses to replace a folder: it has to be moved first.
          return result.fail(`${paths.duoConfig} cannot be read: ${read.reason}`, [], {
            description: 'Move the folder aside, then create the file',
            commands: [['mv', paths.duoConfig, `${paths.duoConfig}.old`], ['duo-sso-setup', 'config', 'init']],
            automatic: false,
          }, data);
        }
        return result.fail(`${paths.duoConfig} cannot be read: ${read.reason}`, [], {
          description: 'Move it aside and create a new one (the old one is backed up)',
          commands: [['duo-sso-setup', 'config', 'init', '--force']],
          automatic: false,
        }, data);
      case 'invalid-json': {
        const more = read.problems.slice(1).map((p) => `also ${p.line}:${p.column}: ${p.message}`);
        const summary = `invalid JSON: ${describeInvalidJson(read)}${more.length > 0 ? ` (${more.length + 1} syntax errors)` : ''}`;
        if (read.repaired !== undefined) {
          return result.fail(summary, [...read.excerpt.split('\n'), ...more], {
            description: `Repair it in place (backup first): ${read.problems.map((p) => `${p.line}:${p.column} ${p.repair}`).join('; ')}`,
            commands: [['duo-sso-setup', 'config', 'fix']],
            automatic: true,
          }, data);
        }
        return result.fail(summary, [...read.excerpt.split('\n'), ...more], {
          description: 'Correct the file by hand at that position, or recreate it (the old one is backed up)',
          commands: [['duo-sso-setup', 'config', 'validate'], ['duo-sso-setup', 'config', 'init', '--force']],
          automatic: false,
        }, data);
      }
      case 'parsed':
        if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
          return result.fail('config.json must be a JSON object', [], { description: 'Recreate it', commands: [['duo-sso-setup', 'config', 'init', '--force']], automatic: false }, data);
        }
        if (read.bom) {
          return result.fail(`${paths.duoConfig} starts with a byte-order mark (U+FEFF)`, [
            "duo-sso's JSON reader refuses it (\"invalid character 'ï' looking for beginning of value\"); editors on Windows add it.",
          ], { description: 'Remove the mark (backup first)', commands: [['duo-sso-setup', 'config', 'fix']], automatic: true }, data);
        }
        return result.ok(paths.duoConfig, [], data);
    }
  },
  // Only the mark and the syntax: `config fix` would also apply every other repair, which this check did not ask about.
  async fix(ctx) {
    const r = await applyConfigFix({ paths: ctx.paths, dryRun: ctx.options.dryRun, now: ctx.now }, (f) => f.id === 'bom' || f.id === 'json-syntax');
    if (r.kind !== 'fixed') throw new Error(`${r.path} was left unchanged: it ${r.kind === 'missing' ? 'does not exist' : 'does not parse or cannot be read'}`);
  },
};

const isFolder = (path: string): Promise<boolean> => stat(path).then((s) => s.isDirectory(), () => false);
