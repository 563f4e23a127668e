/**
 * Random edits of a text, for fuzz and property tests: each edit inserts a
 * fragment, deletes a few characters, inserts what a generator makes,
 * copies a piece of the text elsewhere, or inserts a random character, with
 * the chances given (they need not add up to 1: they are weights).
 */
export interface Mutations {
  fragments: readonly string[];
  generators?: ReadonlyArray<(random: () => number) => string>;
  /** Weights of: insert a fragment, delete, generate, copy, a random character. */
  weights: { fragment: number; remove: number; generate?: number; copy: number; character?: number };
  /** The longest piece `copy` takes. */
  copyLength: number;
}

export function mutate(text: string, random: () => number, mutations: Mutations): string {
  const { fragments, generators = [], weights, copyLength } = mutations;
  const total = weights.fragment + weights.remove + (weights.generate ?? 0) + weights.copy + (weights.character ?? 0);
  let result = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (result.length + 1));
    let kind = random() * total;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    if ((kind -= weights.fragment) < 0) {
      result = result.slice(0, at) + pick(fragments) + result.slice(at);
    } else if ((kind -= weights.remove) < 0) {
      result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 20));
    } else if ((kind -= weights.generate ?? 0) < 0 && generators.length > 0) {
      result = result.slice(0, at) + pick(generators)(random) + result.slice(at);
    } else if (kind - weights.copy < 0) {
      const from = Math.floor(random() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(random() * copyLength)) + result.slice(at);
    } else {
      result = result.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + result.slice(at);
    }
  }
  return result;
}
