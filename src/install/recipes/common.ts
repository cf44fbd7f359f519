// Small helpers shared by recipes.
import { join } from 'node:path';
import type { PlanInput, Step } from '../types.js';

/** A step needs sudo only when we are not root already. */
export function needsSudo(input: PlanInput, system: boolean): boolean {
  return system && !input.isRoot;
}

export function localRoot(input: PlanInput): string {
  return join(input.paths.home, '.local');
}

export function verifyStep(title: string, binary: string, expect: string): Step {
  return { kind: 'verify', title, argv: [binary, '--version'], expect };
}

export function hasBrew(input: PlanInput): boolean {
  return input.facts.homebrewPrefix !== undefined;
}
