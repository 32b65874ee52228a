import { helper, ReferenceKind, wrap, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { pgTextArray } from './sql.js';
import { TENANT_FILTER } from './tenant.js';

// The one loader factory: each module builds its loaders (`<module>.loaders.ts`) from these shapes (byId, byKey,
// manyByKey; manyByQuery for a lookup through a join, computedByKey for numbers PostgreSQL counts), so every by-id or
// by-key lookup batches into a single query per tick, scoped to the request's tenant.
//
// Loaders are the hot read path (a page of forty students reads through them), and MikroORM's `em.find` spends most
// of its time building the query: criteria, aliases, knex. A loader's query is always the same shape, so it is
// written once per entity and key, sent through the request's EntityManager (its transaction, its statement queue)
// and hydrated into the request's identity map the way `em.find` does. A page's own statement with the rows it joins
// goes through rowsWithJoined. Anything else (a filter through relations, ordering by a relation) still goes through
// `em.find`.

type EntityWithId = { id: string };

const COLUMN_KINDS = new Set<string>([ReferenceKind.SCALAR, ReferenceKind.EMBEDDED, ReferenceKind.MANY_TO_ONE]);

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The one column a property is stored in (a scalar, or a to-one relation's foreign key), or null. */
function columnOf(meta: EntityMetadata, property: string): string | null {
  const prop = meta.properties[property as never] as { kind: string; fieldNames?: string[] } | undefined;
  if (!prop || !COLUMN_KINDS.has(prop.kind) || prop.fieldNames?.length !== 1) return null;
  return prop.fieldNames[0]!;
}

interface LeanQuery {
  sql: string;
  tenant: boolean;
}

/** Per process: a loader's query depends only on its entity, key and order, and a request runs many of them. */
const leanQueries = new Map<string, LeanQuery | null>();

/**
 * `select * from <table> where [school_id = ? and] <key column> = any(?)` with an ORDER BY of the entity's own
 * columns, or null when the lookup needs `em.find` (ordering through a relation).
 */
function leanQuery(
  em: EntityManager,
  entity: new () => unknown,
  key: string,
  orderBy: Record<string, unknown>,
): LeanQuery | null {
  const cacheKey = `${entity.name}\0${key}\0${JSON.stringify(orderBy)}`;
  if (leanQueries.has(cacheKey)) return leanQueries.get(cacheKey)!;
  const meta = em.getMetadata().get(entity.name);
  const keyColumn = columnOf(meta, key);
  let query: LeanQuery | null = null;
  const order: string[] = [];
  for (const [property, direction] of Object.entries(orderBy)) {
    const column = columnOf(meta, property);
    if (!column || (direction !== 'asc' && direction !== 'desc')) break;
    order.push(`${quoteIdentifier(column)} ${direction}`);
  }
  if (keyColumn && order.length === Object.keys(orderBy).length) {
    // Layer two of tenancy (common/tenant.ts) as em.find applies it: the request's school, never the caller's input.
    const tenant = Boolean(meta.filters?.[TENANT_FILTER]);
    // One array literal, not `in (?)`: PostgreSQL parsed and estimated a list of forty quoted keys one by one, which
    // cost more than running the statement.
    const where = `${tenant ? 'school_id = ? and ' : ''}${quoteIdentifier(keyColumn)} = any(?)`;
    const orderClause = order.length > 0 ? ` order by ${order.join(', ')}` : '';
    query = { sql: `select * from ${quoteIdentifier(meta.tableName)} where ${where}${orderClause}`, tenant };
  }
  leanQueries.set(cacheKey, query);
  return query;
}

interface LoadedColumns {
  /** The properties an entity loaded whole has loaded. */
  properties: string[];
  /** The columns they are read from (a scalar's own, a to-one relation's foreign key). */
  fields: string[];
}

/** Per process, by entity. */
const loadedColumns = new Map<string, LoadedColumns>();

function loadedColumnsOf(em: EntityManager, entity: new () => unknown): LoadedColumns {
  let columns = loadedColumns.get(entity.name);
  if (!columns) {
    const props = em
      .getMetadata()
      .get(entity.name)
      .props.filter((prop) => prop.persist !== false && !prop.lazy && COLUMN_KINDS.has(prop.kind));
    columns = { properties: props.map((prop) => prop.name), fields: props.flatMap((prop) => prop.fieldNames ?? []) };
    loadedColumns.set(entity.name, columns);
  }
  return columns;
}

/** Rows as PostgreSQL returned them, made entities of the request's identity map exactly as `em.find` makes them. */
export function hydrateRows<T>(em: EntityManager, entity: new () => T, rows: Record<string, unknown>[]): T[] {
  const meta = em.getMetadata().get(entity.name);
  const driver = em.getDriver();
  const factory = em.getEntityFactory();
  return rows.map(
    (row) =>
      factory.create(entity.name, driver.mapResult(row, meta) as never, { merge: true, convertCustomTypes: true }) as T,
  );
}

/** The school a request's EntityManager is scoped to (common/tenant.ts), never the caller's input; null for none. */
export function tenantSchoolOf(em: EntityManager): string | null {
  return em.getFilterParams<{ schoolId: string | null }>(TENANT_FILTER)?.schoolId ?? null;
}

/** An entity read beside the main one by a statement's join, under its table alias. */
export interface JoinedEntity {
  entity: new () => unknown;
  alias: string;
}

/**
 * The rows of one statement written for a page, each with the rows it joins, made entities of the request's identity
 * map: `from` (everything after the select list) joins the main entity as `mainAlias` and each joined entity under
 * its alias (a left join leaves it out of a row). What the joins bring is what the page's field resolvers go on to
 * read through their loaders, which find it in the identity map: one statement instead of one per relation, and
 * none of the ORM's query building.
 */
export async function rowsWithJoined<T>(
  em: EntityManager,
  main: new () => T,
  mainAlias: string,
  joined: JoinedEntity[],
  from: string,
  params: unknown[],
): Promise<T[]> {
  const select = [
    `${quoteIdentifier(mainAlias)}.*`,
    ...joined.flatMap(({ entity, alias }) =>
      loadedColumnsOf(em, entity).fields.map(
        (field) => `${quoteIdentifier(alias)}.${quoteIdentifier(field)} as ${quoteIdentifier(`${alias}__${field}`)}`,
      ),
    ),
  ];
  const rows = await em.execute<Record<string, unknown>[]>(`select ${select.join(', ')} ${from}`, params);
  for (const { entity, alias } of joined) {
    const fields = loadedColumnsOf(em, entity).fields;
    const seen = new Set<unknown>();
    const own: Record<string, unknown>[] = [];
    for (const row of rows) {
      const id = row[`${alias}__id`];
      if (id === null || id === undefined || seen.has(id)) continue;
      seen.add(id);
      own.push(Object.fromEntries(fields.map((field) => [field, row[`${alias}__${field}`]])));
    }
    hydrateRows(em, entity, own);
  }
  const mainFields = loadedColumnsOf(em, main).fields;
  return hydrateRows(
    em,
    main,
    rows.map((row) => Object.fromEntries(mainFields.map((field) => [field, row[field]]))),
  );
}

/** Every row of `entity` whose `key` is one of `keys`, through the lean query when it can be written, em.find otherwise. */
async function rowsByKey<T>(
  em: EntityManager,
  entity: new () => T,
  key: string,
  keys: readonly string[],
  orderBy: Record<string, unknown> = {},
): Promise<T[]> {
  const lean = leanQuery(em, entity, key, orderBy);
  if (!lean) {
    return (await em.find(entity as never, { [key]: { $in: [...keys] } } as never, { orderBy } as never)) as T[];
  }
  const schoolId = lean.tenant ? tenantSchoolOf(em) : null;
  // A tenant-owned row is never found without a tenant (a bureau account, an anonymous request).
  if (lean.tenant && !schoolId) return [];
  const params = lean.tenant ? [schoolId, pgTextArray(keys)] : [pgTextArray(keys)];
  return hydrateRows(em, entity, await em.execute<Record<string, unknown>[]>(lean.sql, params));
}

/**
 * Batches by-id lookups of one entity into a single query per tick, scoped to the request's tenant. `inHand`: rows
 * of the request's tenant the caller already holds as PostgreSQL returned them (a school's cached reference rows),
 * used instead of asking again.
 */
export function byId<T extends EntityWithId>(
  em: EntityManager,
  entity: new () => T,
  inHand?: ReadonlyMap<string, Record<string, unknown>>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    // What this request already loaded (a student found by their account, say) is in its identity map, fully
    // loaded, and of the request's tenant: asking PostgreSQL again would only return the same row.
    const unitOfWork = em.getUnitOfWork();
    const columns = loadedColumnsOf(em, entity).properties;
    const found = new Map<string, T>();
    for (const id of ids) {
      const row = inHand?.get(id);
      if (row) {
        found.set(id, hydrateRows(em, entity, [row])[0]!);
        continue;
      }
      const known = unitOfWork.getById<T>(entity.name, id as never);
      // Loaded with every column: not a reference, nor an entity some service loaded with `fields` only.
      const loaded = known && helper(known).__loadedProperties;
      if (known && wrap(known).isInitialized() && loaded && columns.every((name) => loaded.has(name))) {
        found.set(id, known);
      }
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      for (const row of await rowsByKey(em, entity, 'id', missing)) found.set(row.id, row);
    }
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function byKey<T, K extends keyof T & string>(
  em: EntityManager,
  entity: new () => T,
  key: K,
  keyOf: (row: T) => string | null,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await rowsByKey(em, entity, key, keys);
    const found = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** All rows of an entity for each key, in one query per tick. */
export function manyByKey<T, K extends keyof T & string>(
  em: EntityManager,
  entity: new () => T,
  key: K,
  keyOf: (row: T) => string,
  orderBy: Record<string, unknown>,
  where: Record<string, unknown> = {},
  /**
   * Relations every caller goes on to read, fetched in the same statement: they land in the request's identity map,
   * where `byId` finds them without asking again.
   */
  populate: string[] = [],
): DataLoader<string, T[]> {
  const simple = Object.keys(where).length === 0 && populate.length === 0;
  return new DataLoader<string, T[]>(async (keys) => {
    let rows: T[];
    if (simple) {
      rows = await rowsByKey(em, entity, key, keys, orderBy);
    } else {
      const filter = { ...where, [key]: { $in: [...keys] } };
      const options = populate.length > 0 ? { orderBy, populate, strategy: 'joined' } : { orderBy };
      rows = (await em.find(entity as never, filter as never, options as never)) as T[];
    }
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * All rows of an entity for each key, from a statement written for the lookup (a filter through a join), with the
 * entities it joins (see rowsWithJoined): `from` is everything after the select list, with the main entity as
 * `mainAlias`, and `params` places the request's school and the keys (the school is never the caller's input). One
 * statement per tick.
 */
export function manyByQuery<T>(
  em: EntityManager,
  entity: new () => T,
  keyOf: (row: T) => string,
  mainAlias: string,
  joined: JoinedEntity[],
  from: string,
  params: (schoolId: string, keys: string[]) => unknown[],
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const schoolId = tenantSchoolOf(em);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    if (schoolId) {
      const rows = await rowsWithJoined(em, entity, mainAlias, joined, from, params(schoolId, [...keys]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * Values PostgreSQL computes for each key (counts rather than the rows counted), in one statement per tick and with
 * nothing hydrated: `load` answers by `cacheKeyOf(key)`, and a key it leaves out gets `missing`.
 */
export function computedByKey<K, V>(
  load: (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>,
  cacheKeyOf: (key: K) => string,
  missing: V,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const found = await load(keys);
      return keys.map((key) => found.get(cacheKeyOf(key)) ?? missing);
    },
    { cacheKeyFn: cacheKeyOf },
  );
}

const requestLoaders = new WeakMap<object, Map<symbol, DataLoader<unknown, unknown>>>();

/**
 * A batching loader that lives as long as one request (its context), for what a service batches with the request's
 * viewer, clock or policy at hand rather than from the entity manager alone (those are the modules' `Loaders`).
 * `which` names the loader; the batch is made on the request's first load.
 */
export function requestLoader<K, V>(
  request: object,
  which: symbol,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  let loaders = requestLoaders.get(request);
  if (!loaders) {
    loaders = new Map();
    requestLoaders.set(request, loaders);
  }
  let loader = loaders.get(which) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    loaders.set(which, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
