import type { Paragraph } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A pipe table's cells, each as the Markdown the author wrote in it. */
export interface PipeTable {
  header: string[];
  rows: string[][];
}

/** `|---|:--:|`: the line under a table's header. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Tables bigger than this stay paragraphs: narration is not a spreadsheet. */
const MAX_TABLE_CELLS = 1000;

/**
 * A paragraph that is a GitHub-style pipe table: a header row, a delimiter
 * row, then rows. The parser has no table syntax, so without this a table
 * would be read out as its pipes and dashes.
 */
export function readPipeTable(node: Paragraph, source: string): PipeTable | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    return undefined;
  }
  const lines = source.slice(start, end).split(/\r\n?|\n/);
  if (lines.length < 2 || !lines[0].includes('|') || !DELIMITER_ROW.test(lines[1]) || !lines[1].includes('-')) {
    return undefined;
  }
  const header = splitRow(lines[0]);
  if (header.length !== splitRow(lines[1]).length || header.length * lines.length > MAX_TABLE_CELLS) {
    return undefined;
  }
  const rows = lines.slice(2).map(line => {
    const cells = splitRow(line);
    // A row with fewer cells is filled, one with more cut, as GitHub does.
    return header.map((_, index) => cells[index] ?? '');
  });
  return { header, rows };
}

/** A row's cells: split at pipes that are not escaped and not inside inline code. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let ticks = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      let run = 1;
      while (line[i + run] === '`') {
        run++;
      }
      ticks = ticks === 0 ? run : ticks === run ? 0 : ticks;
      cell += line.slice(i, i + run);
      i += run - 1;
    } else if (c === '|' && ticks === 0) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  // The pipes at either end of the row open and close it; they hold no cell.
  if (/^\s*\|/.test(line)) {
    cells.shift();
  }
  if (/\|\s*$/.test(line) && !/\\\|\s*$/.test(line)) {
    cells.pop();
  }
  return cells.map(text => text.trim());
}

const inlineParser = unified().use(remarkParse);

/** A cell's Markdown as a paragraph, so its links, code and emphasis read as elsewhere. */
export function parseCell(markdown: string): Paragraph {
  const root = inlineParser.parse(markdown);
  const first = root.children[0];
  return first?.type === 'paragraph' ? first : { type: 'paragraph', children: [{ type: 'text', value: markdown }] };
}
