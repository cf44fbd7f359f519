// Can this machine reach a host, and if not, at which layer does it stop: the proxy, DNS, the
// TCP connection, or the TLS handshake (whose certificate a corporate proxy may re-sign)?
// One probe per URL, all concurrent, every step bounded by what is left of one short budget,
// every socket closed. The doctor's network check and login (after a network failure) use it.
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { Env } from '../platform/paths.js';

export type Layer = 'proxy' | 'dns' | 'tcp' | 'tls';

export interface ProbeTarget {
  /** What the host is to us: decides how much its failure matters. */
  role: 'sso' | 'sts' | 'github' | 'other';
  label: string;
  url: string;
}

export interface ProbeStep {
  layer: Layer;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface ProbeFailure {
  layer: Layer;
  /** ENOTFOUND, ECONNREFUSED, TIMEOUT, SELF_SIGNED_CERT_IN_CHAIN, PROXY_407... */
  code: string;
  message: string;
  /** The certificate was refused because no CA we trust issued it: who did. */
  untrustedIssuer?: string;
}

export interface ProbeResult {
  target: ProbeTarget;
  host: string;
  port: number;
  /** The proxy the request goes through, without credentials, and the variable naming it. */
  proxy?: { url: string; variable: string };
  steps: ProbeStep[];
  ok: boolean;
  failed?: ProbeFailure;
}

export interface ProbeOptions {
  /** The resolver seam (tests); getaddrinfo through dns.lookup otherwise, as Go's and curl's resolvers do. */
  resolve?: (host: string) => Promise<string[]>;
  /** The whole budget for one target, all layers together. */
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM), beside the ones the environment names. */
  ca?: readonly string[];
}

export const DEFAULT_PROBE_TIMEOUT_MS = 3000;

/** Verification errors that mean "no CA we trust issued this": what TLS interception looks like. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

// Where the AWS CLI, Node and Go find extra CAs, and the usual system bundles: a corporate CA
// installed in any of them is trusted by the probe as by the tool that reads it.
const CA_VARIABLES = ['AWS_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE'] as const;
const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

export function probeAll(targets: readonly ProbeTarget[], env: Env, opts: ProbeOptions = {}): Promise<ProbeResult[]> {
  return Promise.all(targets.map((t) => probe(t, env, opts)));
}

export async function probe(target: ProbeTarget, env: Env, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const url = new URL(target.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  let deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
  const proxy = proxyFor(url, env);
  const result: ProbeResult = { target, host, port, steps: [], ok: false, ...(proxy ? { proxy: { url: proxy.display, variable: proxy.variable } } : {}) };
  const resolve = opts.resolve ?? defaultResolve;
  let socket: net.Socket | undefined;
  try {
    if (proxy) {
      socket = await step(result, 'proxy', deadline, async () => {
        if (proxy.problem) throw Object.assign(new Error(proxy.problem), { code: 'PROXY_URL' });
        const via = await connectTcp(await resolveOne(resolve, proxy.url.hostname, deadline), Number(proxy.url.port) || 80, deadline);
        try {
          await connectTunnel(via, host, port, proxy.url, deadline);
        } catch (error) {
          via.destroy();
          throw error;
        }
        return { value: via, detail: `CONNECT ${host}:${port} through ${proxy.display} (${proxy.variable})` };
      });
    } else {
      const address = net.isIP(host) ? host : await step(result, 'dns', deadline, async () => {
        const first = await resolveOne(resolve, host, deadline);
        return { value: first, detail: `${host} is ${first}` };
      });
      socket = await step(result, 'tcp', deadline, async () => ({ value: await connectTcp(address, port, deadline), detail: `connected to ${address}:${port}` }));
    }
    if (secure) {
      const tunnel = socket;
      socket = await step(result, 'tls', deadline, async () => {
        // Built only when a handshake is reached (offline, DNS fails first), once per process.
        // Parsing certificates is our own work, not the network's: it does not use up the budget.
        const building = Date.now();
        const context = await trustContext(env, opts.ca ?? []);
        deadline += Date.now() - building;
        const t = await handshake(tunnel, host, deadline, context);
        return { value: t.socket, detail: `${t.protocol}, certificate for ${t.subject} issued by ${t.issuer}` };
      });
    }
    result.ok = true;
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    result.failed = error.failure;
  } finally {
    socket?.destroy();
  }
  return result;
}

class StepFailed extends Error {
  constructor(readonly failure: ProbeFailure) {
    super(failure.message);
  }
}

/** Runs one layer: records it, and turns its error into that layer's failure. */
async function step<T>(result: ProbeResult, layer: Layer, deadline: number, fn: () => Promise<{ value: T; detail: string }>): Promise<T> {
  const started = Date.now();
  try {
    const { value, detail } = await fn();
    result.steps.push({ layer, ok: true, ms: Date.now() - started, detail });
    return value;
  } catch (error) {
    const failure = describe(layer, error, deadline);
    result.steps.push({ layer, ok: false, ms: Date.now() - started, detail: failure.message });
    throw new StepFailed(failure);
  }
}

interface CodedError { code?: string; message?: string; issuer?: string }

function describe(layer: Layer, error: unknown, deadline: number): ProbeFailure {
  const e = (error ?? {}) as CodedError;
  const code = e.code ?? (Date.now() >= deadline ? 'TIMEOUT' : 'ERROR');
  const message = MESSAGES[code]?.(layer) ?? e.message ?? String(error);
  return { layer, code, message, ...(e.issuer ? { untrustedIssuer: e.issuer } : {}) };
}

const MESSAGES: Record<string, (layer: Layer) => string> = {
  ENOTFOUND: (l) => (l === 'proxy' ? 'the proxy\'s name does not resolve' : 'the name does not resolve (no such host)'),
  EAI_AGAIN: () => 'the DNS server did not answer (temporary failure in name resolution)',
  ECONNREFUSED: (l) => (l === 'proxy' ? 'the proxy refused the connection (nothing listening there?)' : 'connection refused (nothing listening, or a firewall rejecting)'),
  ECONNRESET: () => 'the connection was reset (a firewall or proxy cut it)',
  EHOSTUNREACH: () => 'no route to the host',
  ENETUNREACH: () => 'the network is unreachable',
  ETIMEDOUT: () => 'no answer in time',
  TIMEOUT: () => 'no answer in time',
};

async function defaultResolve(host: string): Promise<string[]> {
  const found = await lookup(host, { all: true });
  return found.map((a) => a.address);
}

/** The first address of `host`; a resolver that hangs (no DNS server answering) counts against the budget. */
async function resolveOne(resolve: (host: string) => Promise<string[]>, host: string, deadline: number): Promise<string> {
  if (net.isIP(host)) return host;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), remaining(deadline));
  });
  try {
    const addresses = await Promise.race([resolve(host), timeout]);
    if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
    return addresses[0]!;
  } finally {
    clearTimeout(timer);
  }
}

function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

/** Settles with the socket once connected; destroys it on error or when the budget runs out. */
function connectTcp(host: string, port: number, deadline: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => fail(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), remaining(deadline));
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/** HTTP CONNECT through the proxy; resolves when it answers 200. */
function connectTunnel(socket: net.Socket, host: string, port: number, proxy: URL, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
    let head = '';
    const timer = setTimeout(() => done(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), remaining(deadline));
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0 && head.length < 16_384) return;
      const status = /^HTTP\/1\.[01] (\d{3})([^\r\n]*)/.exec(head);
      if (status?.[1] === '200') return done();
      const code = status ? `PROXY_${status[1]}` : 'PROXY_BAD_ANSWER';
      const what = status ? `${status[1]}${status[2]}` : 'an answer that is not HTTP';
      const why = status?.[1] === '407' ? 'it wants credentials (put them in the proxy URL, or ask IT)'
        : /^50[234]$/.test(status?.[1] ?? '') ? `it could not resolve or reach ${authority} itself` : `it refuses ${authority}`;
      done(Object.assign(new Error(`the proxy answered ${what}: ${why}`), { code }));
    };
    const onError = (error: Error) => done(error);
    const onClose = () => done(Object.assign(new Error('the proxy closed the connection'), { code: 'ECONNRESET' }));
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  });
}

interface Handshake { socket: tls.TLSSocket; protocol: string; subject: string; issuer: string }

/**
 * The TLS handshake over `socket`, verified as the tools verify it (chain and host name) but
 * without refusing at once: a refused certificate still tells us who issued it.
 */
function handshake(socket: net.Socket, host: string, deadline: number, secureContext: tls.SecureContext): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const t = tls.connect({ socket, secureContext, rejectUnauthorized: false, ...(net.isIP(host) ? {} : { servername: host }), ALPNProtocols: ['http/1.1'] });
    const timer = setTimeout(() => fail(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), remaining(deadline));
    const fail = (error: Error) => {
      clearTimeout(timer);
      t.destroy();
      reject(error);
    };
    t.once('error', fail);
    t.once('secureConnect', () => {
      clearTimeout(timer);
      t.off('error', fail);
      const cert = t.getPeerCertificate(true);
      const subject = name(cert.subject) ?? host;
      const root = topOfChain(cert);
      const issuer = name(root.issuer) ?? 'an unnamed CA';
      if (t.authorized) return resolve({ socket: t, protocol: t.getProtocol() ?? 'TLS', subject, issuer });
      const code = String(t.authorizationError ?? 'CERT_REJECTED');
      t.destroy();
      const untrusted = UNTRUSTED.has(code);
      const message = untrusted
        ? `the certificate for ${host} was issued by "${issuer}", which this machine does not trust (${code}): a TLS-intercepting proxy re-signing traffic with its own CA?`
        : `the certificate for ${host} was refused (${code}${code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? `: it is for ${subject}` : ''})`;
      reject(Object.assign(new Error(message), { code, ...(untrusted ? { issuer } : {}) }));
    });
  });
}

function name(n: tls.Certificate | undefined): string | undefined {
  if (!n) return undefined;
  const cn = Array.isArray(n.CN) ? n.CN[0] : n.CN;
  const o = Array.isArray(n.O) ? n.O[0] : n.O;
  return cn || o || undefined;
}

function topOfChain(cert: tls.DetailedPeerCertificate): tls.DetailedPeerCertificate {
  let c = cert;
  const seen = new Set<string>();
  while (c.issuerCertificate && c.issuerCertificate !== c && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    c = c.issuerCertificate;
  }
  return c;
}

// Parsing the system bundle takes a few hundred milliseconds: once per set of files.
const contexts = new Map<string, Promise<tls.SecureContext>>();

/** Node's CA list, the system bundle, and the PEM files the environment names for the AWS CLI, Node and Go. */
function trustContext(env: Env, extra: readonly string[]): Promise<tls.SecureContext> {
  const files = [...CA_VARIABLES.map((v) => env[v]).filter((f): f is string => Boolean(f)), ...SYSTEM_BUNDLES];
  const key = JSON.stringify([files, extra]);
  let context = contexts.get(key);
  if (!context) {
    context = buildContext(files, extra);
    contexts.set(key, context);
  }
  return context;
}

async function buildContext(files: readonly string[], extra: readonly string[]): Promise<tls.SecureContext> {
  const pems = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => '')));
  // Node 22+ can read the OS store (the macOS keychain, where a corporate CA usually lives).
  const system = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates?.('system') ?? [];
  const ca = [...tls.rootCertificates, ...system, ...extra, ...pems.flatMap(splitPem)];
  return tls.createSecureContext({ ca });
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

interface ProxyChoice {
  url: URL;
  display: string;
  variable: string;
  /** Why the probe cannot use it (not a URL, a scheme it does not speak). */
  problem?: string;
}

/**
 * The proxy an HTTPS (or HTTP) request to `url` goes through, as Go's net/http (duo-sso) and
 * botocore choose it: HTTPS_PROXY/https_proxy (HTTP_PROXY for http URLs), then ALL_PROXY,
 * unless NO_PROXY names the host. A scheme-less value means http://.
 */
export function proxyFor(url: URL, env: Env): ProxyChoice | undefined {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const variables = [`${scheme.toUpperCase()}_PROXY`, `${scheme}_proxy`, 'ALL_PROXY', 'all_proxy'];
  const variable = variables.find((v) => env[v]);
  if (!variable) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Go never proxies requests to the machine itself, whatever the variables say.
  if (host === 'localhost' || isLoopback(host)) return undefined;
  if (bypassed(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port) || (scheme === 'https' ? 443 : 80), env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  const raw = env[variable]!.trim();
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][\w+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { url: new URL('http://invalid.invalid'), display: '(not a URL)', variable, problem: `${variable} is not a proxy URL (it must look like http://proxy.example.com:8080)` };
  }
  // Never the credentials: this is shown, and put in --json.
  const display = `${proxy.protocol}//${proxy.host}`;
  return { url: proxy, display, variable, ...(proxy.protocol === 'http:' ? {} : { problem: `${variable} names a ${proxy.protocol.slice(0, -1)} proxy; the probe speaks to http:// proxies only` }) };
}

function isLoopback(host: string): boolean {
  return /^127\./.test(host) || host === '::1';
}

/** NO_PROXY: `*`, exact hosts, domain suffixes (`.corp.com` or `corp.com`), optional `:port`. */
export function bypassed(host: string, port: number, noProxy: string): boolean {
  const h = host.toLowerCase();
  return noProxy.split(/[\s,]+/).filter(Boolean).some((entry) => {
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase())!;
    if (m[2] && Number(m[2]) !== port) return false;
    const name = m[1]!.replace(/^\*?\./, '');
    return h === name || h.endsWith(`.${name}`);
  });
}
