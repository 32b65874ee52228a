import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

// The one loader factory: each module builds its loaders (`<module>.loaders.ts`) from these three shapes, so every
// by-id or by-key lookup batches into a single `= any(...)` query per tick through the tenant-filtered em.

type EntityWithId = { id: string };

/** Batches by-id lookups of one entity into a single `id = any(...)` query per tick, through the tenant-filtered em. */
export function byId<T extends EntityWithId>(em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
    const found = new Map(rows.map((row) => [row.id, row]));
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
    const rows = (await em.find(entity as never, { [key]: { $in: [...keys] } } as never)) as T[];
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
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const filter = { ...where, [key]: { $in: [...keys] } };
    const rows = (await em.find(entity as never, filter as never, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}
