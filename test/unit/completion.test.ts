import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/main.js';
import { commandSpec } from '../../src/completion/spec.js';
import { complete } from '../../src/completion/complete.js';
import { checks } from '../../src/doctor/checks/index.js';

const spec = commandSpec(buildProgram(() => undefined), { checkIds: checks.map((c) => c.id), components: { install: ['aws-cli', 'duo-sso', 'pass-gpg', 'all'] } });
const profiles = () => ['eticloud', 'eti-prod'];
const c = (...words: string[]) => complete({ spec, words, profiles });

describe('complete', () => {
  it('every registered command is offered at the top level', () => {
    expect(c('')).toEqual(buildProgram(() => undefined).commands.map((x) => x.name()));
  });

  it('subcommands, their flags and the global flags', () => {
    expect(c('config', 'in')).toEqual(['init']);
    expect(c('credentials', 'migrate', '--st')).toEqual(['--store']);
    expect(c('doctor', '--js')).toEqual(['--json']);
  });

  it('option values: choices, profiles (short flag too), check-id lists without repeats', () => {
    expect(c('env', '--format', 'p')).toEqual(['powershell']);
    expect(c('status', '-p', '')).toEqual(['eticloud', 'eti-prod']);
    expect(c('doctor', '--only', 'aws-cli,')).not.toContain('aws-cli,aws-cli');
    expect(c('doctor', '--only=aws-cli,cl')).toEqual(['--only=aws-cli,clock']);
  });

  it('a value already consumed by an option is not a command; nothing after --', () => {
    expect(c('login', '--profile', 'config', '--int')).toEqual(['--interactive']);
    expect(c('exec', '-p', 'eticloud', '--', 'aws', '--pro')).toEqual([]);
  });
});
