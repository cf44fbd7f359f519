// Types for own-messages.mjs (used by test/unit/knowledge-own-messages.test.ts).
export interface ExtractedMessage { kind: 'error' | 'warning'; where: string; stem: string; hint?: string; check?: string; problem?: string }
export function extractOwnMessages(root: string): ExtractedMessage[];
