import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { QueryLimits } from './config.js';
import { AppError, ErrorCode } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * Tokens a GraphQL document may have. The client's largest document has about a hundred; the parser stops counting
 * here, so a megabyte of query text is refused before any tree is built from it.
 */
export const MAX_DOCUMENT_TOKENS = 4000;

interface Measure {
  depth: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, cost: 0 };

/** A number beyond which the exact cost no longer matters; keeps the arithmetic (and the message) finite. */
const COST_CEILING = Number.MAX_SAFE_INTEGER;

/**
 * Depth counts nested fields; cost counts every field once per row that can reach it, so a connection asked for
 * `first: 100` multiplies what is selected beneath it. Introspection fields are not counted.
 *
 * Each fragment is measured once and its measure reused at every spread: cost is linear in what a fragment selects,
 * so the rows above a spread multiply the fragment's cost without walking it again. Walking every path instead takes
 * exponential time on a kilobyte of fragments that each spread the next one twice.
 */
class QueryMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();
  private readonly variableDefaults = new Map<string, ValueNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) this.variableDefaults.set(definition.variable.name.value, definition.defaultValue);
    }
  }

  selectionSet(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType | undefined): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        inner = this.field(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : parentType;
        inner = this.selectionSet(selection.selectionSet, condition);
      } else {
        inner = this.fragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      cost = Math.min(COST_CEILING, cost + inner.cost);
    }
    return { depth, cost };
  }

  private field(field: FieldNode, parentType: GraphQLCompositeType | undefined): Measure {
    if (field.name.value.startsWith('__')) return NOTHING;
    const definition =
      parentType && (isObjectType(parentType) || isInterfaceType(parentType))
        ? parentType.getFields()[field.name.value]
        : undefined;
    const childType = definition ? getNamedType(definition.type) : undefined;
    const child = field.selectionSet
      ? this.selectionSet(field.selectionSet, isCompositeType(childType) ? childType : undefined)
      : NOTHING;
    const pages = definition?.args.some((arg) => arg.name === 'first') ?? false;
    const limit = definition?.args.find((arg) => arg.name === 'limit');
    const rows = pages ? this.pageSize(field) : limit ? this.limitSize(field, limit.defaultValue) : 1;
    return { depth: child.depth + 1, cost: Math.min(COST_CEILING, 1 + rows * child.cost) };
  }

  private fragment(name: string): Measure {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // A cycle or an unknown fragment never passes validation; measuring it as nothing keeps this walk finite.
    if (!fragment || this.inProgress.has(name)) return NOTHING;
    this.inProgress.add(name);
    const measure = this.selectionSet(fragment.selectionSet, this.compositeType(fragment.typeCondition.name.value));
    this.inProgress.delete(name);
    this.measured.set(name, measure);
    return measure;
  }

  /**
   * A plain list capped by a `limit` argument (rows of an import's problems): as many rows as it may return, the
   * argument's default when it is left out. The resolver refuses a limit out of its range.
   */
  private limitSize(field: FieldNode, fallback: unknown): number {
    const value = this.argumentValue(field, 'limit') ?? fallback;
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
  }

  private argumentValue(field: FieldNode, name: string): unknown {
    const argument = field.arguments?.find((arg) => arg.name.value === name);
    if (argument?.value.kind === Kind.VARIABLE) {
      const variable = argument.value.name.value;
      return variable in this.variables ? this.variables[variable] : literal(this.variableDefaults.get(variable));
    }
    return literal(argument?.value);
  }

  private compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    return isCompositeType(type) ? type : undefined;
  }

  /**
   * The largest page a connection field can return for this request: its `first` as written, from the variable's
   * value, else the variable's default, else the server's default page size. A page size the connection would refuse
   * is refused here, before anything runs: a negative one would otherwise subtract from the cost of its siblings.
   */
  private pageSize(field: FieldNode): number {
    const value = this.argumentValue(field, 'first');
    if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
    if (typeof value !== 'number' || !Number.isInteger(value)) return MAX_PAGE_SIZE;
    if (value < 1 || value > MAX_PAGE_SIZE) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `每頁筆數必須介於 1 到 ${MAX_PAGE_SIZE} 之間，目前是 ${value}。`, {
        field: 'first',
        http: { status: 400 },
      });
    }
    return value;
  }
}

function literal(value: ValueNode | undefined): unknown {
  if (!value || value.kind === Kind.NULL) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  return undefined;
}

/** Throws a clear error when the operation is deeper or costlier than the limits allow. */
export function assertWithinQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): void {
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = new QueryMeasurer(schema, document, operation, variables).selectionSet(
    operation.selectionSet,
    rootType,
  );
  if (depth > limits.maxDepth) {
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `查詢的巢狀層數為 ${depth} 層，超過上限 ${limits.maxDepth} 層，請拆成較小的查詢。`,
      { depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    );
  }
  if (cost > limits.maxCost) {
    const shown = cost >= COST_CEILING ? '極大' : cost.toLocaleString('en-US');
    throw new AppError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `查詢的預估成本為 ${shown}，超過上限 ${limits.maxCost.toLocaleString('en-US')}，請減少每頁筆數或欄位。`,
      { cost, maxCost: limits.maxCost, http: { status: 400 } },
    );
  }
}
