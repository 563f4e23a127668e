/**
 * The script schema as Ajv validators: the script without its operations,
 * and one operation. Ajv gathers the errors of a `$ref` by concatenating
 * arrays, which with every error kept costs the square of the error count
 * (40,000 bad operations took minutes); validating each operation on its own
 * keeps each concatenation small. In its own file so that a bundle for pages
 * with a strict Content-Security-Policy (no `eval`, so no Ajv compiling at
 * run time) can put the same validators there precompiled (scripts/build-web.mjs).
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import schema from './script.schema.json' with { type: 'json' };

export type Validator = ValidateFunction;

export interface SchemaValidators {
  shell: Validator;
  operation: Validator;
}

/** The ids `schemaAjv` gives the two validators' schemas. */
export const VALIDATOR_IDS = { shell: 'notecast-script-shell', operation: 'notecast-script-operation' } as const;

/** An Ajv holding the schema and the two validators' schemas under `VALIDATOR_IDS`; `options` added to Notecast's. */
export function schemaAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  ajv.addSchema(schema);
  const shell = structuredClone(schema) as Record<string, unknown> & typeof schema;
  (shell as { $id?: string }).$id = VALIDATOR_IDS.shell;
  (shell.properties.steps.items.properties.operations as { items: unknown }).items = true;
  ajv.addSchema(shell);
  ajv.addSchema({ $id: VALIDATOR_IDS.operation, $ref: `${schema.$id}#/definitions/operation` });
  return ajv;
}

let validators: SchemaValidators | undefined;

export function schemaValidators(): SchemaValidators {
  if (!validators) {
    const ajv = schemaAjv();
    validators = { shell: ajv.getSchema(VALIDATOR_IDS.shell)!, operation: ajv.getSchema(VALIDATOR_IDS.operation)! };
  }
  return validators;
}
