// Every command, in the order `--help` lists them. Each register* only declares flags;
// the work behind it is imported when the command runs.
import type { Command } from 'commander';
import type { CommandRunner } from './types.js';
import { registerDoctor } from './doctor.js';
import { registerLogin } from './login.js';
import { registerStatus } from './status.js';
import { registerConfig } from './config.js';
import { registerInstall } from './install.js';
import { registerSetup } from './setup.js';
import { registerUpgrade } from './upgrade.js';
import { registerCredentials } from './credentials.js';
import { registerCredentialProcess } from './credential-process.js';
import { registerTroubleshoot } from './troubleshoot.js';
import { registerSaml } from './saml.js';
import { registerEnv, registerExec } from './exec.js';
import { registerConsole } from './console.js';
import { registerCompletion } from './completion.js';

export function registerCommands(program: Command, run: CommandRunner): void {
  // Onboarding first, then diagnosis, then day-to-day use, then tools for the stuck.
  registerSetup(program, run);
  registerDoctor(program, run);
  registerInstall(program, run);
  registerConfig(program, run);
  registerLogin(program, run);
  registerStatus(program, run);
  registerCredentials(program, run);
  registerExec(program, run);
  registerEnv(program, run);
  registerConsole(program, run);
  registerUpgrade(program, run);
  registerTroubleshoot(program, run);
  registerSaml(program, run);
  registerCompletion(program, run);
  // Run by the AWS CLI through credential_process, not by people.
  registerCredentialProcess(program, run);
}
