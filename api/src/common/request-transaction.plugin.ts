import type { ApolloServerPlugin } from '@apollo/server';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { OperationDefinitionNode } from 'graphql';
import type { AppConfig } from './config.js';
import type { AppContext } from './context.js';
import { assertAcceptableOperation } from './operation-edge.js';
import { applyTenantScope } from './tenant.js';
import { assertViewerMayRun } from './viewer-restriction.js';

interface DriverClient {
  _query(connection: unknown, query: unknown): Promise<unknown>;
}

/**
 * GraphQL resolves sibling fields concurrently, but a transaction has one connection, which runs one statement at a
 * time. Queue them here, in order, instead of leaning on the pg driver's deprecated implicit queue.
 */
function queueStatements(transaction: Knex.Transaction): void {
  // The transaction's own client object: only this request's statements pass here.
  const client = transaction.client as unknown as DriverClient;
  const run = client._query.bind(client);
  let tail: Promise<unknown> = Promise.resolve();
  client._query = (connection, query) => {
    const result = tail.then(() => run(connection, query));
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * Mutations that read many tables and must see them as of one moment (a submission package is built from one
 * snapshot). Their transaction begins REPEATABLE READ: PostgreSQL takes the isolation level only before the first
 * statement of a transaction, and the tenant's set_config is already a statement, so it is chosen at BEGIN here.
 */
export const SNAPSHOT_MUTATIONS = new Set(['submitTerm', 'exportPrecheckRoster']);

/** Refuses to go on unless the caller runs in the REPEATABLE READ transaction SNAPSHOT_MUTATIONS gives it. */
export async function requireSnapshot(em: EntityManager, mutation: string): Promise<void> {
  const [isolation] = await em.execute<{ transaction_isolation: string }[]>('show transaction_isolation');
  if (isolation?.transaction_isolation !== 'repeatable read') {
    throw new Error(`${mutation} must run in a REPEATABLE READ transaction (SNAPSHOT_MUTATIONS)`);
  }
}

export function needsSnapshot(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'mutation' &&
    operation.selectionSet.selections.some(
      (selection) => selection.kind === 'Field' && SNAPSHOT_MUTATIONS.has(selection.name.value),
    )
  );
}

/** `{ __typename }`, what clients send to see the API answer: nothing in it reads the database. */
function readsNoData(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === 'Field' && selection.name.value === '__typename',
    )
  );
}

/**
 * Commits a request's transaction. A mutation flushes first, as MikroORM's commit does. A query that persisted or
 * removed nothing commits as it is: what a query writes (an access record) it writes with its own statement, and
 * the flush would only compare every entity the page loaded against its snapshot, most of a query's commit. Outside
 * production that comparison still runs, and a query that changed a loaded entity without persisting it fails there
 * (in the tests) instead of losing the change.
 */
async function commitRequest(em: EntityManager, mutation: boolean, checkQueries: boolean): Promise<void> {
  const unitOfWork = em.getUnitOfWork();
  if (mutation || unitOfWork.getPersistStack().size > 0 || unitOfWork.getRemoveStack().size > 0) {
    await em.commit();
    return;
  }
  if (checkQueries) {
    unitOfWork.computeChangeSets();
    const changed = unitOfWork.getChangeSets().map((changeSet) => changeSet.name);
    if (changed.length > 0) {
      await em.rollback();
      throw new Error(`a query changed ${changed.join(', ')} without persisting it`);
    }
  }
  await em.getConnection('write').commit(em.getTransactionContext<Knex.Transaction>()!);
  em.resetTransactionContext();
}

/**
 * Runs each HTTP operation in one transaction scoped to the viewer's tenant: it begins when execution starts,
 * commits when the response carries no error, and rolls back otherwise, so a failed mutation leaves nothing behind
 * (and its response no data). An operation that reads nothing opens no transaction.
 */
export function requestTransactionPlugin(
  config: AppConfig,
  /** Waited for after a mutation commits, before its answer is sent (the session cache hearing what it changed). */
  afterMutationCommit: () => Promise<void>,
): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      let open = false;
      let mutation = false;
      return {
        async didResolveOperation({ schema, document, operationName, request, operation, contextValue }) {
          assertAcceptableOperation(schema, document, operationName, request.variables, config.queryLimits);
          assertViewerMayRun(contextValue.viewer, operation);
        },
        async executionDidStart({ contextValue, operation }) {
          if (readsNoData(operation)) return;
          await contextValue.em.begin(
            needsSnapshot(operation) ? { isolationLevel: IsolationLevel.REPEATABLE_READ } : undefined,
          );
          open = true;
          mutation = operation?.operation === 'mutation';
          queueStatements(contextValue.em.getTransactionContext<Knex.Transaction>()!);
          await applyTenantScope(contextValue.em, {
            schoolId: contextValue.viewer?.schoolId ?? null,
            authorityId: contextValue.viewer?.authorityId ?? null,
          });
        },
        async willSendResponse({ contextValue, response }) {
          if (!open) return;
          open = false;
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          if (failed) {
            await contextValue.em.rollback();
            // What the other fields resolved was rolled back with them: a one-time password whose hash was never
            // stored, a national ID whose read was never recorded. None of it is sent (clients drop data that comes
            // with errors anyway).
            if (response.body.kind === 'single') response.body.singleResult.data = null;
          } else {
            await commitRequest(contextValue.em, mutation, config.nodeEnv !== 'production');
            if (mutation) await afterMutationCommit();
            contextValue.cookies?.committed();
          }
        },
      };
    },
  };
}
