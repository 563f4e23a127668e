/** Phrases the player's messages share. */

/** "1, 2 and 4". */
function listNumbers(numbers: number[]): string {
  return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** "cell 2", "cells 1, 2 and 4". */
export function cellsPhrase(numbers: number[]): string {
  return numbers.length === 1 ? `cell ${numbers[0]}` : `cells ${listNumbers(numbers)}`;
}
