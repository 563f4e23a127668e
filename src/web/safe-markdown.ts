/**
 * A Markdown cell's source as HTML a page can show: micromark with its
 * defaults, which never pass raw HTML through (a `<script>` in a cell is
 * shown as text), then only links whose scheme is http, https or mailto, or
 * relative ones, and only images from the page's own site (a relative `src`),
 * so showing a tutorial never loads anything from another host.
 */
import { micromark } from 'micromark';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** What browsers drop or ignore in a URL before reading its scheme (`java\tscript:`, leading spaces). */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f]/g;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether a link to `url` may be followed: http(s), mailto, or relative. */
export function safeLink(url: string): boolean {
  const plain = decodeEntities(url).replace(IGNORED_IN_URLS, '');
  const scheme = SCHEME.exec(plain);
  return plain !== '' && (scheme ? LINK_SCHEMES.has(scheme[1].toLowerCase()) : true);
}

/** Whether an image at `url` may be loaded: relative to the page, on its own host. */
export function safeImage(url: string): boolean {
  const plain = decodeEntities(url).replace(IGNORED_IN_URLS, '');
  return plain !== '' && !SCHEME.test(plain) && !plain.startsWith('//') && !plain.startsWith('\\');
}

/** `source` rendered: HTML with no raw HTML of the author's, unsafe links unlinked, foreign images as their alt text. */
export function renderMarkdown(source: string): string {
  return micromark(source)
    .replace(/<a href="([^"]*)"/g, (whole, href: string) => (safeLink(href) ? whole : '<a'))
    .replace(/<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? \/>/g, (whole, src: string, alt: string) => (safeImage(src) ? whole : alt));
}

/** micromark writes attributes with `&amp;`, `&quot;`, `&lt;`, `&gt;` and numeric references. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
