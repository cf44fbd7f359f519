// A Response's Status. Anything but Success means the IdP did not sign the user in, and its
// StatusMessage is the one thing the user needs: it leads the error, the StatusCode chain follows.
import { UserError } from '../errors.js';
import { attr, list, node, text, type Node } from './xml.js';

/** What each StatusCode usually means for the user; the most specific code with a hint wins. */
const STATUS_HINTS: Record<string, string> = {
  RequestDenied: 'The IdP refused to sign you in to AWS: usually you are not assigned to the AWS application. Ask the IdP team, quoting the message.',
  AuthnFailed: 'The IdP could not authenticate you: sign in again (password, Duo push), then retry.',
  UnknownPrincipal: 'The IdP does not know this user: check the user name, or ask the IdP team.',
  NoPassive: 'The IdP needs you to sign in interactively: retry in the browser.',
  Requester: 'The IdP rejected the request it was sent: check the AWS application (SP) settings at the IdP.',
  VersionMismatch: 'The IdP does not speak the SAML version it was asked for.',
};

/** Returns `Success` or nothing; any other status is an error carrying the IdP's message. */
export function refuseUnlessSuccess(response: Node): string | undefined {
  const status = node(response.Status);
  const codes: string[] = [];
  for (let code = node(list(status?.StatusCode)[0]); code && codes.length < 8; code = node(list(code.StatusCode)[0])) {
    const value = attr(code, 'Value');
    if (value !== undefined) codes.push(value.split(':').pop()!);
  }
  if (codes.length === 0 || codes[0] === 'Success') return codes[0];
  const message = text(status?.StatusMessage)?.replace(/\s+/g, ' ').slice(0, 500);
  const chain = codes.join(' / ');
  const hint = [...codes].reverse().map((c) => STATUS_HINTS[c]).find((h) => h !== undefined)
    ?? "This is the IdP's answer, before AWS is involved: ask the IdP team, quoting the message.";
  throw new UserError(message ? `the IdP says: "${message}" (status ${chain})` : `the IdP did not sign you in (status ${chain}) and gave no message`, { hint });
}
