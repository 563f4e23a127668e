import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/compiler/index.js';
import { buildTranscript, renderTranscript, validateScript, type Script } from '../../../src/format/index.js';

const tutorial = `---
title: Données
lang: fr
---

# Un tableau

Voici trois choses :

- les listes restent des listes ;
- les [liens](https://example.org/doc) gardent leur adresse ;
- et ![un chat qui dort](chat.png) garde son texte.

| Nom | Né en |
|-----|------:|
| Ada | 1815 |
| \`Alan\` \\| T. | 1912 |

Un lien [dangereux](javascript:alert(1)) et <b>du HTML</b>.

:::type{cell=plot}
\`\`\`python
print(1)
\`\`\`
:::

::run{alt="Une courbe qui monte"}

:::say
Remarquez la courbe :

1. elle monte ;
2. puis redescend.
:::

::run
`;

function script(): Script {
  const result = compile(tutorial);
  assert.ok(result.script, result.file.messages.join('\n'));
  assert.deepEqual(validateScript(JSON.parse(JSON.stringify(result.script))).problems, []);
  return result.script;
}

test('spoken narration reads a table row by row, each cell after its header, and an image as its alt text', () => {
  const narration = script().steps[0].narration;
  assert.match(narration, /\nNom: Ada, Né en: 1815\nNom: Alan \| T\., Né en: 1912\n/);
  assert.match(narration, /et un chat qui dort garde son texte/);
  assert.doesNotMatch(narration, /---|\| Nom|https:/);
});

test('the HTML transcript keeps lists as lists, tables as tables, links, images and the tutorial’s language', () => {
  const html = renderTranscript(buildTranscript(script()), 'html');
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<h1 lang="fr">Données<\/h1>/);
  assert.match(html, /<h2>Step 1 of 1: <span lang="fr">Un tableau<\/span><\/h2>/);
  assert.match(
    html,
    /<ul lang="fr"><li>les listes restent des listes ;<\/li><li>les <a href="https:\/\/example.org\/doc">liens<\/a> gardent leur adresse ;<\/li><li>et <img src="chat.png" alt="un chat qui dort"> garde son texte.<\/li><\/ul>/
  );
  assert.match(
    html,
    /<table lang="fr"><thead><tr><th scope="col">Nom<\/th><th scope="col">Né en<\/th><\/tr><\/thead><tbody><tr><td>Ada<\/td><td>1815<\/td><\/tr><tr><td>Alan \| T\.<\/td>/
  );
  // Never a link a reader could follow to run script, and never the author's HTML as markup.
  assert.match(html, /Un lien dangereux \(javascript:alert\(1\)\) et &#60;b&#62;du HTML&#60;\/b&#62;\./);
  assert.doesNotMatch(html, /href="javascript/);
});

test('`:::say` is narration between the actions, not an action, and numbering goes on after it', () => {
  const transcript = buildTranscript(script());
  const say = transcript.steps[0].actions.find(action => action.narration);
  assert.ok(say);
  assert.deepEqual(say.narration, [
    { kind: 'paragraph', content: [{ text: 'Remarquez la courbe :' }] },
    { kind: 'list', ordered: true, items: [[{ text: 'elle monte ;' }], [{ text: 'puis redescend.' }]] }
  ]);
  const html = renderTranscript(transcript, 'html');
  assert.match(
    html,
    /<\/ol>\n<p lang="fr">Remarquez la courbe :<\/p>\n<ol lang="fr"><li>elle monte ;<\/li><li>puis redescend\.<\/li><\/ol>\n<ol start="3">\n<li><p>Runs cell 1\.<\/p><\/li>/
  );
  const text = renderTranscript(transcript, 'text');
  assert.match(text, /\n\nRemarquez la courbe :\n\n1\. elle monte ;\n2\. puis redescend\.\n\n\* Runs cell 1\.\n$/);
});

test('a table in `:::say` is spoken row by row too', () => {
  const result = compile('---\ntitle: T\n---\n\n# One\n\n:::say\n| Name | Born |\n|---|---|\n| Ada | 1815 |\n:::\n');
  const say = result.script?.steps[0].operations[0];
  assert.equal(say?.op === 'narrate' ? say.text : undefined, 'Name: Ada, Born: 1815');
});

test('an expected output that is an image is told by its `alt=`', () => {
  const text = renderTranscript(buildTranscript(script()), 'text');
  assert.match(text, /\* Runs cell 1\. Expected output, an image: Une courbe qui monte\n/);
});

test('the text and Markdown transcripts read lists, tables and links linearly', () => {
  const text = renderTranscript(buildTranscript(script()), 'text');
  assert.match(
    text,
    /\n- les liens <https:\/\/example.org\/doc> gardent leur adresse ;\n- et \[image: un chat qui dort\] garde son texte\.\n\n- Nom: Ada; Né en: 1815\n- Nom: Alan \| T\.; Né en: 1912\n/
  );
  const markdown = renderTranscript(buildTranscript(script()), 'markdown');
  assert.match(
    markdown,
    /\n- les \[liens\]\(https:\/\/example.org\/doc\) gardent leur adresse ;\n- et !\[un chat qui dort\]\(chat.png\) garde son texte\.\n/
  );
  assert.match(markdown, /\n\* Nom: Ada; Né en: 1815\n/);
});

test('narration of plain paragraphs adds no structure to the script', () => {
  const result = compile('---\ntitle: Plain\n---\n\n# One\n\nJust *text*, `code` and\nmore text.\n');
  assert.equal(result.script?.steps[0].blocks, undefined);
  assert.equal(buildTranscript(result.script!).lang, 'en');
  assert.match(renderTranscript(buildTranscript(result.script!), 'html'), /<h1>Plain<\/h1>[\s\S]*<p>Just text, code and more text\.<\/p>/);
});
