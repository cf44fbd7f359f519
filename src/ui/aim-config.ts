// With `--config PATH`, the next command we suggest must act on the same file: every
// `duo-sso-setup …` in a hint gets `--config PATH` as a global flag right after the name (the
// place every command accepts it), as doctor's fix commands do (doctor/doctor.ts withConfigFlag).
import { shellQuote } from './style.js';

/** `text` with each suggested command aimed at `configPath`; unchanged without --config or when a hint already names a --config. */
export function aimAtConfig(text: string, configPath: string | undefined): string {
  if (configPath === undefined || text.includes('--config')) return text;
  return text.replace(/\bduo-sso-setup (?=[a-z])/g, `duo-sso-setup --config ${shellQuote([configPath])} `);
}
