import { succeeded } from '../platform/process.js';
import { brewRead, type BrewDeps } from './brew.js';

// What Homebrew says is installed and what the tap offers. `brew info --json=v2` answers
// both whether or not the formula is outdated (`brew outdated` lists only outdated ones).

export interface FormulaVersions {
  installed: string | undefined;
  /** The version the local tap checkout offers (stale until `brew update`). */
  available: string | undefined;
  fullName: string | undefined;
}

function parse(json: string): Record<string, unknown> | undefined {
  try {
    const data = JSON.parse(json) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function formulae(json: string): Record<string, unknown>[] | undefined {
  const list = parse(json)?.formulae;
  return Array.isArray(list) ? (list.filter((f) => typeof f === 'object' && f !== null) as Record<string, unknown>[]) : undefined;
}

function matches(f: Record<string, unknown>, formula: string): boolean {
  return f.name === formula || (typeof f.full_name === 'string' && f.full_name.endsWith(`/${formula}`));
}

/** From `brew info --json=v2 NAME`. */
export function parseInfo(json: string, formula: string): FormulaVersions | undefined {
  const f = formulae(json)?.find((x) => matches(x, formula));
  if (!f) return undefined;
  const stable = (f.versions as Record<string, unknown> | undefined)?.stable;
  const installed = Array.isArray(f.installed) ? (f.installed.at(-1) as Record<string, unknown> | undefined)?.version : undefined;
  return {
    installed: typeof installed === 'string' ? installed : undefined,
    available: typeof stable === 'string' ? stable : undefined,
    fullName: typeof f.full_name === 'string' ? f.full_name : undefined,
  };
}

/** Installed and available versions of a formula; undefined when brew cannot say (broken or missing tap). */
export async function formulaVersions(deps: Pick<BrewDeps, 'runner'>, brew: string, formula: string): Promise<FormulaVersions | undefined> {
  const r = await brewRead(deps, brew, ['info', '--json=v2', formula]);
  return succeeded(r) ? parseInfo(r.stdout, formula) : undefined;
}
