// Finds every error and warning text duo-sso-setup itself can print, from the code: the
// message of each `new UserError(...)`, each login problem ({ id, message } in src/login),
// and each doctor check's `result.warn(...)` / `result.fail(...)` summary. A message is
// turned into a stem: its literal text, with a hole (`{}`) where a value is filled in at run
// time. scripts/gen-docs.mjs writes the list to src/knowledge/own-messages.data.ts; a unit
// test compares the committed list with a fresh extraction, so a new message cannot be
// added without troubleshoot knowing it.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const HOLE = '{}';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return walk(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text an expression prints, holes for what is only known at run time. */
function stemOf(node, consts) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => stemOf(s.expression, consts) + s.literal.text).join('');
  }
  if (ts.isParenthesizedExpression(node)) return stemOf(node.expression, consts);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return stemOf(node.left, consts) + stemOf(node.right, consts);
  if (ts.isIdentifier(node) && consts.has(node.text)) {
    const v = consts.get(node.text);
    if (typeof v === 'string') return v;
    consts.set(node.text, HOLE); // a guard against a declaration that refers to itself
    const stem = stemOf(v, consts);
    consts.set(node.text, v);
    return stem;
  }
  // `a ? 'x' : 'y'`: the branch with more text (either is printed; the hint is about both).
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [stemOf(node.whenTrue, consts), stemOf(node.whenFalse, consts)];
    return a.split(HOLE).join('').length >= b.split(HOLE).join('').length ? a : b;
  }
  // A call of a function of this file that returns a text (`loginHint(profile)`).
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && consts.has(`${node.expression.text}()`)) {
    return stemOf(consts.get(`${node.expression.text}()`), consts);
  }
  // `text.replace(...)` / `.trim()` keep the text they were called on.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['replace', 'trim', 'trimEnd'].includes(node.expression.name.text)) return stemOf(node.expression.expression, consts);
  return HOLE;
}

/**
 * `const NAME = ...` declared once in the file (message constants, a `summary` built before
 * `result.warn(summary)`), so a message kept in a variable is still found. Names declared
 * more than once are left as holes: which one applies is not known without running it.
 */
function constants(sf) {
  const seen = new Map();
  const visit = (node) => {
    // `function f(...) { return <text>; }` with a single return: a call of f prints that text.
    if ((ts.isFunctionDeclaration(node) || ts.isArrowFunction(node)) && node.body) {
      const name = ts.isFunctionDeclaration(node) ? node.name?.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
      const returned = ts.isBlock(node.body)
        ? node.body.statements.filter(ts.isReturnStatement).map((r) => r.expression).filter(Boolean)
        : [node.body];
      if (name && returned.length === 1) seen.set(`${name}()`, seen.has(`${name}()`) ? null : returned[0]);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const name = node.name.text;
      seen.set(name, seen.has(name) ? null : node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const out = new Map();
  for (const [name, init] of seen) if (init) out.set(name, ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init) ? init.text : init);
  return out;
}

function prop(obj, name) {
  const p = obj.properties.find((x) => ts.isPropertyAssignment(x) && (ts.isIdentifier(x.name) || ts.isStringLiteral(x.name)) && x.name.text === name);
  return p?.initializer;
}

/**
 * What a doctor check's fix argument says about --fix: 'automatic' (`automatic: true`: doctor
 * --fix runs it), 'advice' (`automatic: false`: shown, never run), 'none' (no fix), or
 * undefined where the code does not say at the site (a fix built in another module, or
 * branches that differ): troubleshoot then promises neither.
 */
function fixKind(node, consts, depth = 0) {
  if (!node) return 'none';
  if (depth > 8) return undefined;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || (ts.isSatisfiesExpression && ts.isSatisfiesExpression(node))) return fixKind(node.expression, consts, depth + 1);
  if (ts.isIdentifier(node) && node.text === 'undefined') return 'none';
  if (ts.isObjectLiteralExpression(node)) {
    const automatic = prop(node, 'automatic');
    if (automatic?.kind === ts.SyntaxKind.TrueKeyword) return 'automatic';
    if (automatic?.kind === ts.SyntaxKind.FalseKeyword) return 'advice';
    return undefined;
  }
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [fixKind(node.whenTrue, consts, depth + 1), fixKind(node.whenFalse, consts, depth + 1)];
    return a === b ? a : undefined;
  }
  if (ts.isIdentifier(node) && consts.has(node.text) && typeof consts.get(node.text) !== 'string') return fixKind(consts.get(node.text), consts, depth + 1);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && consts.has(`${node.expression.text}()`)) return fixKind(consts.get(`${node.expression.text}()`), consts, depth + 1);
  return undefined;
}

/**
 * Every message: { kind, where (file:line), stem, hint?, check?, fix? }. `hint` is the stem of the
 * UserError's hint; `check` the doctor check a summary comes from (its file name), `fix`
 * what its fix argument says about --fix (fixKind).
 */
export function extractOwnMessages(root) {
  const src = join(root, 'src');
  const found = [];
  for (const file of walk(src).sort()) {
    const rel = relative(root, file).split('\\').join('/');
    if (rel.startsWith('src/knowledge/own-messages')) continue;
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const consts = constants(sf);
    // The file only: a line number would make the list stale at every edit above a message.
    const where = () => rel;
    const visit = (node) => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'UserError' && node.arguments?.length) {
        const opts = node.arguments[1];
        const hint = opts && ts.isObjectLiteralExpression(opts) ? prop(opts, 'hint') : undefined;
        found.push({ kind: 'error', where: where(node), stem: stemOf(node.arguments[0], consts), ...(hint ? { hint: stemOf(hint, consts) } : {}) });
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)
        && node.expression.expression.text === 'result' && ['warn', 'fail'].includes(node.expression.name.text) && node.arguments.length && rel.includes('doctor')) {
        const check = rel.match(/\/([\w-]+)\.ts$/)[1].replace(/^doctor-checks$/, 'config');
        const fix = fixKind(node.arguments[2], consts);
        found.push({ kind: node.expression.name.text === 'warn' ? 'warning' : 'error', where: where(node), stem: stemOf(node.arguments[0], consts), check, ...(fix ? { fix } : {}) });
      } else if (ts.isObjectLiteralExpression(node) && rel.startsWith('src/login/')) {
        const id = prop(node, 'id');
        const message = prop(node, 'message');
        if (id && message && (ts.isStringLiteral(id) || ts.isPropertyAccessExpression(id))) {
          found.push({ kind: 'error', where: where(node), stem: stemOf(message, consts), problem: ts.isStringLiteral(id) ? id.text : HOLE });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}
