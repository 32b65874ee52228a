import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { AdminSection, Role } from '../../common/roles.js';
import { hasRole, isSchoolStaff, type Viewer } from '../../common/viewer.js';
import { mayReadAuditLog } from '../audit/audit.permissions.js';
import {
  mayListStudents,
  mayManageAccounts,
  mayManageStudents,
  mayPrintFirstPasswordSlips,
} from '../people/people.permissions.js';
import { describeRoles } from '../people/user-account.entity.js';

// The modules below this one answer their viewerCan… flags here; the modules above add theirs to Me with a field
// resolver of their own (`@Resolver(() => Me)`), so this type names none of them.

export enum AccountKind {
  SCHOOL = 'SCHOOL',
  BUREAU = 'BUREAU',
}
registerEnumType(AccountKind, {
  name: 'AccountKind',
  valuesConfig: { SCHOOL: { description: '學校帳號' }, BUREAU: { description: '教育局帳號' } },
});

/** The signed-in person as the client's shell needs them. */
@ObjectType({ description: '目前登入的使用者' })
export class Me {
  constructor(readonly viewer: Viewer) {}

  @Field(() => ID, { description: '帳號的全域識別碼' })
  get id(): string {
    return toGlobalId(this.viewer.kind === 'SCHOOL' ? 'UserAccount' : 'BureauAccount', this.viewer.accountId);
  }

  @Field(() => AccountKind)
  get kind(): AccountKind {
    return this.viewer.kind as AccountKind;
  }

  @Field()
  get username(): string {
    return this.viewer.username;
  }

  @Field()
  get displayName(): string {
    return this.viewer.displayName;
  }

  @Field(() => [Role])
  get roles(): Role[] {
    return this.viewer.roles;
  }

  @Field(() => [AdminSection])
  get adminSections(): AdminSection[] {
    return this.viewer.adminSections;
  }

  @Field(() => [String], { description: '角色與組別的中文名稱' })
  get roleLabels(): string[] {
    return describeRoles(this.viewer.roles, this.viewer.adminSections);
  }

  @Field({ description: '這次登入的到期時間' })
  get sessionExpiresAt(): Date {
    return this.viewer.sessionExpiresAt;
  }

  @Field({ description: '可以查看學生名單' })
  get viewerCanListStudents(): boolean {
    return mayListStudents(this.viewer);
  }

  @Field({ description: '可以新增、修改學生資料（註冊組）' })
  get viewerCanManageStudents(): boolean {
    return mayManageStudents(this.viewer);
  }

  @Field({ description: '可以查看班級清單' })
  get viewerCanListClasses(): boolean {
    return isSchoolStaff(this.viewer);
  }

  @Field({ description: '可以查看自己帶的班級（導師）' })
  get viewerCanViewHomeroom(): boolean {
    return hasRole(this.viewer, Role.HOMEROOM_TEACHER);
  }

  @Field({ description: '可以查看本校的稽核紀錄（行政人員）' })
  get viewerCanReadAuditLog(): boolean {
    return mayReadAuditLog(this.viewer);
  }

  @Field({ description: '可以管理帳號：行政職務與重設密碼（資訊組、執行秘書、教育局）' })
  get viewerCanManageAccounts(): boolean {
    return mayManageAccounts(this.viewer);
  }

  @Field({ description: '可以列印學生的初始密碼單（資訊組、註冊組）' })
  get viewerCanPrintFirstPasswordSlips(): boolean {
    return mayPrintFirstPasswordSlips(this.viewer);
  }

  @Field({ description: '可以查看所轄學校名錄（教育局）' })
  get viewerCanBrowseSchools(): boolean {
    return hasRole(this.viewer, Role.BUREAU_ADMIN);
  }
}
