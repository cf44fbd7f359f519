// Types for kb-corpus.mjs (used by test/unit/knowledge-corpus.test.ts).
export interface CorpusItem { tracker: string; url: string; text: string; fix: string; answer: string[] }
export type Part = 'development' | 'held-out';
export function loadCorpus(root: URL | string): Promise<{ messages: CorpusItem[]; part: (item: CorpusItem) => Part }>;
export interface ScoredDiagnosis { id: string; title: string; explanation: string; fix: { description: string; commands: readonly (readonly string[])[] } }
export function score(diagnose: (text: string) => readonly ScoredDiagnosis[], item: CorpusItem): { found: string[]; recognised: boolean; fixed: boolean };
