import { Field, ID, Int, ObjectType } from 'type-graphql';
import { formatRocDateTime } from '../../common/roc.js';
import { type Dispute, DisputeStatus } from '../round/confirmation.entity.js';
import { AlertKind, TaskKind } from '../timeline/timeline.enums.js';
import type { TimelineTask } from '../timeline/timeline-task.entity.js';
import { rocWindow } from '../timeline/timeline-window.js';

@ObjectType({ description: '期限提醒' })
export class DeadlineAlertMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => ID, { description: '期程工作的全域識別碼' })
  taskId!: string;

  @Field(() => TaskKind)
  taskKind!: TaskKind;

  @Field({ description: '工作名稱' })
  taskLabel!: string;

  @Field()
  startsAt!: Date;

  @Field({ description: '對這位使用者適用的截止時間（含個人延長）' })
  endsAt!: Date;

  @Field({ description: '給使用者看的提醒' })
  message!: string;

  @Field()
  firedAt!: Date;

  @Field(() => Int, { nullable: true, description: '這位學生在這項工作尚未完成的件數（有統計時）' })
  pendingCount!: number | null;
}

export const PENDING_PHRASES: Partial<Record<TaskKind, (n: number) => string>> = {
  [TaskKind.SELECT_COURSE_OUTCOMES]: (n) => `您還有 ${n} 件課程學習成果尚未勾選，勾選`,
  [TaskKind.SELECT_PERFORMANCES]: (n) => `您還有 ${n} 件多元表現尚未勾選，勾選`,
  [TaskKind.UPLOAD_COURSE_OUTCOMES]: (n) => `您還有 ${n} 門課尚未上傳課程學習成果，上傳`,
  [TaskKind.CONFIRM_RECEIPTS]: (n) => `您還有 ${n} 筆收訖明細尚未確認，確認`,
};

const HOURS_LEFT: Partial<Record<AlertKind, number>> = {
  [AlertKind.CLOSING_72H]: 72,
  [AlertKind.CLOSING_24H]: 24,
  [AlertKind.CLOSING_1H]: 1,
};

/** The sentence a person reads, personal when a count of their unfinished work is known. */
export function alertText(
  kind: AlertKind,
  task: TimelineTask,
  endsAt: Date,
  extended: boolean,
  pendingCount: number | null,
): string {
  const label = `「${task.label}」`;
  const end = formatRocDateTime(endsAt);
  const personal = extended ? `（您已獲延長至 ${end}）` : '';
  switch (kind) {
    case AlertKind.OPENED:
      return `${label}已開放，將於 ${end} 截止。${personal}`;
    case AlertKind.CLOSED:
      return extended ? `${label}已截止；您已獲延長至 ${end}。` : `${label}已於 ${end} 截止。`;
    case AlertKind.MOVED:
      return `${label}的期程已變更為 ${rocWindow(task.startsAt, task.endsAt)}。${personal}`;
    default: {
      const phrase = pendingCount && pendingCount > 0 ? PENDING_PHRASES[task.kind] : undefined;
      if (phrase) return `${phrase(pendingCount!)}將於 ${end} 截止。`;
      return `${label}將於 ${end} 截止（剩 ${HOURS_LEFT[kind] ?? 0} 小時）。${personal}`;
    }
  }
}

const DISPUTE_NOTICES: Record<DisputeStatus, string> = {
  [DisputeStatus.OPEN]: '您的疑義已送出',
  [DisputeStatus.IN_REVIEW]: '學校已受理您的疑義，正在處理',
  [DisputeStatus.RESOLVED_NO_CHANGE]: '學校已回覆您的疑義（資料無誤，不需更正）',
  [DisputeStatus.RESOLVED_CORRECTED]: '學校已更正您提出疑義的資料，將於下次提交送至中央資料庫',
};

/** What a student reads when their dispute moves: the state, and the section's answer when there is one. */
export function disputeNoticeText(dispute: Dispute): string {
  const answer = dispute.answer ? `：「${dispute.answer}」` : '。';
  return `${DISPUTE_NOTICES[dispute.status]}${answer}`;
}
