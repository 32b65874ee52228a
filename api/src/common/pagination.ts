import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';
import { isUuid } from './ids.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `每頁筆數（預設 ${DEFAULT_PAGE_SIZE}，上限 ${MAX_PAGE_SIZE}）` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '從這個游標之後開始' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Connection` and `<Name>Edge` for one node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${name} 的分頁清單` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: '與 edges 的 node 相同，方便不需要游標時使用' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export function pageSize(args: ConnectionArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`每頁筆數必須介於 1 到 ${MAX_PAGE_SIZE} 之間，目前是 ${first}。`, 'first');
  }
  return first;
}

export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The key most connections sort by: one column's value, then the row's id. */
const isValueAndId = (key: unknown[]): key is [CursorValue, string] =>
  key.length === 2 &&
  (typeof key[0] === 'string' || typeof key[0] === 'number') &&
  typeof key[1] === 'string' &&
  isUuid(key[1]);

/**
 * The one cursor codec's reading half: the sort key a cursor carries, checked by `isKey` (by default a value and a
 * row id). Anything else, however it was made, is bad input with the same message.
 */
export function decodeCursor(cursor: string): [CursorValue, string];
export function decodeCursor<Key extends CursorValue[]>(cursor: string, isKey: (key: unknown[]) => key is Key): Key;
export function decodeCursor(cursor: string, isKey: (key: unknown[]) => boolean = isValueAndId): CursorValue[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && isKey(parsed)) return parsed as CursorValue[];
  } catch {
    // fall through to the error below
  }
  throw badInput('分頁游標無效，請從第一頁重新載入。', 'after');
}

/**
 * Keyset pagination ordered by one column and then the id, both ascending or both descending: stable while rows are
 * added, and an index range scan on (school_id, column, ...) instead of an OFFSET that reads every skipped row.
 */
export async function paginate<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  args: ConnectionArgs,
  orderKey: K,
  direction: 'asc' | 'desc' = 'asc',
): Promise<Connection<T>> {
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  const limit = pageSize(args);
  let filter = where;
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const after = {
      $or: [{ [orderKey]: { [beyond]: value } }, { [orderKey]: value, id: { [beyond]: id } }],
    } as unknown as FilterQuery<T>;
    filter = { $and: [where, after] } as unknown as FilterQuery<T>;
  }
  const rows = (await em.find(entity, filter, {
    orderBy: { [orderKey]: direction, id: direction } as never,
    limit: limit + 1,
  })) as T[];
  return connectionOf(rows, limit, (node) => [node[orderKey] as CursorValue, node.id]);
}

/** A page from rows read with `limit + 1` (the extra row only says there is a next page), each with its cursor. */
export function connectionOf<T>(rows: T[], limit: number, keyOf: (node: T) => [CursorValue, string]): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
