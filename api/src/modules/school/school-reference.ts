import type { EntityManager } from '@mikro-orm/postgresql';
import { inTenantTransaction } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';

type Row = Record<string, unknown> & { id: string };

/**
 * A school's reference rows as PostgreSQL returned them (`select *`): its own row, its academic years and terms. The
 * request's loaders turn them into entities of the request's EntityManager (`hydrateRows`), so no request shares an
 * entity with another.
 */
export interface SchoolReference {
  /** The school's reference_version when the rows were read (the rows are at least that new). */
  version: string;
  /** The school's own row, by its id (a map, as the years and terms are). */
  schools: ReadonlyMap<string, Row>;
  years: ReadonlyMap<string, Row>;
  terms: ReadonlyMap<string, Row>;
}

/** Cached schools an instance keeps at most; a city has about a hundred divisions. */
const MAX_SCHOOLS = 2_000;

/**
 * Each school's reference rows, per process, valid while the version the request's session lookup returned is the
 * version they were read under (Migration20261215100000ReferenceVersion): a change to a school, year or term moves
 * the version in its own transaction, so the next request anywhere reads the rows again. The session lookup a version
 * comes with may itself be kept by the instance (modules/auth/session-cache.ts): the same change NOTIFYs every
 * instance to forget the sessions it keeps, and while an instance cannot hear that, it keeps none.
 */
export class SchoolReferenceCache {
  private readonly schools = new Map<string, Promise<SchoolReference>>();

  /**
   * The viewer's school's reference rows, read before the request's own transaction begins (its own short tenant
   * transaction, with the session's school: never an id from input), so a request never holds two connections.
   */
  async forViewer(emFor: () => EntityManager, viewer: Viewer | null): Promise<SchoolReference | null> {
    const schoolId = viewer?.schoolId;
    const version = viewer?.schoolReferenceVersion;
    if (!schoolId || !version) return null;
    const cached = this.schools.get(schoolId);
    if (cached) {
      const reference = await cached;
      if (BigInt(reference.version) >= BigInt(version)) return reference;
    }
    if (this.schools.size >= MAX_SCHOOLS) this.schools.clear();
    const loading = readSchoolReference(emFor(), schoolId);
    this.schools.set(schoolId, loading);
    loading.catch(() => {
      if (this.schools.get(schoolId) === loading) this.schools.delete(schoolId);
    });
    return loading;
  }
}

async function readSchoolReference(em: EntityManager, schoolId: string): Promise<SchoolReference> {
  return inTenantTransaction(em, { schoolId, authorityId: null }, async (tx) => {
    // The version first: rows read after it are at least as new as the version they are kept under.
    const [school] = await tx.execute<Row[]>('select * from school where id = app_school_id()');
    if (!school) throw new Error('the session’s school is not readable in its own tenant');
    const years = await tx.execute<Row[]>('select * from academic_year');
    const terms = await tx.execute<Row[]>('select * from term');
    return {
      version: String(school.reference_version),
      schools: new Map([[school.id, school]]),
      years: new Map(years.map((row) => [row.id, row])),
      terms: new Map(terms.map((row) => [row.id, row])),
    };
  });
}

declare module '../../common/context.js' {
  interface AppServices {
    /** Each school's own row, years and terms, kept per process under the school's reference version. */
    schoolReference: SchoolReferenceCache;
  }
}
