import { AdminSection } from '../../common/roles.js';
import { TransferStatus } from './transfer.types.js';
import { hasSection, type Viewer } from '../../common/viewer.js';

/** 註冊組 handles transfers on both sides: asking for a student, answering for one, receiving the portfolio. */
export const mayManageTransfers = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.REGISTRATION);

/**
 * The receiving school may withdraw its request until it has received it: while the school of origin has not answered,
 * and after an approval too (it may not want the student after all, or cannot receive as asked, e.g. a 學號 taken since).
 */
export const mayCancelTransfer = (status: TransferStatus): boolean =>
  status === TransferStatus.PENDING || status === TransferStatus.APPROVED;
