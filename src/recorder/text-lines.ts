/** Counting lines while a tutorial is written, so a note's line costs nothing to find. */

/** The lines of a text being written, each entry one or more lines, counted as they come. */
export class Lines {
  private readonly entries: string[] = [];
  private next = 1;

  /** Add entries; returns the line number the last one starts on. */
  push(...entries: string[]): number {
    let start = this.next;
    for (const entry of entries) {
      this.entries.push(entry);
      start = this.next;
      this.next += lineBreaks(entry) + 1;
    }
    return start;
  }

  text(): string {
    return `${this.entries.join('\n')}\n`;
  }
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    count++;
  }
  return count;
}
