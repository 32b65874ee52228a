import type { OperationDefinitionNode } from 'graphql';
import { AppError, ErrorCode } from './errors.js';
import type { Viewer } from './viewer.js';

/** What a restricted person may still do: read who they are, and manage their password and sessions. */
const ACCOUNT_QUERIES = new Set(['me', 'mySessions', '__typename', '__schema', '__type']);
const ACCOUNT_MUTATIONS = new Set(['changePassword', 'logout', 'revokeSession', 'login']);

const rootFields = (operation: OperationDefinitionNode): string[] =>
  operation.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? selection.name.value : '…'));

/**
 * The one place a restricted viewer is held to what they may do over HTTP (queries and mutations), before anything
 * runs: a person with somebody else's password may only set their own; a read-only person may not change anything.
 * Fragments at the root count as a field that is not allowed. (WebSocket carries subscriptions only, which read
 * deadline alerts; plain routes ask mayUseRoutes.)
 */
export function assertViewerMayRun(viewer: Viewer | null, operation: OperationDefinitionNode | null | undefined): void {
  const restriction = viewer?.restriction;
  if (!restriction || !operation) return;
  const fields = rootFields(operation);
  const allowed =
    operation.operation === 'mutation'
      ? fields.every((field) => ACCOUNT_MUTATIONS.has(field))
      : restriction.code === 'READ_ONLY' || fields.every((field) => ACCOUNT_QUERIES.has(field));
  if (!allowed) {
    throw new AppError(
      restriction.code === 'PASSWORD_CHANGE_REQUIRED' ? ErrorCode.PASSWORD_CHANGE_REQUIRED : ErrorCode.READ_ONLY,
      restriction.message,
      { http: { status: 403 } },
    );
  }
}

/** Plain routes (downloads, upload bytes) are for people who have set their own password. */
export const mayUseRoutes = (viewer: Viewer): boolean => viewer.restriction?.code !== 'PASSWORD_CHANGE_REQUIRED';
