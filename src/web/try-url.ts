/**
 * "Try it": the address of a real notebook (a JupyterLite site, a JupyterLab)
 * that opens the tutorial at the step the learner is on. A `try-url` either
 * has `{path}` and `{step}` placeholders, or ends in `lab` or
 * `lab/index.html`, to which `?notecast=<path>&step=<n>` is added. Only
 * http(s) addresses, absolute or relative to the page, are ever opened.
 */

export type TryUrl = { url: string } | { problem: 'scheme' | 'shape' | 'unreadable' };

/**
 * The address to open for tutorial `path` at step `step` (1-based), with
 * `template` read relative to `base` (the page's address), or why there is
 * none: `scheme` (not http or https), `shape` (no placeholder, and not a
 * JupyterLab address), `unreadable` (not a URL).
 */
export function buildTryUrl(template: string, path: string, step: number, base: string): TryUrl {
  const filled = template.replace(/\{path\}/g, encodeURIComponent(path).replace(/%2F/g, '/')).replace(/\{step\}/g, String(step));
  let url: URL;
  try {
    url = new URL(filled, base);
  } catch {
    return { problem: 'unreadable' };
  }
  // The URL parser drops tabs and newlines ("java\tscript:"), so the scheme is read from what it made.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { problem: 'scheme' };
  }
  if (filled !== template) {
    return { url: url.href };
  }
  if (!/\/lab(?:\/index\.html|\/)?$/.test(url.pathname)) {
    return { problem: 'shape' };
  }
  url.searchParams.set('notecast', path);
  url.searchParams.set('step', String(step));
  return { url: url.href };
}

/** The tutorial's path as a notebook site names it: `src` without a leading `./` or `/`, a query or a fragment. */
export function tutorialPath(src: string): string {
  return src.replace(/[?#].*$/s, '').replace(/^(?:\.?\/)+/, '');
}
