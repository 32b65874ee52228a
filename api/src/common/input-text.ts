import {
  getVariableValues,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { AppError, ErrorCode } from './errors.js';

/**
 * Characters no text may hold, wherever it comes from: C0 controls other than tab and line breaks (NUL among them,
 * which PostgreSQL cannot store), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates that
 * make a name or a file name display differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Allowed only where a person writes paragraphs (簡述, counseling content, reasons, notes). */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;

export type TextProblem = 'CONTROL_CHARACTERS' | 'LINE_BREAKS';

/** What is wrong with a piece of text, if anything: unusable characters, or line breaks in a one-line field. */
export function textProblem(text: string, multiline: boolean): TextProblem | null {
  if (FORBIDDEN.test(text) || LONE_SURROGATE.test(text)) return 'CONTROL_CHARACTERS';
  if (!multiline && LINE_BREAKS.test(text)) return 'LINE_BREAKS';
  return null;
}

/**
 * Characters that show nothing: format characters (zero-width spaces, joiners, direction marks), separators, lone
 * combining marks, and the letters that are blank by design (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** A name must show at least one letter or digit; one made only of invisible characters would display as nothing. */
export const hasVisibleText = (text: string): boolean => /[\p{L}\p{N}]/u.test(text.replace(INVISIBLE, ''));

/** Marks an input field (with type-graphql's @Extensions) as one where tab and line breaks are part of the text. */
export const MULTILINE = { multiline: true } as const;

const isMultiline = (definition: GraphQLArgument | GraphQLInputField): boolean =>
  (definition.extensions as { multiline?: unknown } | undefined)?.multiline === true;

function refuse(problem: TextProblem, path: string[]): AppError {
  const where = path.join('.');
  const message =
    problem === 'CONTROL_CHARACTERS'
      ? `輸入的文字含有無法處理的字元（控制字元、方向控制字元或不完整的字元），請刪除後重新輸入。（欄位：${where}）`
      : `這個欄位只能填一行文字，請移除換行或定位（Tab）字元。（欄位：${where}）`;
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { field: where, reason: problem, http: { status: 400 } });
}

function checkValue(value: unknown, type: GraphQLInputType, multiline: boolean, path: string[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, multiline, path);
  if (isListType(type)) {
    if (Array.isArray(value))
      value.forEach((item, index) => checkValue(item, type.ofType, multiline, [...path, `${index}`]));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      checkValue((value as Record<string, unknown>)[name], field.type, isMultiline(field), [...path, name]);
    }
    return;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value, multiline);
    if (problem) throw refuse(problem, path);
  }
}

/**
 * The one edge every GraphQL input passes (HTTP and WebSocket): each argument of each field, whether written in the
 * document or sent as a variable, is read as the field will receive it and every string in it checked. Runs before
 * execution, so a refused request has touched nothing. Variables that do not coerce to their types are refused here
 * too.
 */
export function assertCleanInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Over HTTP execution would say the same; over WebSocket nothing else would say it in the user's terms.
  if (coerced.errors) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, coerced.errors[0]!.message, { http: { status: 400 } });
  }
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const value = valueFromAST(node.value, argument.type, coerced.coerced);
        checkValue(value, argument.type, isMultiline(argument), [node.name.value]);
      },
    }),
  );
}
