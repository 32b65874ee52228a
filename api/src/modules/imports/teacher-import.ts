import { ref } from '@mikro-orm/core';
import { newId } from '../../common/ids.js';
import { hasVisibleText } from '../../common/input-text.js';
import { temporaryPassword } from '../people/password.js';
import { pgTextArray } from '../../common/sql.js';
import { hasSection } from '../../common/viewer.js';
import { AdminSection, ADMIN_SECTION_LABELS, Role } from '../../common/roles.js';
import { UserAccount } from '../people/user-account.entity.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { School } from '../school/school.entity.js';
import { cellAt, type ColumnSpec, mapColumns, readText, rowProblem, type RowProblem } from './columns.js';
import { type ImportKindHandler, type InitialPassword, Tally, unappliable } from './import-kind.js';
import { ImportKind } from './import-run.entity.js';

type TeacherColumn = 'username' | 'displayName' | 'roles' | 'homeroomClass';

export const TEACHER_COLUMNS: readonly ColumnSpec<TeacherColumn>[] = [
  { key: 'username', header: '帳號', aliases: ['登入帳號', '教師帳號'], required: true, example: 't0123' },
  { key: 'displayName', header: '姓名', aliases: ['教師姓名'], required: true, example: '林老師' },
  { key: 'roles', header: '身分', aliases: ['角色'], required: true, example: '任課教師、導師' },
  { key: 'homeroomClass', header: '導師班級', aliases: ['導師班'], required: false, example: '101' },
];

/** Teaching roles only: an import never makes anyone 行政人員 (see setAdminSection). */
const ROLE_NAMES: Record<string, Role> = {
  任課教師: Role.TEACHER,
  教師: Role.TEACHER,
  導師: Role.HOMEROOM_TEACHER,
  課程諮詢教師: Role.COUNSELOR,
  諮詢教師: Role.COUNSELOR,
};
const ADMIN_NAMES = new Set(['行政人員', ...Object.values(ADMIN_SECTION_LABELS)]);
/** Older templates had a 處室 column: it is recognised only to say that sections are not imported any more. */
const SECTION_COLUMN: readonly ColumnSpec<'sections'>[] = [
  { key: 'sections', header: '處室', aliases: ['行政組別'], required: false, example: '' },
];
const NOT_IMPORTED =
  '行政職務不能用匯入設定，請由資訊組或執行秘書在「帳號與權限」逐一授予（註冊組限執行秘書，執行秘書限教育局）。';
const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;
const LIST_SEPARATOR = /[、,，;；/／\s]+/;

interface TeacherRow {
  rowNumber: number;
  username: string;
  displayName: string;
  /** The teaching roles the file gives; an existing account's office role and sections are kept as they are. */
  roles: Role[];
  homeroomClass: string | null;
}

/** What an account's roles become: the file's teaching roles, and 行政人員 if the account already was one. */
const rolesAfterImport = (account: UserAccount | undefined, teaching: readonly Role[]): Role[] =>
  account?.roles.includes(Role.SCHOOL_ADMIN) ? [Role.SCHOOL_ADMIN, ...teaching] : [...teaching];

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((value) => b.includes(value));

/**
 * 教師帳號: school accounts by login name, with their teaching roles and homeroom class. New accounts get a random first
 * password, shown once to the person importing; existing ones are updated in place. An import grants no office role
 * or section and keeps those an account has; the importer's own account is not changed by it.
 */
export const teacherImport: ImportKindHandler = {
  kind: ImportKind.TEACHERS,
  columns: TEACHER_COLUMNS,
  permission: '匯入教師帳號（限資訊組或教學組）',
  mayImport: (viewer) => hasSection(viewer, AdminSection.IT) || hasSection(viewer, AdminSection.TEACHING),

  async plan({ em, services, viewer, schoolId, term }, file) {
    const { index, problems } = mapColumns(file.headers, TEACHER_COLUMNS);
    const sectionIndex = mapColumns(file.headers, SECTION_COLUMN).index;
    if (problems.length > 0) return { rowCount: file.rows.length, problems, counts: new Tally(), apply: unappliable };
    const header = (key: TeacherColumn) => TEACHER_COLUMNS.find((column) => column.key === key)!.header;
    const classes = new Map(
      (await em.find(SchoolClass, { academicYear: term.academicYear })).map((schoolClass) => [
        schoolClass.name,
        schoolClass,
      ]),
    );
    const accounts = new Map(
      (await em.find(UserAccount, {})).map((account) => [account.username.toLowerCase(), account]),
    );
    const usernames = file.rows.map((row) => cellAt(row, index, 'username').text).filter((name) => USERNAME.test(name));
    const takenElsewhere = new Set(
      (
        await em.execute<{ auth_usernames_taken_elsewhere: string }[]>(
          'select auth_usernames_taken_elsewhere(?::text[])',
          [pgTextArray(usernames)],
        )
      ).map((row) => row.auth_usernames_taken_elsewhere),
    );

    const unchanged = (account: UserAccount, row: TeacherRow): boolean => {
      const homeroom = row.homeroomClass ? classes.get(row.homeroomClass) : undefined;
      return (
        account.displayName === row.displayName &&
        sameSet(account.roles, rolesAfterImport(account, row.roles)) &&
        (!homeroom || homeroom.homeroomTeacher?.id === account.id)
      );
    };
    const rows: TeacherRow[] = [];
    const firstSeen = new Map<string, number>();
    const homeroomSeen = new Map<string, number>();
    for (const row of file.rows) {
      const rowProblems: RowProblem[] = [];
      const text = (key: TeacherColumn, required: boolean): string | null => {
        const result = readText(cellAt(row, index, key), row.rowNumber, header(key), required);
        if (!result.ok) rowProblems.push(result.problem);
        return result.ok ? result.value : null;
      };
      const username = text('username', true);
      const displayName = text('displayName', true);
      const roleText = text('roles', true);
      const homeroomClass = text('homeroomClass', false);
      if (cellAt(row, sectionIndex, 'sections').text !== '') {
        rowProblems.push(rowProblem(row.rowNumber, '處室', 'SECTION_NOT_IMPORTABLE', NOT_IMPORTED));
      }

      if (username !== null) {
        const key = username.toLowerCase();
        if (!USERNAME.test(username)) {
          rowProblems.push(
            rowProblem(row.rowNumber, '帳號', 'INVALID_USERNAME', '帳號須為 3–64 個英文字母、數字或 . _ @ -。'),
          );
        } else if (takenElsewhere.has(key)) {
          rowProblems.push(
            rowProblem(row.rowNumber, '帳號', 'USERNAME_TAKEN', `帳號「${username}」已被其他單位使用。`),
          );
        } else if (accounts.get(key)?.roles.includes(Role.STUDENT)) {
          rowProblems.push(rowProblem(row.rowNumber, '帳號', 'STUDENT_ACCOUNT', `帳號「${username}」是學生帳號。`));
        }
        const first = firstSeen.get(key);
        if (first !== undefined) {
          rowProblems.push(rowProblem(row.rowNumber, '帳號', 'DUPLICATE_IN_FILE', `與第 ${first} 列重複。`));
        } else firstSeen.set(key, row.rowNumber);
      }
      if (displayName !== null && (displayName.length > 50 || !hasVisibleText(displayName))) {
        rowProblems.push(rowProblem(row.rowNumber, '姓名', 'INVALID_NAME', '姓名最多 50 個字，且須有看得見的文字。'));
      }
      const roles = new Set<Role>();
      for (const name of roleText?.split(LIST_SEPARATOR).filter(Boolean) ?? []) {
        const role = ROLE_NAMES[name];
        if (role) roles.add(role);
        else if (ADMIN_NAMES.has(name)) {
          rowProblems.push(rowProblem(row.rowNumber, '身分', 'ADMIN_ROLE_NOT_IMPORTABLE', NOT_IMPORTED));
        } else {
          rowProblems.push(
            rowProblem(
              row.rowNumber,
              '身分',
              'INVALID_ROLE',
              `「${name}」不是身分：請填任課教師、導師或課程諮詢教師。`,
            ),
          );
        }
      }
      if (roleText !== null && roles.size === 0 && !rowProblems.some((problem) => problem.column === '身分')) {
        rowProblems.push(rowProblem(row.rowNumber, '身分', 'REQUIRED', '請填身分：任課教師、導師或課程諮詢教師。'));
      }
      if (homeroomClass !== null) {
        if (!classes.has(homeroomClass)) {
          rowProblems.push(
            rowProblem(
              row.rowNumber,
              '導師班級',
              'UNKNOWN_CLASS',
              `本學年沒有「${homeroomClass}」班，請先匯入學生名冊。`,
            ),
          );
        }
        if (!roles.has(Role.HOMEROOM_TEACHER)) {
          rowProblems.push(rowProblem(row.rowNumber, '身分', 'NOT_HOMEROOM', '填了導師班級，身分請加上「導師」。'));
        }
        const first = homeroomSeen.get(homeroomClass);
        if (first !== undefined) {
          rowProblems.push(
            rowProblem(row.rowNumber, '導師班級', 'DUPLICATE_IN_FILE', `第 ${first} 列已是這一班的導師。`),
          );
        } else homeroomSeen.set(homeroomClass, row.rowNumber);
      }
      if (rowProblems.length > 0) {
        problems.push(...rowProblems);
        continue;
      }
      const teacherRow = {
        rowNumber: row.rowNumber,
        username: username!,
        displayName: displayName!,
        roles: [...roles],
        homeroomClass,
      };
      const account = accounts.get(teacherRow.username.toLowerCase());
      if (account?.id === viewer.accountId && !unchanged(account, teacherRow)) {
        problems.push(
          rowProblem(row.rowNumber, '帳號', 'OWN_ACCOUNT', '不能用匯入變更自己的帳號，請刪除這一列或請其他同仁匯入。'),
        );
        continue;
      }
      rows.push(teacherRow);
    }

    const tally = new Tally();
    for (const row of rows) {
      const account = accounts.get(row.username.toLowerCase());
      tally.count(!account ? 'create' : unchanged(account, row) ? 'same' : 'update');
    }

    return {
      rowCount: file.rows.length,
      problems,
      counts: { ...tally },
      async apply() {
        const initialPasswords: InitialPassword[] = [];
        const changedIds: string[] = [];
        for (const row of rows) {
          let account = accounts.get(row.username.toLowerCase());
          if (!account) {
            const password = temporaryPassword();
            const id = newId();
            const credentialId = await services.auth.createCredential(em, row.username, password, id, true);
            account = em.create(UserAccount, {
              id,
              school: em.getReference(School, schoolId),
              credentialId,
              username: row.username,
              displayName: row.displayName,
              roles: row.roles,
              adminSections: [],
            });
            initialPasswords.push({ username: row.username, displayName: row.displayName, password });
            changedIds.push(id);
          } else if (
            account.displayName !== row.displayName ||
            !sameSet(account.roles, rolesAfterImport(account, row.roles))
          ) {
            Object.assign(account, { displayName: row.displayName, roles: rolesAfterImport(account, row.roles) });
            changedIds.push(account.id);
          }
          const homeroom = row.homeroomClass ? classes.get(row.homeroomClass) : undefined;
          if (homeroom && homeroom.homeroomTeacher?.id !== account.id) {
            homeroom.homeroomTeacher = ref(account);
            changedIds.push(homeroom.id);
          }
        }
        await em.flush();
        return { initialPasswords, changedIds };
      },
    };
  },
};
