// The session-duration caps built in (the guide's "Session duration" and STS's limits), which
// the organisation policy may lower or raise. config/ and login/ read them; policy/ needs them
// without reaching up into config/.

/** Session-duration policy, in seconds (guide "Session duration" and STS limits). */
export const POLICY = {
  /** STS refuses DurationSeconds below this. */
  minSeconds: 900,
  /** Production accounts: 1 hour unless SRE approved more. */
  productionCap: 3600,
  /** Non-production accounts: up to 4 hours without SRE approval. */
  nonProductionCap: 14_400,
  /** STS and IAM refuse anything longer. */
  absoluteMax: 43_200,
  /** What duo-sso asks for when the config has no top-level duration; 1-hour roles refuse it. */
  duoSsoDefault: 28_800,
  /** The guide's troubleshooting override. */
  recommended: 3600,
} as const;

/** Session caps without SRE approval: the built-in ones, or the organisation policy's. */
export interface Caps {
  production: number;
  nonProduction: number;
}

/** The cap without SRE approval for a profile, by whether its account is production. */
export function policyCap(production: boolean, caps?: Caps): number {
  return production ? caps?.production ?? POLICY.productionCap : caps?.nonProduction ?? POLICY.nonProductionCap;
}
