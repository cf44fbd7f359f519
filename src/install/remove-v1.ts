// A pip-installed AWS CLI v1 on PATH: the plan shows its removal as a step, which runs only
// with --remove-aws-cli-v1 or a yes to its own question (approve.ts). It comes before the v2
// install: pip removes the files it recorded, which may include ~/.local/bin/aws.
import { PIP_UNINSTALL_V1, REMOVE_V1_FLAG } from '../remedies/aws-cli.js';
import type { Plan, PlanInput, Step } from './types.js';

export function removeV1Step(path: string, requested: boolean): Step {
  return { kind: 'remove-software', title: `Remove the pip-installed AWS CLI v1 at ${path}`, argv: [...PIP_UNINSTALL_V1], consent: { flag: REMOVE_V1_FLAG, requested } };
}

/** The plans with the removal step added (to the aws-cli plan, or as a plan of its own). Pure. */
export function withV1Removal(plans: readonly Plan[], input: Pick<PlanInput, 'awsCliV1' | 'options'>): Plan[] {
  const v1 = input.awsCliV1;
  if (!v1) return [...plans];
  const step = removeV1Step(v1, input.options.removeAwsCliV1);
  const note = `${v1} is a pip-installed AWS CLI v1; it stays unless you ask for its removal (${REMOVE_V1_FLAG})`;
  const at = plans.findIndex((p) => p.component === 'aws-cli');
  if (at >= 0) return plans.map((p, i) => (i === at ? { ...p, steps: [step, ...p.steps], notes: [...p.notes, note] } : p));
  return [{ component: 'aws-cli', method: 'remove-v1', summary: `an AWS CLI v1 installed with pip (${v1}) comes before v2 on PATH`, steps: [step], notes: [note] }, ...plans];
}
