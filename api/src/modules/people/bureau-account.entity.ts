import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { newId } from '../../common/ids.js';
import { Authority } from '../authority/authority.entity.js';

/** An account of the bureau: sees its schools' directory and aggregates, never students' rows. */
@Entity({ tableName: 'bureau_account' })
export class BureauAccount {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @Property({ type: 'uuid' })
  credentialId!: string;

  @Property()
  username!: string;

  @Property()
  displayName!: string;

  @Property()
  active: boolean = true;

  @Property()
  createdAt: Date = new Date();
}
