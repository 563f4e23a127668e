/**
 * The part of a translation bundle Notecast's words go through: the shape of
 * JupyterLab's `TranslationBundle` (which satisfies it as it is), so the lab
 * passes its bundle and Node uses `englishTranslations`. Placeholders are
 * `%1`, `%2`, …; in `_n`, `%1` is the count and the other arguments follow
 * from `%2`.
 */
export interface Translations {
  __(msgid: string, ...args: Array<string | number>): string;
  _n(msgid: string, msgidPlural: string, n: number, ...args: Array<string | number>): string;
  _p(msgctxt: string, msgid: string, ...args: Array<string | number>): string;
}

/** `%1`… replaced by the arguments, `%%` kept as `%`: as JupyterLab's `nullTranslator` does. */
function format(text: string, args: ReadonlyArray<string | number>): string {
  return text
    .replace(/%%/g, '%% ')
    .replace(/%(\d+)/g, (_, n: string) => String(args[Number(n) - 1]))
    .replace(/%% /g, '%');
}

/** English, for Node: the message ids are the English words. */
export const englishTranslations: Translations = {
  __: (msgid, ...args) => format(msgid, args),
  _n: (msgid, msgidPlural, n, ...args) => format(n === 1 ? msgid : msgidPlural, [n, ...args]),
  _p: (_msgctxt, msgid, ...args) => format(msgid, args)
};
