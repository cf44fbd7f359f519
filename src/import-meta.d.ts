// Deno type-checks this project through tsconfig.json, where @types/node's ImportMeta lacks
// `url` for it (Deno's own lib is not in tsconfig's "lib"). Both runtimes provide it.
interface ImportMeta {
  readonly url: string;
}
