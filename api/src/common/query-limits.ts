import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { QueryLimits } from '../config.js';
import { AppError, ErrorCode } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

interface Measure {
  depth: number;
  cost: number;
}

function pageArgument(
  args: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  variables: Record<string, unknown>,
): number | null {
  const first = args?.find((arg) => arg.name.value === 'first');
  if (!first) return null;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) {
    const value = variables[first.value.name.value];
    return typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
  }
  return MAX_PAGE_SIZE;
}

/**
 * Depth counts nested fields; cost counts every field once per row that can reach it, so a connection asked for
 * `first: 100` multiplies what is selected beneath it. Introspection fields are not counted.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure = { depth: 0, cost: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const child = selection.selectionSet
        ? measure(selection.selectionSet, fragments, variables, seen)
        : { depth: 0, cost: 0 };
      const rows = pageArgument(selection.arguments, variables) ?? 1;
      inner = { depth: child.depth + 1, cost: 1 + rows * child.cost };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, variables, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      inner = measure(fragment.selectionSet, fragments, variables, new Set([...seen, name]));
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

/** The one check of query size, used by the HTTP and the WebSocket paths. Throws a clear error when over a limit. */
export function assertWithinQueryLimits(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
  if (!operation) return;
  const { depth, cost } = measure(operation.selectionSet, fragments, variables ?? {}, new Set());
  if (depth > limits.maxDepth) {
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `查詢的巢狀層數為 ${depth} 層，超過上限 ${limits.maxDepth} 層，請拆成較小的查詢。`,
      { depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    );
  }
  if (cost > limits.maxCost) {
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `查詢的預估成本為 ${cost}，超過上限 ${limits.maxCost}，請減少每頁筆數或欄位。`,
      { cost, maxCost: limits.maxCost, http: { status: 400 } },
    );
  }
}
