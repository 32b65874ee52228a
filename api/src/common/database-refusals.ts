import { defaultFieldResolver, getNullableType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AppContext } from './context.js';
import { databaseRefusal, loggableError } from './errors.js';
import { userError } from './user-error.js';

/** One savepoint at a time: mutation fields run one after another. */
const SAVEPOINT = 'mutation_field';

/**
 * Mutations answer what the database refused of their input as a userError in their payload, like any other problem
 * a person can fix: a unique, check or not-null constraint, or a malformed value, that the service's own checks let
 * through (two identical requests racing past a duplicate check, a rule the service forgot). Each mutation field runs
 * inside a savepoint of the request's transaction: a refusal rolls back that field's writes only (its audit row with
 * them), and the transaction stays usable for the fields after it. The log says which constraint, never the values.
 * Mutations whose payload has required fields besides userErrors keep throwing; formatError then answers
 * BAD_USER_INPUT and the whole request rolls back.
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
      const inTransaction = context.em.isInTransaction();
      if (inTransaction) await context.em.execute(`savepoint ${SAVEPOINT}`);
      try {
        const result: unknown = await resolve(source, args, context, info);
        if (inTransaction) await context.em.execute(`release savepoint ${SAVEPOINT}`);
        return result;
      } catch (error) {
        const refusal = databaseRefusal(error);
        if (!refusal || !inTransaction) throw error;
        await context.em.execute(`rollback to savepoint ${SAVEPOINT}`);
        // Entities the refused field created or changed are no longer what the database holds.
        context.em.clear();
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
