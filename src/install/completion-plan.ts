// setup's offer to load shell completion from the user's shell profile, as a one-step plan,
// so it is shown (and in --dry-run/--json) before it happens, like every other change.
import type { ProfileEdit } from '../shell/edit-profile.js';
import type { Plan } from './types.js';

export function completionPlan(edit: ProfileEdit): Plan {
  return {
    component: 'completion', method: 'profile', summary: `load ${edit.shell} completion for duo-sso-setup from ${edit.file}`,
    steps: [{ kind: 'profile-line', title: `Add \`${edit.line}\` to ${edit.file} (with a backup)`, purpose: 'completion' }],
    notes: [`${edit.shell === 'fish' ? 'fish loads it' : 'Takes effect'} in new terminals; skip it with --no-completion.`],
  };
}
