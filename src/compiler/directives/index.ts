import { cellDirective } from './cell.js';
import { deleteDirective } from './delete.js';
import type { Directive } from './directive.js';
import { pauseDirective } from './pause.js';
import { pointDirective } from './point.js';
import { replaceDirective } from './replace.js';
import { runDirective } from './run.js';
import { sayDirective } from './say.js';
import { typeDirective } from './type.js';
import { waitDirective } from './wait.js';

export type { Directive, DirectiveContext, DirectiveNode } from './directive.js';

/** Every directive of the authoring language, by name. */
export const directives: ReadonlyMap<string, Directive> = new Map(
  [typeDirective, replaceDirective, cellDirective, deleteDirective, runDirective, pauseDirective, sayDirective, waitDirective, pointDirective].map(
    directive => [directive.name, directive]
  )
);
