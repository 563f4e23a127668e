/**
 * The transcript below the player, in the page's own DOM (not the shadow
 * root), so a page can link to a step (`#step-4`, or `#<id>-step-4` for a
 * player with an id) and search and read it as any document: a heading, then
 * one section per step with its heading, narration and what happens in it.
 * Every text is a text node.
 */
import { buildTranscript, type Script, type Translations } from '../format/index.js';

/** The transcript of `script`, its step sections' ids starting with `prefix`. */
export function transcriptView(script: Script, trans: Translations, prefix: string, playerLang: string): HTMLElement {
  const transcript = buildTranscript(script);
  const doc = document;
  const section = doc.createElement('section');
  section.className = 'notecast-transcript';
  section.slot = 'transcript';
  const heading = doc.createElement('h2');
  heading.id = `${prefix}transcript`;
  heading.lang = playerLang;
  heading.textContent = trans.__('Transcript: %1', transcript.title);
  section.setAttribute('aria-labelledby', heading.id);
  section.appendChild(heading);
  const body = doc.createElement('div');
  body.lang = transcript.lang;
  section.appendChild(body);
  for (const step of transcript.steps) {
    const part = doc.createElement('section');
    part.id = `${prefix}step-${step.number}`;
    part.className = 'notecast-transcript-step';
    const title = doc.createElement('h3');
    title.textContent = `${step.number}. ${step.title}`;
    part.appendChild(title);
    for (const paragraph of step.narration.split(/\n{2,}/).filter(text => text.trim())) {
      const p = doc.createElement('p');
      p.textContent = paragraph;
      part.appendChild(p);
    }
    if (step.actions.length) {
      const list = doc.createElement('ul');
      for (const action of step.actions) {
        const item = doc.createElement('li');
        // The actions are worded in English by the format module.
        item.lang = 'en';
        item.appendChild(doc.createTextNode(action.text));
        if (action.code !== undefined) {
          const pre = doc.createElement('pre');
          const code = doc.createElement('code');
          code.lang = transcript.lang;
          code.textContent = action.code;
          pre.appendChild(code);
          item.appendChild(pre);
        }
        list.appendChild(item);
      }
      part.appendChild(list);
    }
    body.appendChild(part);
  }
  return section;
}
