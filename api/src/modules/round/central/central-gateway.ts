import type { Readable } from 'node:stream';
import { COURSE_CODE_MESSAGES, courseCodeProblem } from '../../../common/course-code.js';
import { NATIONAL_ID_MESSAGES, nationalIdProblem } from '../../../common/national-id.js';
import type { PortfolioPolicy } from '../../../common/config.js';
import type { FileStorage } from '../../files/file-storage.js';

/** The reference repository checks the selection caps, as the central database does. */
type SelectionCaps = Pick<PortfolioPolicy, 'maxSelectedOutcomes' | 'maxSelectedPerformances'>;
import { OWN_FILE, readTabularFile } from '../../../common/tabular-file.js';
import { MATCHED, enrolmentKey, type PrecheckResultCells, precheckResultWorkbook } from './precheck-format.js';
import type { ReceiptKind } from './receipt-format.js';
import {
  hasSeveralRosters,
  RECEIPT_HEAD,
  RECEIPT_KINDS,
  RECEIPT_ROSTER_COLUMN,
  RECEIPT_TAIL,
  RECEIVED,
  REJECTED,
  receiptWorkbook,
  semesterCellOf,
  unionOfColumns,
} from './receipt-format.js';
import { PERFORMANCE_CODE_COLUMNS, rosterNameOf } from './rosters.js';
import { type PackagedRoster, readPackage } from './package-reader.js';

/** A submission package as it goes to the central database: the stored zip (opened as a stream) and whose it is. */
export interface OutgoingPackage {
  schoolCode: string;
  year: number;
  semester: number;
  openZip: () => Promise<Readable>;
  /** Where the reference repository may copy the zip to read it (the store's temporary folder). */
  scratch: Pick<FileStorage, 'newTempPath' | 'discard'>;
  at: Date;
}

/** One receipt file the central database answers with. */
export interface ReceiptFile {
  kind: ReceiptKind;
  fileName: string;
  bytes: Buffer;
  received: number;
  rejected: number;
}

/** A pre-check roster (預檢名冊, XLSX) as it goes to the central database for comparison. */
export interface OutgoingPrecheck {
  schoolCode: string;
  year: number;
  semester: number;
  roster: Buffer;
  at: Date;
}

/** The comparison result file (format: precheck-format.ts) and its counts. */
export interface PrecheckResultFile {
  fileName: string;
  bytes: Buffer;
  matched: number;
  mismatched: number;
}

/**
 * How packages reach the central database. File exchange (`file`): the school downloads the zip (or the pre-check
 * roster), hands it over itself and later imports the files it gets back (`importReceipts`, `importPrecheckResult`),
 * so `send` and `precheck` answer nothing. The reference repository (`reference`) answers at once, for the demo and
 * the tests.
 */
export interface CentralRepositoryGateway {
  readonly mode: 'file' | 'reference';
  send(pkg: OutgoingPackage): Promise<ReceiptFile[] | null>;
  precheck(roster: OutgoingPrecheck): Promise<PrecheckResultFile | null>;
}

export class FileExchangeGateway implements CentralRepositoryGateway {
  readonly mode = 'file' as const;
  send(): Promise<null> {
    return Promise.resolve(null);
  }
  precheck(): Promise<null> {
    return Promise.resolve(null);
  }
}

const DOCUMENT_FILE = /\.(pdf|jpe?g|png)$/i;
const MEDIA_FILE = /\.(mp3|mp4)$/i;
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A central repository inside the project. It validates each row of the package by the public rules and answers
 * with one receipt file per kind it holds (a kind of several rosters in one file), each row 已收訖 or 退件 with a
 * reason: the row's school and term, the national ID's checksum and the birth date, the course code's shape, the
 * codes of the performance rosters' coded columns, the selection caps per student (outcomes, and performances across
 * all their rosters, in one package; it sees one package, not the whole academic year), outcomes with a file (it
 * cannot see certification itself, only that the school sent a certified item's file), the kinds of file, and that
 * every file a row lists is in the package with the SHA-256 the row gives.
 */
export class ReferenceCentralRepository implements CentralRepositoryGateway {
  readonly mode = 'reference' as const;

  constructor(private readonly policy: SelectionCaps) {}

  async send(pkg: OutgoingPackage): Promise<ReceiptFile[]> {
    const { rosters, files: packaged } = await readPackage(pkg.openZip, pkg.scratch);
    const files: ReceiptFile[] = [];
    for (const kind of Object.keys(RECEIPT_KINDS) as ReceiptKind[]) {
      const spec = RECEIPT_KINDS[kind];
      const answered = rosters.filter((roster) => spec.rosters.includes(roster.path));
      if (answered.length === 0) continue;
      // A kind of several rosters answers in one file: 名冊, then the union of their own columns (receipt-format.ts).
      const several = hasSeveralRosters(kind);
      const own = several
        ? unionOfColumns(answered.map((roster) => roster.columns.slice(3)))
        : answered[0]!.columns.slice(3);
      const columns = [...RECEIPT_HEAD, ...(several ? [RECEIPT_ROSTER_COLUMN] : []), ...own, ...RECEIPT_TAIL];
      const verdicts = this.check(kind, answered, pkg, packaged);
      let received = 0;
      const rows = answered.flatMap((roster, r) =>
        roster.rows.map((cells, index) => {
          const reason = verdicts[r]![index];
          if (!reason) received += 1;
          const cellOf = (name: string) => cells[roster.columns.indexOf(name)] ?? '';
          return [
            cells[0] ?? '',
            Number(cells[1]),
            Number(cells[2]),
            spec.label,
            ...(several ? [rosterNameOf(roster.path)] : []),
            ...own.map(cellOf),
            reason ? REJECTED : RECEIVED,
            reason ?? '',
          ];
        }),
      );
      files.push({
        kind,
        fileName: `收訖明細_${spec.label}_${pkg.schoolCode}_${pkg.year}${semesterCellOf(kind, pkg.semester) === '0' ? '_0' : pkg.semester}.xlsx`,
        bytes: await receiptWorkbook(columns, rows, pkg.at),
        received,
        rejected: rows.length - received,
      });
    }
    return files;
  }

  /**
   * Compares a pre-check roster by the public rules the central database applies to course records: the row's
   * school and term, the national ID's checksum, the birth date, the course code's shape, and the same enrolment
   * (national ID and course code) listed twice. Every row is answered 相符 or 不符 with the reason; the reference
   * repository holds no course records of its own, so it never answers 中央查無 or 學校未列.
   */
  async precheck(outgoing: OutgoingPrecheck): Promise<PrecheckResultFile> {
    const table = await readTabularFile(outgoing.roster, OWN_FILE);
    const col = (name: string) => table.headers.indexOf(name);
    const seen = new Set<string>();
    let matched = 0;
    const rows = table.rows.map((row): PrecheckResultCells => {
      const value = (name: string) => (col(name) >= 0 ? (row.cells[col(name)]?.text ?? '').trim() : '');
      const nationalId = value('身分證號');
      const code = value('課程代碼');
      const key = enrolmentKey(nationalId, code);
      let reason: string | null = null;
      if (value('學校代碼') !== outgoing.schoolCode) reason = '學校代碼與預檢學校不符。';
      else if (value('學年度') !== String(outgoing.year) || value('學期') !== String(outgoing.semester)) {
        reason = '學年度或學期與預檢的學期不符。';
      } else {
        const idProblem = nationalIdProblem(nationalId);
        const codeProblem = courseCodeProblem(code);
        if (idProblem) reason = `身分證號：${NATIONAL_ID_MESSAGES[idProblem]}`;
        else if (!ISO_DATE.test(value('出生日期'))) reason = '出生日期格式不正確。';
        else if (codeProblem) reason = `課程代碼：${COURSE_CODE_MESSAGES[codeProblem]}`;
        else if (seen.has(key)) reason = '同一學生的同一課程代碼重複列出。';
      }
      seen.add(key);
      if (!reason) matched += 1;
      return [
        outgoing.schoolCode,
        outgoing.year,
        outgoing.semester,
        nationalId,
        value('學號'),
        code,
        reason ? '不符' : MATCHED,
        reason ?? '',
      ];
    });
    return {
      fileName: `預檢比對結果_${outgoing.schoolCode}_${outgoing.year}${outgoing.semester}.xlsx`,
      bytes: await precheckResultWorkbook(rows, outgoing.at),
      matched,
      mismatched: rows.length - matched,
    };
  }

  /**
   * The reason each row of the kind's rosters is rejected, or null when it is received (per roster, per row). The
   * selection cap counts a student's rows across all the kind's rosters: the performances of every category together.
   */
  private check(
    kind: ReceiptKind,
    rosters: PackagedRoster[],
    pkg: OutgoingPackage,
    packaged: Map<string, string | null>,
  ): (string | null)[][] {
    const perStudent = new Map<string, number>();
    const cap =
      kind === 'COURSE_OUTCOMES'
        ? this.policy.maxSelectedOutcomes
        : kind === 'PERFORMANCES'
          ? this.policy.maxSelectedPerformances
          : null;
    const semester = semesterCellOf(kind, pkg.semester);
    return rosters.map((roster) => {
      const col = (name: string) => roster.columns.indexOf(name);
      const value = (cells: string[], name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : null);
      const codeColumns = roster.columns.filter((name) => PERFORMANCE_CODE_COLUMNS.has(name));
      return roster.rows.map((cells) => {
        if (value(cells, '學校代碼') !== pkg.schoolCode) return '學校代碼與提交學校不符。';
        if (value(cells, '學年度') !== String(pkg.year) || value(cells, '學期') !== semester) {
          return '學年度或學期與提交的學期不符。';
        }
        const nationalId = value(cells, '身分證號') ?? '';
        const idProblem = nationalIdProblem(nationalId);
        if (idProblem) return `身分證號：${NATIONAL_ID_MESSAGES[idProblem]}`;
        if (!ISO_DATE.test(value(cells, '出生日期') ?? '')) return '出生日期格式不正確。';
        const code = value(cells, '課程代碼');
        if (code !== null) {
          const codeProblem = courseCodeProblem(code);
          if (codeProblem) return `課程代碼：${COURSE_CODE_MESSAGES[codeProblem]}`;
        }
        for (const name of codeColumns) {
          const given = value(cells, name);
          if (given && !PERFORMANCE_CODE_COLUMNS.get(name)!.has(given)) return `${name}「${given}」不在代碼表中。`;
        }
        for (const [name, sha, pattern] of [
          ['文件檔名', '文件SHA-256', DOCUMENT_FILE],
          ['影音檔名', '影音SHA-256', MEDIA_FILE],
        ] as const) {
          const fileName = value(cells, name);
          const hash = value(cells, sha);
          if (!fileName && hash) return `${sha}有值，但${name}空白。`;
          if (fileName && !pattern.test(fileName)) return `${name}的檔案類型不符規定。`;
          if (fileName && !SHA256.test(hash ?? '')) return `${sha}不正確。`;
          if (fileName && !packaged.has(fileName)) return `${name}所列的檔案未附於資料包。`;
          if (fileName && packaged.get(fileName) === null) return `${name}所列的檔名在資料包中重複出現。`;
          if (fileName && packaged.get(fileName) !== hash) return `${name}所列的檔案內容與${sha}不符。`;
        }
        if (kind === 'COURSE_OUTCOMES' && !value(cells, '文件SHA-256') && !value(cells, '影音SHA-256')) {
          return '課程學習成果未附經認證的檔案。';
        }
        if (cap !== null) {
          const count = (perStudent.get(nationalId) ?? 0) + 1;
          perStudent.set(nationalId, count);
          if (count > cap) return `超過每學年勾選上限 ${cap} 件。`;
        }
        return null;
      });
    });
  }
}

export function centralGateway(mode: 'file' | 'reference', policy: SelectionCaps): CentralRepositoryGateway {
  return mode === 'file' ? new FileExchangeGateway() : new ReferenceCentralRepository(policy);
}
