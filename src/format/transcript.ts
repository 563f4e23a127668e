/**
 * The accessible transcript of a script: `buildTranscript` tells every step
 * in words, `renderTranscript` writes it as Markdown, HTML or text, each
 * escaping the script's text for its format.
 */
import { renderHtml } from './transcript-html.js';
import { renderMarkdown } from './transcript-markdown.js';
import { renderText } from './transcript-text.js';
import type { Transcript } from './transcript-build.js';

export { buildTranscript, formatSeconds, kernelLanguage, type Transcript, type TranscriptAction, type TranscriptStep } from './transcript-build.js';
export { escapeHtml } from './transcript-html.js';

export type TranscriptFormat = 'markdown' | 'html' | 'text';

export function renderTranscript(transcript: Transcript, format: TranscriptFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(transcript);
    case 'html':
      return renderHtml(transcript);
    case 'text':
      return renderText(transcript);
  }
}
