import type { Command } from 'commander';
import type { CommandRunner } from './types.js';

export function registerSaml(program: Command, run: CommandRunner): void {
  const saml = program.command('saml').description('look inside a SAML response (what the IdP grants, and until when)')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup saml inspect response.b64               # base64 SAMLResponse from the browser's network tab
  $ duo-sso-setup saml inspect assertion.xml --json`);
  saml
    .command('inspect')
    .description('show issuer, audience, validity, session settings and every granted role of a SAML response; the subject is redacted')
    .argument('[file]', 'a file holding the base64 SAMLResponse or its XML; - or nothing reads standard input')
    .option('--show-subject', 'show the NameID instead of redacting it')
    .addHelpText('after', `
Examples:
  $ duo-sso-setup saml inspect response.b64
  $ pbpaste | duo-sso-setup saml inspect -
  $ duo-sso-setup saml inspect assertion.xml --json

Exit codes: 0 inspected (even when expired: see validity), 1 unreadable, malformed, refused by the IdP (its message first) or without roles, 2 usage error.`)
    .action(run(async (ctx, opts: { showSubject?: boolean }, file?: string) => {
      const { runSamlInspect } = await import('../saml/inspect.js');
      return runSamlInspect(ctx, { ...(file !== undefined ? { file } : {}), showSubject: Boolean(opts.showSubject) });
    }));
}
