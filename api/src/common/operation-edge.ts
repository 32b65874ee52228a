import { getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { QueryLimits } from './config.js';
import { assertCleanInput } from './input-text.js';
import { assertWithinQueryLimits } from './query-limits.js';

/**
 * What every parsed and validated operation passes before it runs, over HTTP and over WebSocket alike: its size
 * (depth, cost, page sizes) and the text of its input. Throws a GraphQL error a client can read; nothing has run yet.
 */
export function assertAcceptableOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  assertWithinQueryLimits(schema, document, operation, variables ?? {}, limits);
  assertCleanInput(schema, document, operation, variables);
}
