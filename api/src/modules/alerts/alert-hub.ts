import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { AsyncQueue } from '../../common/async-queue.js';
import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import { SESSIONS_REVOKED_CHANNEL } from '../auth/auth.service.js';
import { SESSION_FACTS_CHANNEL, type SessionFactsObserver } from '../auth/session-cache.js';
import { toGlobalId } from '../../common/ids.js';
import { inTenantTransaction } from '../../common/tenant.js';
import type { Viewer } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { Dispute } from '../round/confirmation.entity.js';
import { Student } from '../people/student.entity.js';
import { AlertKind, TaskKind } from '../timeline/timeline.enums.js';
import { concerns } from '../timeline/audience.js';
import { DeadlineAlert, TimelineExtension } from '../timeline/timeline-task.entity.js';
import { alertText, DeadlineAlertMessage, disputeNoticeText } from './alert-message.js';
import { pendingWorkCounters } from './pending-work.js';
import { bureauNoticeMessage, hearsBureauNotice } from './bureau-notice.js';
import { loggableError } from '../../common/errors.js';

export const ALERT_CHANNEL = 'deadline_alerts';

/** How the LISTEN session shows in pg_stat_activity. */
export const ALERT_LISTENER_NAME = 'portfolio alert listener';
const CATCH_UP_MARGIN_MS = 30_000;
const DELIVERED_MEMORY_MS = 30 * 60_000;

/** What travels through NOTIFY: ids only, never rows. A deadline alert for its audience, or a dispute for its student. */
export interface DeadlineAlertEvent {
  schoolId: string;
  alertId: string;
}
export type AlertEvent =
  | DeadlineAlertEvent
  | { schoolId: string; disputeId: string }
  /** The bureau alerted the school's responsible sections from its board (modules/board). */
  | { schoolId: string; bureauAlertId: string };

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
  /** When the current LISTEN began, by the database's clock and this process's. */
  private listening: { db: Date; local: number } | null = null;
  /** When the LISTEN connection dropped, if it is down. */
  private lostAt: { local: number; clock: Date } | null = null;
  /** Events delivered lately, oldest first, so a catch-up does not repeat what a notice already brought. */
  private readonly delivered = new Map<string, number>();

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly clock: Clock,
    /** Sessions of a person ended on some instance: whoever holds their sockets here closes what no longer resolves. */
    private readonly onSessionsRevoked: (credentialId: string) => Promise<void>,
    /** The sessions this instance keeps: trusted only while this LISTEN hears every change to them. */
    private readonly sessionFacts: SessionFactsObserver,
  ) {}

  /**
   * LISTENs on a session of its own (the direct URL: LISTEN needs a real session). When that connection drops and
   * comes back, what was NOTIFYed meanwhile is lost, so the hub catches up from the rows: alerts fired and disputes
   * moved since shortly before the drop reach this instance's subscribers, each once (what was already delivered is
   * remembered), and every subscriber's session is looked at again. The same connection tells the instance's session
   * cache when session facts change, and when it cannot hear them.
   */
  async start(directUrl: string): Promise<void> {
    this.stopping = false;
    const client = new pg.Client({
      connectionString: directUrl,
      connectionTimeoutMillis: 10_000,
      application_name: ALERT_LISTENER_NAME,
    });
    client.on('notification', (message) => {
      if (message.channel === SESSION_FACTS_CHANNEL) return this.sessionFacts.changed();
      if (!message.payload) return;
      const work =
        message.channel === ALERT_CHANNEL
          ? this.dispatch(JSON.parse(message.payload) as AlertEvent)
          : this.onSessionsRevoked((JSON.parse(message.payload) as { credentialId: string }).credentialId);
      void work.catch((error: unknown) => this.log.error('alert delivery failed', loggableError(error)));
    });
    // Only this connection's own loss counts: a client already replaced must not stop the cache of the one in place.
    const lostHere = () => {
      if (this.listener === client || this.listener === null) this.sessionFacts.lost();
    };
    client.on('error', (error) => {
      lostHere();
      this.log.warn('alert listener lost its connection', { message: error.message });
    });
    client.on('end', () => {
      lostHere();
      if (this.stopping || this.listener !== client) return;
      this.listener = null;
      this.lostAt = { local: Date.now(), clock: this.clock.now() };
      this.reconnect(directUrl);
    });
    await client.connect();
    await client.query(`listen ${ALERT_CHANNEL}`);
    await client.query(`listen ${SESSIONS_REVOKED_CHANNEL}`);
    await client.query(`listen ${SESSION_FACTS_CHANNEL}`);
    const { rows } = await client.query<{ now: Date }>('select now() as now');
    const previous = this.listening;
    const lost = this.lostAt;
    this.listening = { db: rows[0]!.now, local: Date.now() };
    this.lostAt = null;
    this.listener = client;
    this.sessionFacts.listening();
    if (previous && lost) {
      // The drop happened at about this long after the previous LISTEN, by the database's clock; a margin covers
      // the moments before it, whose notices may not have arrived either.
      const firedSince = new Date(previous.db.getTime() + (lost.local - previous.local) - CATCH_UP_MARGIN_MS);
      const movedSince = new Date(lost.clock.getTime() - CATCH_UP_MARGIN_MS);
      await this.catchUp(firedSince, movedSince).catch((error: unknown) =>
        this.log.error('alert catch-up failed', loggableError(error)),
      );
    }
  }

  private async catchUp(firedSince: Date, movedSince: Date): Promise<void> {
    let alerts = 0;
    let disputes = 0;
    for (const schoolId of [...this.bySchool.keys()]) {
      const missed = await inTenantTransaction(this.orm.em, { schoolId, authorityId: null }, async (em) => ({
        alerts: await em.execute<{ id: string }[]>(
          'select id from deadline_alert where fired_at >= ? and cancelled_at is null order by fired_at',
          [firedSince],
        ),
        bureau: await em.execute<{ id: string }[]>('select id from bureau_alert where sent_at >= ? order by sent_at', [
          firedSince,
        ]),
        disputes: await em.execute<{ id: string }[]>(
          `select id from dispute
           where greatest(raised_at, coalesce(reviewed_at, raised_at), coalesce(resolved_at, raised_at)) >= ?`,
          [movedSince],
        ),
      }));
      for (const { id } of missed.alerts) alerts += (await this.dispatch({ schoolId, alertId: id })) ? 1 : 0;
      for (const { id } of missed.disputes) disputes += (await this.dispatch({ schoolId, disputeId: id })) ? 1 : 0;
      for (const { id } of missed.bureau) alerts += (await this.dispatch({ schoolId, bureauAlertId: id })) ? 1 : 0;
    }
    const credentials = new Set<string>();
    for (const subscribers of this.bySchool.values())
      for (const s of subscribers) credentials.add(s.viewer.credentialId);
    for (const credentialId of credentials) await this.onSessionsRevoked(credentialId);
    this.log.info('alert listener reconnected and caught up', { alerts, disputes, sessionsChecked: credentials.size });
  }

  /** Whether this event is news here: the first time its key is seen (keys are kept for a while, then forgotten). */
  private firstTime(key: string): boolean {
    const now = Date.now();
    for (const [seen, at] of this.delivered) {
      if (now - at <= DELIVERED_MEMORY_MS) break;
      this.delivered.delete(seen);
    }
    if (this.delivered.has(key)) return false;
    this.delivered.set(key, now);
    return true;
  }

  /** Keeps trying, once a second, until the database answers again. */
  private reconnect(directUrl: string): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.start(directUrl).catch((error: unknown) => {
        this.log.warn('alert listener could not reconnect', {
          message: error instanceof Error ? error.message : String(error),
        });
        this.reconnect(directUrl);
      });
    }, 1000);
  }

  /**
   * Resolves once every notice committed before this call has reached this instance: PostgreSQL delivers a listening
   * session's pending notices before it answers the next statement on it. A mutation waits for this after its commit,
   * so that what it changed (a session revoked, an account disabled) holds for the very next request here.
   */
  async settled(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    await listener.query('select 1').catch(() => this.sessionFacts.lost());
  }

  async stop(): Promise<void> {
    this.sessionFacts.lost();
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

  /** Delivers one event to this instance's subscribers; false when it was delivered here before. */
  private async dispatch(event: AlertEvent): Promise<boolean> {
    const now = this.clock.now();
    const all = [...(this.bySchool.get(event.schoolId) ?? [])];
    // An expired session hears nothing more; its subscription ends here.
    for (const expired of all.filter((s) => s.viewer.sessionExpiresAt <= now)) await expired.queue.return();
    const subscribers = all.filter((s) => s.viewer.sessionExpiresAt > now);
    if (subscribers.length === 0) return false;
    if ('disputeId' in event) return this.dispatchDispute(event.schoolId, event.disputeId, subscribers);
    if ('bureauAlertId' in event) return this.dispatchBureauNotice(event.schoolId, event.bureauAlertId, subscribers);
    const alertId = event.alertId;
    if (this.delivered.has(`alert:${alertId}`)) return false;
    const messages = await inTenantTransaction(
      this.orm.em,
      { schoolId: event.schoolId, authorityId: null },
      async (em) => {
        const alert = await em.findOne(DeadlineAlert, { id: alertId }, { populate: ['task'] });
        if (!alert?.firedAt || !this.firstTime(`alert:${alertId}`)) return [];
        const task = alert.task.getEntity();
        // A person with several tabs open is one account.
        const studentAccounts = [
          ...new Set(subscribers.filter((s) => s.viewer.roles.includes(Role.STUDENT)).map((s) => s.viewer.accountId)),
        ];
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
          counter && studentIds.length
            ? await counter(em, studentIds, { year: task.dataYear, semester: task.dataSemester })
            : new Map<string, number>();

        const recipients: Recipient[] = [];
        for (const subscriber of subscribers) {
          const student = studentByAccount.get(subscriber.viewer.accountId) ?? null;
          const gradeYear = student?.schoolClass?.getEntity().gradeYear ?? null;
          if (concerns(task, subscriber.viewer, gradeYear))
            recipients.push({ subscriber, studentId: student?.id ?? null });
        }
        // What a recipient reads depends only on their end of the window and their count: recipients alike share
        // one message (its sentence formatted once), not one each.
        const alike = new Map<string, DeadlineAlertMessage>();
        const id = toGlobalId('DeadlineAlert', alert.id);
        return recipients.map(({ subscriber, studentId }) => {
          const extension = studentId ? extensionByStudent.get(studentId) : undefined;
          const extended = Boolean(extension && extension.endsAt > task.endsAt);
          const endsAt = extended ? extension!.endsAt : task.endsAt;
          const pendingCount = studentId && counter ? (pending.get(studentId) ?? 0) : null;
          const key = `${endsAt.getTime()}:${extended}:${pendingCount}`;
          let message = alike.get(key);
          if (!message) {
            message = Object.assign(new DeadlineAlertMessage(), {
              id,
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
            alike.set(key, message);
          }
          return { subscriber, message };
        });
      },
    );
    for (const { subscriber, message } of messages) subscriber.queue.push(message);
    return messages.length > 0;
  }

  /** The bureau alerted the school from its board: the responsible sections' staff connected here hear it, once. */
  private async dispatchBureauNotice(schoolId: string, alertId: string, subscribers: Subscriber[]): Promise<boolean> {
    if (!this.firstTime(`bureau:${alertId}`)) return false;
    const found = await inTenantTransaction(this.orm.em, { schoolId, authorityId: null }, (em) =>
      bureauNoticeMessage(em, alertId),
    );
    if (!found) return false;
    const recipients = subscribers.filter((subscriber) => hearsBureauNotice(found.task, subscriber.viewer));
    for (const subscriber of recipients) subscriber.queue.push(found.message);
    return recipients.length > 0;
  }

  /** A dispute moved: its student's own sessions hear what happened and what the section answered. */
  private async dispatchDispute(schoolId: string, disputeId: string, subscribers: Subscriber[]): Promise<boolean> {
    const found = await inTenantTransaction(this.orm.em, { schoolId, authorityId: null }, async (em) => {
      const dispute = await em.findOne(Dispute, { id: disputeId });
      const student = dispute?.student ? await em.findOne(Student, { id: dispute.student.id }) : null;
      return dispute && student?.account ? { dispute, accountId: student.account.id } : null;
    });
    if (!found || !this.firstTime(`dispute:${found.dispute.id}:${found.dispute.status}`)) return false;
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
    const recipients = subscribers.filter((subscriber) => subscriber.viewer.accountId === accountId);
    for (const subscriber of recipients) subscriber.queue.push(message);
    return recipients.length > 0;
  }
}

declare module '../../common/context.js' {
  interface AppServices {
    /** Deadline alerts reaching this instance's subscribers. */
    alerts: AlertHub;
  }
}
