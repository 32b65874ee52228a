import { Filter, ManyToOne, OptionalProps, PrimaryKey, type Ref } from '@mikro-orm/core';
import { School } from '../modules/school/school.entity.js';
import { newId } from './ids.js';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterArgs {
  schoolId: string | null;
}

/**
 * Layer two of tenancy: every school-owned entity is filtered on school_id by default. The request context sets
 * the school from the verified session; with no school (a bureau user, an anonymous request) nothing matches.
 */
export const TenantFilter = (): ClassDecorator =>
  Filter({
    name: TENANT_FILTER,
    default: true,
    cond: (args: TenantFilterArgs) => ({ school: args.schoolId }),
  });

/** Optional names the subclass's own defaulted or derived properties, which em.create() need not be given. */
export abstract class SchoolOwnedEntity<Optional extends string = never> {
  [OptionalProps]?: 'globalId' | 'schoolId' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => School, { ref: true, fieldName: 'school_id' })
  school!: Ref<School>;

  get schoolId(): string {
    return this.school.id;
  }
}
