import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../common/viewer.js';
import type { AppServices } from '../../common/context.js';
import type { Term } from '../term/term.entity.js';
import type { ColumnSpec, RowProblem } from './columns.js';
import type { ImportKind } from './import-run.entity.js';
import type { TabularFile } from '../../common/tabular-file.js';

/** What one kind of import needs to check a file against the school's data. */
export interface ImportScope {
  em: EntityManager;
  services: AppServices;
  viewer: Viewer;
  schoolId: string;
  term: Term;
  /** The term in words, e.g. 115學年度第1學期, for messages. */
  termLabel: string;
  today: Date;
}

export interface ImportCounts {
  toCreate: number;
  toUpdate: number;
  unchanged: number;
}

/** A login created by an import, with the password its owner signs in with the first time. Shown once. */
export interface InitialPassword {
  username: string;
  displayName: string;
  password: string;
}

export interface ImportOutcome {
  initialPasswords: InitialPassword[];
  /** Ids of the rows created or changed, for the audit log. */
  changedIds: string[];
}

/**
 * The checked content of a file: every problem, what it would change, and how to write it. `apply` is called only
 * when there are no problems, inside the request's transaction, and only writes what differs from the database, so
 * importing the same file again writes nothing.
 */
export interface ImportPlan {
  rowCount: number;
  problems: RowProblem[];
  counts: ImportCounts;
  apply(): Promise<ImportOutcome>;
}

export interface ImportKindHandler {
  kind: ImportKind;
  columns: readonly ColumnSpec[];
  /** Who may import this kind, in words for the refusal. */
  permission: string;
  mayImport(viewer: Viewer): boolean;
  plan(scope: ImportScope, file: TabularFile): Promise<ImportPlan>;
}

/** The apply of a plan whose header is already wrong: the service never calls it. */
export function unappliable(): never {
  throw new Error('an import with problems is never applied');
}

/** Tallies rows into new, changed and unchanged. */
export class Tally implements ImportCounts {
  toCreate = 0;
  toUpdate = 0;
  unchanged = 0;

  count(state: 'create' | 'update' | 'same'): void {
    if (state === 'create') this.toCreate += 1;
    else if (state === 'update') this.toUpdate += 1;
    else this.unchanged += 1;
  }
}

/** Class names as staff write them ("101", "一年1班" stays as is); the grade year from a leading 1, 2 or 3. */
export function gradeYearOfClassName(name: string): number | null {
  const match = /^([123])\d{2}$/.exec(name);
  return match ? Number(match[1]) + 9 : null;
}
