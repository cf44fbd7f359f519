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

/** Release asset naming for Go binaries: linux/darwin/windows × amd64/arm64. */
export function goArch(arch: string): string {
  return arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : arch === 'ia32' ? '386' : arch;
}

export function verifyStep(title: string, binary: string, expect: string): Step {
  return { kind: 'verify', title, argv: [binary, '--version'], expect };
}

export function hasBrew(input: PlanInput): boolean {
  return input.facts.homebrewPrefix !== undefined;
}
