import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { AsyncQueue } from '../../common/async-queue.js';
import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import { SESSIONS_REVOKED_CHANNEL } from '../auth/auth.service.js';
import { toGlobalId } from '../../common/ids.js';
import { inTenantTransaction } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';
import { Role } from '../people/people.enums.js';
import { Dispute } from '../confirmation/confirmation.entity.js';
import { Student } from '../people/student.entity.js';
import { AlertKind, TaskKind } from '../timeline/timeline.enums.js';
import { concerns } from '../timeline/audience.js';
import { DeadlineAlert, TimelineExtension } from '../timeline/timeline-task.entity.js';
import { alertText, DeadlineAlertMessage, disputeNoticeText } from './alert-message.js';
import { pendingWorkCounters } from './pending-work.js';
import { loggableError } from '../../common/errors.js';

export const ALERT_CHANNEL = 'deadline_alerts';

/** What travels through NOTIFY: ids only, never rows. A deadline alert for its audience, or a dispute for its student. */
export interface DeadlineAlertEvent {
  schoolId: string;
  alertId: string;
}
export type AlertEvent = DeadlineAlertEvent | { schoolId: string; disputeId: string };

interface Subscriber {
  viewer: Viewer;
  queue: AsyncQueue<DeadlineAlertMessage>;
}

interface Recipient {
  subscriber: Subscriber;
  studentId: string | null;
}

/**
 * Each instance LISTENs on one connection and fans every alert of a school out to the subscribers connected here.
 * The alert and its window are read once per event, the students' details once per event for all of them.
 */
export class AlertHub {
  private readonly bySchool = new Map<string, Set<Subscriber>>();
  private listener: pg.Client | null = null;
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly clock: Clock,
    /** Sessions of a person ended on some instance: whoever holds their sockets here closes what no longer resolves. */
    private readonly onSessionsRevoked: (credentialId: string) => Promise<void>,
  ) {}

  async start(databaseUrl: string): Promise<void> {
    this.stopping = false;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (message) => {
      if (!message.payload) return;
      const work =
        message.channel === ALERT_CHANNEL
          ? this.dispatch(JSON.parse(message.payload) as AlertEvent)
          : this.onSessionsRevoked((JSON.parse(message.payload) as { credentialId: string }).credentialId);
      void work.catch((error: unknown) => this.log.error('alert delivery failed', loggableError(error)));
    });
    client.on('error', (error) => this.log.warn('alert listener lost its connection', { message: error.message }));
    client.on('end', () => {
      if (this.stopping || this.listener !== client) return;
      this.listener = null;
      this.reconnect(databaseUrl);
    });
    await client.connect();
    await client.query('set role portfolio_app');
    await client.query(`listen ${ALERT_CHANNEL}`);
    await client.query(`listen ${SESSIONS_REVOKED_CHANNEL}`);
    this.listener = client;
  }

  /** Keeps trying, once a second, until the database answers again. */
  private reconnect(databaseUrl: string): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.start(databaseUrl).catch((error: unknown) => {
        this.log.warn('alert listener could not reconnect', {
          message: error instanceof Error ? error.message : String(error),
        });
        this.reconnect(databaseUrl);
      });
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const subscribers of this.bySchool.values()) for (const s of [...subscribers]) await s.queue.return();
    await this.listener?.end();
    this.listener = null;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const subscribers of this.bySchool.values()) count += subscribers.size;
    return count;
  }

  subscribe(viewer: Viewer): AsyncIterableIterator<DeadlineAlertMessage> {
    const schoolId = viewer.schoolId;
    if (!schoolId) return new AsyncQueue<DeadlineAlertMessage>();
    const set = this.bySchool.get(schoolId) ?? new Set<Subscriber>();
    this.bySchool.set(schoolId, set);
    const subscriber: Subscriber = {
      viewer,
      queue: new AsyncQueue<DeadlineAlertMessage>(() => {
        set.delete(subscriber);
        if (set.size === 0) this.bySchool.delete(schoolId);
      }),
    };
    set.add(subscriber);
    return subscriber.queue;
  }

  private async dispatch(event: AlertEvent): Promise<void> {
    const now = this.clock.now();
    const all = [...(this.bySchool.get(event.schoolId) ?? [])];
    // An expired session hears nothing more; its subscription ends here.
    for (const expired of all.filter((s) => s.viewer.sessionExpiresAt <= now)) await expired.queue.return();
    const subscribers = all.filter((s) => s.viewer.sessionExpiresAt > now);
    if (subscribers.length === 0) return;
    if ('disputeId' in event) return this.dispatchDispute(event.schoolId, event.disputeId, subscribers);
    const alertId = event.alertId;
    const messages = await inTenantTransaction(
      this.orm.em,
      { schoolId: event.schoolId, authorityId: null },
      async (em) => {
        const alert = await em.findOne(DeadlineAlert, { id: alertId }, { populate: ['task'] });
        if (!alert?.firedAt) return [];
        const task = alert.task.getEntity();
        const studentAccounts = subscribers
          .filter((s) => s.viewer.roles.includes(Role.STUDENT))
          .map((s) => s.viewer.accountId);
        const students = studentAccounts.length
          ? await em.find(Student, { account: { $in: studentAccounts } }, { populate: ['schoolClass'] })
          : [];
        const studentByAccount = new Map(students.map((s) => [s.account!.id, s]));
        const studentIds = students.map((s) => s.id);
        const extensions = studentIds.length
          ? await em.find(TimelineExtension, { task, student: { $in: studentIds } })
          : [];
        const extensionByStudent = new Map(extensions.map((e) => [e.student.id, e]));
        const counter = pendingWorkCounters[task.kind];
        const pending =
          counter && studentIds.length ? await counter(em, studentIds, task.term.id) : new Map<string, number>();

        const recipients: Recipient[] = [];
        for (const subscriber of subscribers) {
          const student = studentByAccount.get(subscriber.viewer.accountId) ?? null;
          const gradeYear = student?.schoolClass?.getEntity().gradeYear ?? null;
          if (concerns(task, subscriber.viewer, gradeYear))
            recipients.push({ subscriber, studentId: student?.id ?? null });
        }
        return recipients.map(({ subscriber, studentId }) => {
          const extension = studentId ? extensionByStudent.get(studentId) : undefined;
          const extended = Boolean(extension && extension.endsAt > task.endsAt);
          const endsAt = extended ? extension!.endsAt : task.endsAt;
          const pendingCount = studentId && counter ? (pending.get(studentId) ?? 0) : null;
          const message = Object.assign(new DeadlineAlertMessage(), {
            id: toGlobalId('DeadlineAlert', alert.id),
            kind: alert.kind,
            taskId: task.globalId,
            taskKind: task.kind,
            taskLabel: task.label,
            startsAt: task.startsAt,
            endsAt,
            message: alertText(alert.kind, task, endsAt, extended, pendingCount),
            firedAt: alert.firedAt!,
            pendingCount,
          });
          return { subscriber, message };
        });
      },
    );
    for (const { subscriber, message } of messages) subscriber.queue.push(message);
  }

  /** A dispute moved: its student's own sessions hear what happened and what the section answered. */
  private async dispatchDispute(schoolId: string, disputeId: string, subscribers: Subscriber[]): Promise<void> {
    const found = await inTenantTransaction(this.orm.em, { schoolId, authorityId: null }, async (em) => {
      const dispute = await em.findOne(Dispute, { id: disputeId });
      const student = dispute?.student ? await em.findOne(Student, { id: dispute.student.id }) : null;
      return dispute && student?.account ? { dispute, accountId: student.account.id } : null;
    });
    if (!found) return;
    const { dispute, accountId } = found;
    const at = dispute.resolvedAt ?? dispute.reviewedAt ?? dispute.raisedAt;
    const message = Object.assign(new DeadlineAlertMessage(), {
      id: toGlobalId('DisputeNotice', `${dispute.id}:${dispute.status}`),
      kind: AlertKind.DISPUTE_UPDATED,
      taskId: dispute.globalId,
      taskKind: TaskKind.RESOLVE_DISPUTES,
      taskLabel: '疑義處理',
      startsAt: dispute.raisedAt,
      endsAt: dispute.dueAt,
      message: disputeNoticeText(dispute),
      firedAt: at,
      pendingCount: null,
    });
    for (const subscriber of subscribers) {
      if (subscriber.viewer.accountId === accountId) subscriber.queue.push(message);
    }
  }
}
