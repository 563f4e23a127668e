/**
 * A gettext bundle for pages: the lab's Jed-style catalog (the JSON that
 * `make translations` compiles for JupyterLab) behind the `__`, `_n`, `_p` of
 * JupyterLab's `TranslationBundle`, so the session's Presenter words the
 * player in the page's language exactly as it does in the lab. Messages not
 * in the catalog stay English. The plural rule is read by a small parser,
 * never `eval`, so a page with a strict Content-Security-Policy can use it.
 */
import { englishTranslations, type Translations } from '../format/index.js';

/** A Jed-style catalog: `""` holds the header; every other key is a msgid (`ctx\u0004msgid` with a context). */
export type JedCatalog = Record<string, unknown>;

/** The plural index for `n`, from a header's `plural_forms` (`nplurals=2; plural=(n > 1);`). */
export type PluralRule = (n: number) => number;

const CONTEXT_SEPARATOR = '\u0004';

/** A bundle for `catalog`; English when the catalog is empty or not one. */
export function translationBundle(catalog: JedCatalog = {}): Translations {
  const header = (catalog[''] ?? {}) as Record<string, unknown>;
  const plural = pluralRule(typeof header.plural_forms === 'string' ? header.plural_forms : '');
  const lookup = (key: string, index: number): string | undefined => {
    const entry = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    const text = Array.isArray(entry) ? (entry[index] as unknown) : undefined;
    return typeof text === 'string' && text !== '' ? text : undefined;
  };
  // `englishTranslations.__` replaces %1… in whatever text it is given: the translated message here.
  const format = (text: string, args: Array<string | number>) => englishTranslations.__(text, ...args);
  return {
    __: (msgid, ...args) => format(lookup(msgid, 0) ?? msgid, args),
    _n: (msgid, msgidPlural, n, ...args) => format(lookup(msgid, plural(n)) ?? (n === 1 ? msgid : msgidPlural), [n, ...args]),
    _p: (msgctxt, msgid, ...args) => format(lookup(`${msgctxt}${CONTEXT_SEPARATOR}${msgid}`, 0) ?? msgid, args)
  };
}

/**
 * The `plural=` expression of a `plural_forms` header as a function: C's
 * operators on `n` (`?:`, `||`, `&&`, comparisons, `+ - * / %`, `!`,
 * parentheses). Anything it cannot read gives English's rule (`n != 1`).
 */
export function pluralRule(pluralForms: string): PluralRule {
  const match = /plural\s*=\s*([^;]+)/.exec(pluralForms);
  const english: PluralRule = n => (n === 1 ? 0 : 1);
  if (!match) {
    return english;
  }
  try {
    const expression = parseExpression(tokenize(match[1]));
    return n => Math.max(0, Math.trunc(Number(expression(n))));
  } catch {
    return english;
  }
}

type Node = (n: number) => number;

function tokenize(text: string): string[] {
  const tokens = text.match(/\s*(\d+|n|\|\||&&|[=!<>]=|[-+*/%()?:<>!])\s*/g) ?? [];
  if (tokens.join('').replace(/\s+/g, '') !== text.replace(/\s+/g, '')) {
    throw new SyntaxError(`unreadable plural rule: ${text}`);
  }
  return tokens.map(token => token.trim());
}

/** Recursive descent over C's precedence: ternary, ||, &&, equality, relational, additive, multiplicative, unary. */
function parseExpression(tokens: string[]): Node {
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new SyntaxError(`expected ${expected ?? 'more'} in a plural rule`);
    }
    return token;
  };
  const binary = (next: () => Node, operators: Record<string, (a: number, b: number) => number>) => (): Node => {
    let left = next();
    while (peek() !== undefined && Object.hasOwn(operators, peek())) {
      const operate = operators[take()];
      const [a, b] = [left, next()];
      left = n => operate(a(n), b(n));
    }
    return left;
  };
  const primary = (): Node => {
    const token = take();
    if (token === '(') {
      const inner = ternary();
      take(')');
      return inner;
    }
    if (token === '!') {
      const operand = primary();
      return n => (operand(n) ? 0 : 1);
    }
    if (token === '-') {
      const operand = primary();
      return n => -operand(n);
    }
    if (token === 'n') {
      return n => n;
    }
    if (/^\d+$/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    throw new SyntaxError(`unexpected ${token} in a plural rule`);
  };
  const multiplicative = binary(primary, { '*': (a, b) => a * b, '/': (a, b) => Math.trunc(a / b), '%': (a, b) => a % b });
  const additive = binary(multiplicative, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const relational = binary(additive, { '<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b) });
  const equality = binary(relational, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = binary(equality, { '&&': (a, b) => +(a && b) });
  const or = binary(and, { '||': (a, b) => +(a || b) });
  function ternary(): Node {
    const condition = or();
    if (peek() !== '?') {
      return condition;
    }
    take('?');
    const yes = ternary();
    take(':');
    const no = ternary();
    return n => (condition(n) ? yes(n) : no(n));
  }
  const expression = ternary();
  if (position !== tokens.length) {
    throw new SyntaxError('trailing tokens in a plural rule');
  }
  return expression;
}
