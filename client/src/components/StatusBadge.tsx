import type { CertificationStatus } from '../gql/graphql';
import { STATUS_LABELS } from '../lib/evidence';

/** 待認證 / 已認證 / 未通過 as a coloured badge. */
export function StatusBadge({ status }: { status: CertificationStatus }) {
  return <span className={`badge ${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;
}
