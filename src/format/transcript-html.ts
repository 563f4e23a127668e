import type { Transcript } from './transcript-build.js';
import { languageToken, visibleText } from './transcript-safe.js';

/**
 * The transcript as a standalone HTML page. Every string from the script is
 * escaped as text (`&`, `<`, `>` and both quotes, so it is safe in element
 * content and in quoted attributes alike); the only markup is the page's own.
 */
export function renderHtml(transcript: Transcript): string {
  const title = escapeHtml(visibleText(transcript.title));
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title} — transcript</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${title}</h1>`
  ];
  if (transcript.description) {
    out.push(`<p>${text(transcript.description)}</p>`);
  }
  for (const step of transcript.steps) {
    out.push('<section>', `<h2>Step ${step.number} of ${transcript.steps.length}: ${text(step.title)}</h2>`);
    for (const paragraph of step.narration ? step.narration.split('\n\n').filter(part => part.trim()) : []) {
      out.push(`<p>${text(paragraph)}</p>`);
    }
    if (step.actions.length) {
      out.push('<ol>');
      for (const action of step.actions) {
        let code = '';
        if (action.code !== undefined) {
          const language = languageToken(action.language);
          code = `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${text(action.code)}</code></pre>`;
        }
        out.push(`<li><p>${text(action.text)}</p>${code}</li>`);
      }
      out.push('</ol>');
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function text(value: string): string {
  return escapeHtml(visibleText(value));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
