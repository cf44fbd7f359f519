// Imitates AWS STS (https://sts.amazonaws.com) on loopback, speaking the real Query protocol:
// form-encoded POST to `/`, XML answers in the 2011-06-15 namespace, the ErrorResponse shape
// and AWS's exact error codes and messages. Real clients reach it unchanged: the AWS SDK
// through AWS_ENDPOINT_URL_STS, the AWS CLI through --endpoint-url.
//
// AssumeRoleWithSAML checks the base64 SAML assertion (the role must be granted, the
// assertion must not be past NotOnOrAfter) and DurationSeconds against each role's
// MaxSessionDuration. GetCallerIdentity identifies the caller by the access key id in the
// SigV4 Authorization header and verifies the signature with the secret it issued, so a
// credentials file with mixed-up keys fails here just as it would at AWS.
//
// It also answers IAM's GetRole (same Query protocol, IAM's 2010-05-08 namespace; point
// AWS_ENDPOINT_URL_IAM here) so a login can learn a role's true MaxSessionDuration.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';

export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const MAX_DURATION_MESSAGE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
const SAML_ROLE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SAML_SESSION_NAME = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';

export interface StsRoleConfig {
  /** The IAM role's MaxSessionDuration in seconds (AWS default: 3600). */
  maxSessionDuration: number;
}

export interface StsServerOptions {
  /** By role ARN (`arn:aws:iam::ACCOUNT:role/NAME`). Unknown roles get AWS's default of 3600. */
  roles?: Record<string, StsRoleConfig>;
  /** Seconds added to the server's clock (its Date header and its view of "now"). */
  dateSkewSeconds?: number;
  /** Whether an assumed role may call iam:GetRole on itself (default true). */
  iamGetRole?: boolean;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  arn: string;
  userId: string;
  account: string;
}

export interface StsRequestRecord {
  action: string;
  /** Form parameters; the SAML assertion is replaced by its length. */
  params: Record<string, string>;
  accessKeyId?: string;
  userAgent?: string;
  status: number;
  errorCode?: string;
}

class StsError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly type: 'Sender' | 'Receiver' = 'Sender') {
    super(message);
  }
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['Attribute', 'AttributeValue', 'Assertion'].includes(name) });

export class StsServer {
  readonly roles: Map<string, StsRoleConfig>;
  readonly issued = new Map<string, IssuedCredentials>();
  readonly requests: StsRequestRecord[] = [];
  dateSkewSeconds: number;
  iamGetRole: boolean;
  /** When set, AssumeRoleWithSAML answers this error (e.g. IDPRejectedClaim, RegionDisabledException). */
  failAssume: { status: number; code: string; message: string } | undefined;
  private server!: Server;
  url = '';

  private constructor(opts: StsServerOptions) {
    this.roles = new Map(Object.entries(opts.roles ?? {}));
    this.dateSkewSeconds = opts.dateSkewSeconds ?? 0;
    this.iamGetRole = opts.iamGetRole ?? true;
  }

  static async start(opts: StsServerOptions = {}): Promise<StsServer> {
    const sts = new StsServer(opts);
    sts.server = createServer((req, res) => void sts.handle(req, res));
    await new Promise<void>((resolve) => sts.server.listen(0, '127.0.0.1', resolve));
    sts.url = `http://127.0.0.1:${(sts.server.address() as AddressInfo).port}`;
    return sts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }

  /** The server's clock, including the skew knob. */
  now(): Date {
    return new Date(Date.now() + this.dateSkewSeconds * 1000);
  }

  setRole(roleArn: string, maxSessionDuration: number): void {
    this.roles.set(roleArn, { maxSessionDuration });
  }

  /** Makes issued credentials expire now (GetCallerIdentity then answers ExpiredToken). */
  expire(accessKeyId: string): void {
    const c = this.issued.get(accessKeyId);
    if (c) c.expiration = new Date(this.now().getTime() - 1000);
  }

  /** Registers long-term style credentials, e.g. to test a hand-written profile. */
  addCredentials(c: Omit<IssuedCredentials, 'sessionToken'> & { sessionToken?: string }): void {
    this.issued.set(c.accessKeyId, { sessionToken: '', ...c });
  }

  actions(name: string): StsRequestRecord[] {
    return this.requests.filter((r) => r.action === name);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const params = Object.fromEntries(new URLSearchParams(body));
    const record: StsRequestRecord = {
      action: params.Action ?? '',
      params: { ...params, ...(params.SAMLAssertion ? { SAMLAssertion: `<${params.SAMLAssertion.length} chars>` } : {}) },
      ...(req.headers['user-agent'] ? { userAgent: String(req.headers['user-agent']) } : {}),
      status: 200,
    };
    this.requests.push(record);
    const requestId = randomUuid();
    const ns = params.Action === 'GetRole' ? IAM_NS : STS_NS;
    res.setHeader('Date', this.now().toUTCString());
    res.setHeader('x-amzn-RequestId', requestId);
    res.setHeader('Content-Type', 'text/xml');
    try {
      if (req.method !== 'POST') throw new StsError(400, 'InvalidAction', `Could not find operation ${req.method} for version 2011-06-15`);
      let result: string;
      switch (params.Action) {
        case 'AssumeRoleWithSAML':
          result = this.assumeRoleWithSaml(params);
          break;
        case 'GetCallerIdentity': {
          const caller = this.authenticate(req, body, record);
          result = `<Arn>${caller.arn}</Arn><UserId>${caller.userId}</UserId><Account>${caller.account}</Account>`;
          break;
        }
        case 'GetRole':
          result = this.getRole(this.authenticate(req, body, record), params);
          break;
        default:
          throw new StsError(400, 'InvalidAction', `Could not find operation ${params.Action ?? ''} for version ${params.Version ?? ''}`);
      }
      res.statusCode = 200;
      res.end(`<${params.Action}Response xmlns="${ns}">\n  <${params.Action}Result>\n    ${result}\n  </${params.Action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${params.Action}Response>\n`);
    } catch (error) {
      const e = error instanceof StsError ? error : new StsError(500, 'InternalFailure', String((error as Error)?.message ?? error), 'Receiver');
      record.status = e.status;
      record.errorCode = e.code;
      res.statusCode = e.status;
      res.end(`<ErrorResponse xmlns="${ns}">\n  <Error>\n    <Type>${e.type}</Type>\n    <Code>${e.code}</Code>\n    <Message>${escapeXml(e.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`);
    }
  }

  private assumeRoleWithSaml(params: Record<string, string>): string {
    if (this.failAssume) throw new StsError(this.failAssume.status, this.failAssume.code, this.failAssume.message);
    const { RoleArn: roleArn, PrincipalArn: principalArn, SAMLAssertion: assertion } = params;
    for (const [name, value] of [['roleArn', roleArn], ['principalArn', principalArn], ['SAMLAssertion', assertion]] as const) {
      if (!value) throw new StsError(400, 'ValidationError', `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
    }
    const duration = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
    if (!Number.isInteger(duration) || duration < 900) {
      throw new StsError(400, 'ValidationError', `1 validation error detected: Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    }
    if (duration > 43200) {
      throw new StsError(400, 'ValidationError', `1 validation error detected: Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`);
    }
    const saml = parseAssertion(assertion!);
    const now = this.now();
    if (saml.notOnOrAfter && saml.notOnOrAfter.getTime() <= now.getTime()) {
      throw new StsError(400, 'ExpiredTokenException', 'Token must be redeemed within 5 minutes of issuance');
    }
    const granted = saml.roles.some((r) => r.role === roleArn && r.provider === principalArn);
    if (!granted) throw new StsError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
    const max = this.roles.get(roleArn!)?.maxSessionDuration ?? 3600;
    if (duration > max) throw new StsError(400, 'ValidationError', MAX_DURATION_MESSAGE);

    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn!);
    if (!m) throw new StsError(400, 'ValidationError', `${roleArn} is invalid`);
    const [, account, roleName] = m;
    const sessionName = saml.sessionName ?? 'user';
    const roleId = `AROA${hash(roleArn!).slice(0, 17).toUpperCase()}`;
    const expiresAt = Math.min(now.getTime() + duration * 1000, saml.sessionNotOnOrAfter?.getTime() ?? Infinity);
    const creds: IssuedCredentials = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64').replace(/[+/]/g, 'x'),
      sessionToken: `FwoGZXIvYXdzE${randomBytes(120).toString('base64')}`,
      expiration: new Date(Math.floor(expiresAt / 1000) * 1000),
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      account: account!,
    };
    this.issued.set(creds.accessKeyId, creds);
    return [
      `<Credentials><AccessKeyId>${creds.accessKeyId}</AccessKeyId><SecretAccessKey>${creds.secretAccessKey}</SecretAccessKey>`,
      `<SessionToken>${creds.sessionToken}</SessionToken><Expiration>${creds.expiration.toISOString().replace('.000Z', 'Z')}</Expiration></Credentials>`,
      `<AssumedRoleUser><AssumedRoleId>${creds.userId}</AssumedRoleId><Arn>${creds.arn}</Arn></AssumedRoleUser>`,
      `<Audience>https://signin.aws.amazon.com/saml</Audience><Issuer>${escapeXml(saml.issuer ?? '')}</Issuer>`,
      `<Subject>${escapeXml(saml.subject ?? sessionName)}</Subject><SubjectType>unspecified</SubjectType>`,
      `<NameQualifier>${hash(`${saml.issuer}${account}`).slice(0, 28)}=</NameQualifier>`,
    ].join('\n    ');
  }

  private getRole(caller: IssuedCredentials, params: Record<string, string>): string {
    const name = params.RoleName ?? '';
    const own = /:assumed-role\/([^/]+)\//.exec(caller.arn)?.[1];
    if (!this.iamGetRole || own !== name) {
      throw new StsError(403, 'AccessDenied', `User: ${caller.arn} is not authorized to perform: iam:GetRole on resource: role ${name} because no identity-based policy allows the iam:GetRole action`);
    }
    const arn = `arn:aws:iam::${caller.account}:role/${name}`;
    const max = this.roles.get(arn)?.maxSessionDuration ?? 3600;
    return `<Role><Path>/</Path><RoleName>${name}</RoleName><RoleId>AROA${hash(arn).slice(0, 17).toUpperCase()}</RoleId><Arn>${arn}</Arn>`
      + `<CreateDate>2020-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument><MaxSessionDuration>${max}</MaxSessionDuration></Role>`;
  }

  /** Who signed this request (SigV4), or the AWS error a real endpoint would give. */
  private authenticate(req: IncomingMessage, body: string, record: StsRequestRecord): IssuedCredentials {
    const auth = String(req.headers.authorization ?? '');
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) throw new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const [, accessKeyId, day, region, service, signedHeaders, signature] = m as unknown as string[];
    record.accessKeyId = accessKeyId;
    const creds = this.issued.get(accessKeyId!);
    if (!creds) throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    const token = req.headers['x-amz-security-token'];
    if (creds.sessionToken && token !== creds.sessionToken) throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const signedAt = parseAmzDate(amzDate);
    const now = this.now();
    if (!signedAt || Math.abs(now.getTime() - signedAt.getTime()) > 15 * 60 * 1000) {
      const edge = new Date(now.getTime() + (signedAt && signedAt < now ? -15 : 15) * 60 * 1000);
      throw new StsError(403, 'SignatureDoesNotMatch', signedAt && signedAt < now
        ? `Signature expired: ${amzDate} is now earlier than ${amzDateOf(edge)} (${amzDateOf(now)} - 15 min.)`
        : `Signature not yet current: ${amzDate} is still later than ${amzDateOf(edge)} (${amzDateOf(now)} + 15 min.)`);
    }
    const expected = sigV4Signature(req, body, creds.secretAccessKey, { amzDate, day: day!, region: region!, service: service!, signedHeaders: signedHeaders!.split(';') });
    if (expected.signature !== signature) {
      // AWS's Query services quote the canonical request, signed headers (the session token) included.
      throw new StsError(403, 'SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${expected.canonical}'\n\nThe String-to-Sign should have been\n'${expected.toSign}'\n`);
    }
    if (creds.expiration.getTime() <= now.getTime()) throw new StsError(403, 'ExpiredToken', 'The security token included in the request is expired');
    return creds;
  }
}

interface ParsedAssertion {
  roles: { role: string; provider: string }[];
  notOnOrAfter?: Date;
  sessionNotOnOrAfter?: Date;
  sessionName?: string;
  issuer?: string;
  subject?: string;
}

function parseAssertion(base64: string): ParsedAssertion {
  const invalid = () => new StsError(400, 'InvalidIdentityToken', 'Invalid base64 SAMLResponse (check that you provided a SAML Response; not an AuthnRequest)');
  const text = Buffer.from(base64, 'base64').toString('utf8');
  if (!text.includes('<')) throw invalid();
  let doc: any;
  try {
    doc = xml.parse(text);
  } catch {
    throw invalid();
  }
  const response = doc.Response;
  const assertion = response?.Assertion?.[0];
  if (!assertion) throw invalid();
  const attributes: any[] = assertion.AttributeStatement?.Attribute ?? [];
  const values = (name: string): string[] => attributes
    .filter((a) => a['@Name'] === name)
    .flatMap((a) => a.AttributeValue ?? [])
    .map((v: any) => (typeof v === 'string' ? v : String(v?.['#text'] ?? '')).trim());
  const roles = values(SAML_ROLE).map((pair) => {
    const [a, b] = pair.split(',').map((s) => s.trim());
    return /:saml-provider\//.test(a ?? '') ? { role: b ?? '', provider: a ?? '' } : { role: a ?? '', provider: b ?? '' };
  });
  const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : undefined);
  const subject = assertion.Subject;
  return {
    roles,
    notOnOrAfter: date(subject?.SubjectConfirmation?.SubjectConfirmationData?.['@NotOnOrAfter']) ?? date(assertion.Conditions?.['@NotOnOrAfter']),
    sessionNotOnOrAfter: date(assertion.AuthnStatement?.['@SessionNotOnOrAfter']),
    sessionName: values(SAML_SESSION_NAME)[0],
    issuer: typeof assertion.Issuer === 'string' ? assertion.Issuer : assertion.Issuer?.['#text'],
    subject: typeof subject?.NameID === 'string' ? subject.NameID : subject?.NameID?.['#text'],
  };
}

// --- SigV4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) ---

function sigV4Signature(
  req: IncomingMessage,
  body: string,
  secret: string,
  s: { amzDate: string; day: string; region: string; service: string; signedHeaders: string[] },
): { signature: string; canonical: string; toSign: string } {
  const url = new URL(req.url ?? '/', 'http://x');
  const query = [...url.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = s.signedHeaders.map((h) => {
    const raw = req.headers[h];
    const value = Array.isArray(raw) ? raw.join(',') : String(raw ?? '');
    return `${h}:${value.trim().replace(/\s+/g, ' ')}\n`;
  }).join('');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '') || sha256(body);
  const canonical = [req.method, url.pathname.split('/').map(rfc3986).join('/'), query, headers, s.signedHeaders.join(';'), payloadHash].join('\n');
  const scope = `${s.day}/${s.region}/${s.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', s.amzDate, scope, sha256(canonical)].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, s.day);
  for (const part of [s.region, s.service, 'aws4_request']) key = hmac(key, part);
  return { signature: hmac(key, toSign).toString('hex'), canonical, toSign };
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function parseAmzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function amzDateOf(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function randomUuid(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
