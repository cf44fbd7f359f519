// Installs the duo-sso simulator (./duo-sso.mjs, imitating the real duo-sso Go CLI) into a
// test sandbox. The sandbox PATH has no node, so the `duo-sso` on its PATH is a tiny sh
// wrapper that execs this Node binary on the script.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../sandbox.js';

export const SIM_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'duo-sso.mjs');

export interface DuoSsoKnobs {
  stsEndpoint: string;
  version?: string;
  user?: string;
  /** What the SAML assertion grants; default: every configured profile. */
  grants?: { account: string; role: string }[];
  providerName?: string;
  firstRunCertificatePrompt?: boolean;
  credentialsUnderDefault?: boolean | 'says-so';
  expiredAssertionRuns?: number;
  profileOrder?: 'config' | 'reverse';
  /** Refuse the whole run before STS when a profile is not granted ("... is not available to you"). */
  validateGrants?: boolean;
  silent?: boolean;
  /** Wait this long for the Duo approval (the pid is written to KNOBS.pid). */
  approvalDelayMs?: number;
}

export interface SimRun {
  argv: string[];
  saved: { profile: string; section: string; duration: number }[];
  failed?: string;
  exitCode: number;
}

export interface DuoSsoSim {
  knobsPath: string;
  /** Every run so far, oldest first. */
  runs(): Promise<SimRun[]>;
  setKnobs(knobs: Partial<DuoSsoKnobs>): Promise<void>;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function installDuoSsoSim(box: Sandbox, knobs: DuoSsoKnobs, name = 'duo-sso'): Promise<DuoSsoSim> {
  const knobsPath = join(box.root, 'duo-sso-sim.json');
  await writeFile(knobsPath, JSON.stringify(knobs, null, 2));
  await box.addScript(name, `#!/bin/sh\n# duo-sso simulator (see ${SIM_SCRIPT})\nexec ${shQuote(process.execPath)} ${shQuote(SIM_SCRIPT)} "$@"\n`);
  box.env.DUO_SSO_SIM_KNOBS = knobsPath;
  return {
    knobsPath,
    async runs() {
      const text = await readFile(`${knobsPath}.log`, 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SimRun);
    },
    async setKnobs(more) {
      const current = JSON.parse(await readFile(knobsPath, 'utf8')) as DuoSsoKnobs;
      await writeFile(knobsPath, JSON.stringify({ ...current, ...more }, null, 2));
    },
  };
}
