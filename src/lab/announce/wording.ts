/** Phrases the player's messages share. */
import { nullTranslator, type TranslationBundle } from '@jupyterlab/translation';

/** "1, 2 and 4". */
function listNumbers(numbers: number[], trans: TranslationBundle): string {
  if (numbers.length <= 1) {
    return numbers.join('');
  }
  const separator = trans._p('between the numbers of a list, but the last two', ', ');
  return trans.__('%1 and %2', numbers.slice(0, -1).join(separator), numbers[numbers.length - 1]);
}

/** "cell 2", "cells 1, 2 and 4". */
export function cellsPhrase(numbers: number[], trans: TranslationBundle = nullTranslator.load('notecast')): string {
  return numbers.length === 1 ? trans.__('cell %1', numbers[0]) : trans._n('cell %2', 'cells %2', numbers.length, listNumbers(numbers, trans));
}

/** What went wrong, from whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A reason as a sentence of its own: ends with a full stop, once. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
