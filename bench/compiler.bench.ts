import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compile } from '../src/compiler/index.js';
import { stringifyScript } from '../src/format/index.js';
import { generateTutorial } from './generate.js';
import { pairedMedianMs, type BenchRow } from './measure.js';

/** Compile time against remark's bare parse of the same input, and script size against Markdown size. */
export function benchCompiler(steps = 1000): BenchRow[] {
  const markdown = generateTutorial(steps);
  const bare = unified().use(remarkParse);
  const [parseMs, compileMs] = pairedMedianMs(
    () => bare.parse(markdown),
    () => compile(markdown)
  );
  const { script, file } = compile(markdown);
  if (!script) {
    throw new Error(`the generated tutorial does not compile: ${file.messages.map(String).join('; ')}`);
  }
  const scriptBytes = Buffer.byteLength(stringifyScript(script));
  const markdownBytes = Buffer.byteLength(markdown);
  const ratio = compileMs / parseMs;
  return [
    { measure: `Markdown size (${steps} steps)`, value: `${(markdownBytes / 1024).toFixed(0)} KiB` },
    { measure: 'remark bare parse (median)', value: `${parseMs.toFixed(1)} ms` },
    { measure: 'notecast compile (median)', value: `${compileMs.toFixed(1)} ms` },
    { measure: 'compile / bare parse', value: `${ratio.toFixed(2)}×`, target: '≤ 2×', ok: ratio <= 2 },
    {
      measure: 'script bytes / Markdown bytes',
      value: `${(scriptBytes / markdownBytes).toFixed(2)}×`,
      target: '≤ 3×',
      ok: scriptBytes / markdownBytes <= 3
    }
  ];
}
