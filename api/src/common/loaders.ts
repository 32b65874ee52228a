import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Authority } from '../modules/authority/authority.entity.js';
import { Student } from '../modules/people/student.entity.js';
import { UserAccount } from '../modules/people/user-account.entity.js';
import { SchoolClass } from '../modules/school/school-class.entity.js';
import { School } from '../modules/school/school.entity.js';
import { AcademicYear, Term } from '../modules/term/term.entity.js';
import { TimelineTemplateTask } from '../modules/timeline/timeline-template.entity.js';

type EntityWithId = { id: string };

/** Batches by-id lookups of one entity into a single `id = any(...)` query per tick, through the tenant-filtered em. */
function byId<T extends EntityWithId>(em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function byKey<T, K extends keyof T & string>(
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
function manyByKey<T, K extends keyof T & string>(
  em: EntityManager,
  entity: new () => T,
  key: K,
  keyOf: (row: T) => string,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = (await em.find(entity as never, { [key]: { $in: [...keys] } } as never, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Request-scoped loaders: the one way field resolvers reach related rows. */
export function createLoaders(em: EntityManager) {
  return {
    authorityById: byId(em, Authority),
    schoolById: byId(em, School),
    academicYearById: byId(em, AcademicYear),
    termById: byId(em, Term),
    classById: byId(em, SchoolClass),
    accountById: byId(em, UserAccount),
    studentById: byId(em, Student),
    studentByAccountId: byKey(em, Student, 'account', (student) => student.account?.id ?? null),
    templateTasksByTemplate: manyByKey(em, TimelineTemplateTask, 'template', (task) => task.template.id, {
      startsAt: 'asc',
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
