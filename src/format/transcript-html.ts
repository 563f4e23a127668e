import type { NarrationBlock, NarrationInline } from './script.js';
import { transcriptParts, type Transcript, type TranscriptAction } from './transcript-build.js';
import { languageToken, safeUrl, visibleText } from './transcript-safe.js';

/**
 * The transcript as a standalone HTML page. Every string from the script is
 * escaped as text (`&`, `<`, `>` and both quotes, so it is safe in element
 * content and in quoted attributes alike); the only markup is the page's own,
 * and the narration's lists, tables, links and images are built from data.
 * The page's own words are English; the tutorial's text carries its `lang`,
 * so a screen reader reads each in its language.
 */
export function renderHtml(transcript: Transcript): string {
  const lang = transcript.lang === 'en' ? '' : ` lang="${escapeHtml(transcript.lang)}"`;
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
    `<h1${lang}>${title}</h1>`
  ];
  if (transcript.description) {
    out.push(`<p${lang}>${text(transcript.description)}</p>`);
  }
  for (const step of transcript.steps) {
    const stepTitle = lang ? `<span${lang}>${text(step.title)}</span>` : text(step.title);
    out.push('<section>', `<h2>Step ${step.number} of ${transcript.steps.length}: ${stepTitle}</h2>`);
    out.push(...blocks(step.blocks, lang));
    for (const part of transcriptParts(step.actions)) {
      if (part.kind === 'narration') {
        out.push(...blocks(part.blocks, lang));
        continue;
      }
      out.push(part.first === 1 ? '<ol>' : `<ol start="${part.first}">`);
      out.push(...part.actions.map(action));
      out.push('</ol>');
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function action(item: TranscriptAction): string {
  let code = '';
  if (item.code !== undefined) {
    const language = languageToken(item.language);
    code = `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${text(item.code)}</code></pre>`;
  }
  return `<li><p>${text(item.text)}</p>${code}</li>`;
}

function blocks(list: readonly NarrationBlock[], lang: string): string[] {
  return list.map(block => {
    switch (block.kind) {
      case 'paragraph':
        return `<p${lang}>${inlines(block.content)}</p>`;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}${lang}>${block.items.map(item => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
      }
      case 'table': {
        const head = `<thead><tr>${block.header.map(cell => `<th scope="col">${inlines(cell)}</th>`).join('')}</tr></thead>`;
        const body = `<tbody>${block.rows.map(row => `<tr>${row.map(cell => `<td>${inlines(cell)}</td>`).join('')}</tr>`).join('')}</tbody>`;
        return `<table${lang}>${head}${body}</table>`;
      }
    }
  });
}

/** Text runs: a link with a safe address is a link, an image with a safe source an image, with its alt text. */
function inlines(parts: readonly NarrationInline[]): string {
  return parts
    .map(part => {
      if (part.image !== undefined) {
        const src = safeUrl(part.image, true);
        return src !== undefined ? `<img src="${escapeHtml(src)}" alt="${text(part.text)}">` : text(part.text);
      }
      if (part.href !== undefined) {
        const href = safeUrl(part.href);
        return href !== undefined ? `<a href="${escapeHtml(href)}">${text(part.text)}</a>` : `${text(part.text)} (${text(part.href)})`;
      }
      // A hard line break in the narration (two spaces or a backslash at a line's end).
      return text(part.text).replace(/\n/g, '<br>');
    })
    .join('');
}

function text(value: string): string {
  return escapeHtml(visibleText(value));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
