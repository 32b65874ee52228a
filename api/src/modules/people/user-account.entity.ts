import { ArrayType, Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { ADMIN_SECTION_LABELS, AdminSection, Role, ROLE_LABELS } from '../../common/roles.js';

/** A person's account at one school. Its login name and password live in the credential store. */
@ObjectType({ implements: Node, description: '學校的使用者帳號' })
@Entity({ tableName: 'user_account' })
@TenantFilter()
export class UserAccount
  extends SchoolOwnedEntity<'roleLabels' | 'active' | 'createdAt' | 'adminSections'>
  implements Node
{
  @Property({ type: 'uuid' })
  credentialId!: string;

  @Field({ description: '登入帳號' })
  @Property()
  username!: string;

  @Field({ description: '姓名' })
  @Property()
  displayName!: string;

  @Field(() => [Role])
  @Property({ type: ArrayType })
  roles: Role[] = [];

  @Field(() => [AdminSection], { description: '行政人員所屬的組別' })
  @Property({ type: ArrayType })
  adminSections: AdminSection[] = [];

  @Property()
  active: boolean = true;

  @Property()
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('UserAccount', this.id);
  }

  @Field(() => [String], { description: '角色與組別的中文名稱' })
  get roleLabels(): string[] {
    return describeRoles(this.roles, this.adminSections);
  }
}

export function describeRoles(roles: readonly Role[], sections: readonly AdminSection[]): string[] {
  return roles.flatMap((role) =>
    role === Role.SCHOOL_ADMIN && sections.length > 0
      ? sections.map((section) => `${ROLE_LABELS[role]}（${ADMIN_SECTION_LABELS[section]}）`)
      : [ROLE_LABELS[role]],
  );
}
