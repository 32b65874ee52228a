import { ManyToOne, OptionalProps, PrimaryKey, type Ref } from '@mikro-orm/core';
import { School } from './school.entity.js';
import { newId } from '../../common/ids.js';

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
