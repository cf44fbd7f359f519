// Picks a recipe per component (the first that applies, or the one named by --method)
// and asks it for a plan. Pure: the facts are gathered by the caller.
import { ExitCode, UserError } from '../errors.js';
import { recipes } from './recipes/index.js';
import type { Component, Plan, PlanInput, Recipe } from './types.js';

export function methodsFor(component: Component, input: PlanInput): string[] {
  return recipes[component].filter((r) => r.applies(input)).map((r) => r.method);
}

export function chooseRecipe(component: Component, input: PlanInput): Recipe {
  const candidates = recipes[component].filter((r) => r.applies(input));
  const wanted = input.options.method;
  if (wanted) {
    const named = candidates.find((r) => r.method === wanted);
    if (named) return named;
    const all = [...new Set(recipes[component].map((r) => r.method))];
    throw new UserError(`--method ${wanted} is not available for ${component} on this machine`, {
      hint: candidates.length > 0
        ? `Available here: ${candidates.map((r) => r.method).join(', ')} (all methods: ${all.join(', ')})`
        : `No method for ${component} applies to this machine.`,
      exitCode: ExitCode.usage,
    });
  }
  const first = candidates[0];
  if (!first) throw new UserError(`no way to install ${component} on this machine (${input.facts.os}/${input.facts.arch})`, { hint: 'See docs/install.md for manual steps.' });
  return first;
}

export function planFor(component: Component, input: PlanInput): Plan {
  return chooseRecipe(component, input).plan(input);
}
