// Imitates the AWS federation endpoint (https://signin.aws.amazon.com/federation) on loopback:
// GET ?Action=getSigninToken&Session={"sessionId","sessionKey","sessionToken"} answers
// {"SigninToken": "..."} for a session the STS stand-in issued and that has not expired, and
// 400 with an HTML page otherwise (as AWS does); GET ?Action=login with a token it issued
// answers a redirect to the Destination. Reached through DUO_SSO_SETUP_FEDERATION_URL.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StsServer } from './sts-server.js';

export interface SeenSession {
  sessionId: string;
  sessionKey: string;
  sessionToken: string;
}

export class FederationServer {
  /** Sessions presented to getSigninToken, valid or not, in order. */
  readonly sessions: SeenSession[] = [];
  readonly tokens = new Map<string, SeenSession>();
  readonly logins: { token: string; destination: string; issuer?: string }[] = [];
  url = '';
  private server!: Server;

  private constructor(private readonly sts: StsServer) {}

  static async start(sts: StsServer): Promise<FederationServer> {
    const f = new FederationServer(sts);
    f.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const q = url.searchParams;
      const bad = (why: string) => {
        res.writeHead(400, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>Bad Request</h1><p>${why}</p></body></html>`);
      };
      if (req.method !== 'GET' || url.pathname !== '/federation') return bad('not found');
      if (q.get('Action') === 'getSigninToken') {
        let session: SeenSession;
        try {
          session = JSON.parse(q.get('Session') ?? '') as SeenSession;
        } catch {
          return bad('Session is not JSON');
        }
        f.sessions.push(session);
        const issued = f.sts.issued.get(session.sessionId);
        if (!issued || issued.secretAccessKey !== session.sessionKey || !issued.sessionToken || issued.sessionToken !== session.sessionToken) return bad('invalid session');
        if (issued.expiration.getTime() <= Date.now()) return bad('expired session');
        const token = randomBytes(48).toString('base64url');
        f.tokens.set(token, session);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ SigninToken: token }));
      }
      if (q.get('Action') === 'login') {
        const token = q.get('SigninToken') ?? '';
        const destination = q.get('Destination') ?? '';
        if (!f.tokens.has(token) || !destination) return bad('invalid token');
        f.logins.push({ token, destination, ...(q.get('Issuer') ? { issuer: q.get('Issuer')! } : {}) });
        res.writeHead(302, { location: destination });
        return res.end();
      }
      return bad('unknown Action');
    });
    await new Promise<void>((resolve) => f.server.listen(0, '127.0.0.1', resolve));
    f.url = `http://127.0.0.1:${(f.server.address() as AddressInfo).port}/federation`;
    return f;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }
}
