import { ADMIN_SECTION_LABELS, type AdminSection, ROLE_LABELS, type Role } from '../../common/roles.js';
import { formatRocDateTime } from '../../common/roc.js';
import { CATEGORY_LABELS, type SubmissionCategory } from '../../common/submission-category.js';

// An audit entry's detail as a person reads it: keys in Chinese, codes as their labels, times as ROC dates, hashes
// shortened. Keys and codes this list does not know are shown as stored, so nothing recorded is ever hidden.

const KEY_LABELS: Record<string, string> = {
  transport: '連線方式',
  category: '類別',
  kind: '種類',
  resolution: '處理結果',
  version: '版本',
  cap: '上限',
  section: '組別',
  label: '名稱',
  fields: '變更欄位',
  before: '變更前',
  after: '變更後',
  deleted: '已刪除',
  startsAt: '開始',
  endsAt: '截止',
  rows: '筆數',
  rowCount: '筆數',
  rowCounts: '各名冊筆數',
  corrections: '帶入的更正',
  matched: '相符',
  mismatched: '不相符',
  byKind: '各種類',
  received: '已收訖',
  rejected: '退件',
  receipts: '收訖明細',
  asProxyFor: '代理認證',
  document: '文件',
  media: '影音',
  zipSha256: '資料包 SHA-256',
  fileSha256: '檔案 SHA-256',
  rosterSha256: '名冊 SHA-256',
  resultSha256: '結果檔 SHA-256',
  roles: '角色',
  adminSections: '組別',
  accountsCreated: '新建帳號',
  changedRows: '變更筆數',
  grade12Round: '高三升學前梯次',
  dispute: '回覆疑義',
  byCorrection: '由更正結案',
  byStaff: '由處室提出',
  selected: '已勾選',
};

const TRANSPORT_LABELS: Record<string, string> = { http: '網頁', ws: '即時連線' };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SHA256 = /^[0-9a-f]{64}$/;

function readableValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '無';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((item) => readableValue(key, item)).join('、') || '無';
  if (typeof value === 'object') return `（${readableDetail(value as Record<string, unknown>)}）`;
  const text = String(value);
  if (key === 'transport') return TRANSPORT_LABELS[text] ?? text;
  if (key === 'category') return CATEGORY_LABELS[text as SubmissionCategory] ?? text;
  if (key === 'section' || key === 'adminSections') return ADMIN_SECTION_LABELS[text as AdminSection] ?? text;
  if (key === 'roles') return ROLE_LABELS[text as Role] ?? text;
  if (SHA256.test(text)) return `${text.slice(0, 12)}…`;
  if (ISO_TIME.test(text) && !Number.isNaN(Date.parse(text))) return formatRocDateTime(new Date(text));
  return text;
}

export function readableDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${KEY_LABELS[key] ?? key}：${readableValue(key, value)}`)
    .join('；');
}
