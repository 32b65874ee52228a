import { defaultFieldResolver, getNullableType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AppContext } from './context.js';
import { databaseRefusal, loggableError } from './errors.js';
import { userError } from './user-error.js';

/**
 * Mutations answer what the database refused of their input as a userError in their payload, like any other problem
 * a person can fix: a unique, check or not-null constraint, or a malformed value, that the service's own checks let
 * through (two identical requests racing past a duplicate check, a rule the service forgot). The request's
 * transaction is rolled back, so nothing of the mutation stays, and the log says which constraint, never the values.
 * Mutations whose payload has required fields besides userErrors keep throwing; formatError then answers
 * BAD_USER_INPUT.
 */
export function answerDatabaseRefusalsAsUserErrors(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const payloadType = getNullableType(field.type);
    if (!isObjectType(payloadType)) continue;
    const fields = payloadType.getFields();
    if (!fields.userErrors) continue;
    if (Object.entries(fields).some(([name, f]) => name !== 'userErrors' && isNonNullType(f.type))) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: AppContext, info) => {
      try {
        return await resolve(source, args, context, info);
      } catch (error) {
        const refusal = databaseRefusal(error);
        if (!refusal) throw error;
        context.rollbackOnly = true;
        context.services.log.warn('database refused input', {
          requestId: context.requestId,
          mutation: info.fieldName,
          ...loggableError(error),
        });
        return { userErrors: [userError(null, refusal.code, refusal.message)] };
      }
    };
  }
  return schema;
}
