/**
 * A tutorial as one self-contained HTML page: the one-file web player, its
 * stylesheet and catalogs inside it, and the compiled script as JSON, so the
 * page opens from `file://`, an LMS upload or an email attachment with no
 * network. Its Content-Security-Policy allows only the page's own inline
 * player (by hash) and `data:` URLs: the page cannot ask any host for
 * anything, even if a tutorial's text tried. Inline styles are allowed: a
 * baked HTML output's frame (srcdoc) inherits this policy, and its `<style>`
 * must apply; no script can run there or here.
 */
import { createHash } from 'node:crypto';
import type { Script } from '../format/index.js';

/** The id of the `<script type="application/json">` holding the script; the player's `src` names it. */
export const SCRIPT_ID = 'notecast-script';

/** The page's own layout: a readable column around the player. */
const PAGE_STYLE = 'body{margin:0 auto;max-width:72rem;padding:1rem;font-family:system-ui,sans-serif}';

export interface OnePageOptions {
  /** The page's language (`lang` on `<html>`): the player's words follow it. */
  lang: string;
  /** The tutorial's file name, for the player's messages. */
  name: string;
  /** The one-file player (build/web-single/notecast-player.js). */
  player: string;
}

/** HTML text: `&`, `<`, `>`, `"` as references, for element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JSON that a `<script>` element holds as data: every `<` written `\u003c`,
 * so no `</script>` or `<!--` in the tutorial's text ends or changes the
 * element; JSON.parse reads it back unchanged.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** `'sha256-…'`, the CSP source that allows exactly this inline script or style. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The whole page. The player's code must not hold `</script`, which the build guarantees (checked here). */
export function onePage(script: Script, options: OnePageOptions): string {
  if (/<\/script/i.test(options.player)) {
    throw new Error('the one-file player holds "</script" and cannot be inlined');
  }
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(options.player)}`,
    "style-src 'unsafe-inline' data:",
    'img-src data:',
    'connect-src data:',
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="generator" content="Notecast">
<title>${escapeHtml(script.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<notecast-player src="#${SCRIPT_ID}"></notecast-player>
</main>
<script type="application/json" id="${SCRIPT_ID}" data-name="${escapeHtml(options.name)}">${jsonForScriptElement(script)}</script>
<script>${options.player}</script>
</body>
</html>
`;
}
