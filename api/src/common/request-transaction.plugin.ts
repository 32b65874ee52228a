import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config.js';
import type { AppContext } from './context.js';
import { assertWithinQueryLimits } from './query-limits.js';
import { applyTenantScope } from './tenant.js';

/**
 * Runs each HTTP operation in one transaction scoped to the viewer's tenant: it begins when execution starts,
 * commits when the response carries no error, and rolls back otherwise, so a failed mutation leaves nothing behind.
 */
export function requestTransactionPlugin(config: AppConfig): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      let open = false;
      return {
        async didResolveOperation({ document, operationName, request }) {
          assertWithinQueryLimits(document, operationName, request.variables, config.queryLimits);
        },
        async executionDidStart({ contextValue }) {
          await contextValue.em.begin();
          open = true;
          await applyTenantScope(contextValue.em, {
            schoolId: contextValue.viewer?.schoolId ?? null,
            authorityId: contextValue.viewer?.authorityId ?? null,
          });
        },
        async willSendResponse({ contextValue, response }) {
          if (!open) return;
          open = false;
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          if (failed) await contextValue.em.rollback();
          else await contextValue.em.commit();
        },
      };
    },
  };
}
