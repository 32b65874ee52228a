import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditLogEntry } from '../audit/audit-log.entity.js';
import { TimelineTemplateTask } from './timeline-template.entity.js';
import { TimelineTask } from './timeline-task.entity.js';

export interface TemplateAdoptionFacts {
  /** The school's windows that come from this template now (a later plan with the same window takes it over). */
  windowCount: number;
  adoptedAt: Date;
}

/** The moment a UUIDv7 (newId) was made: its first 48 bits are the milliseconds since 1970. */
function timeOfId(id: string): Date {
  return new Date(parseInt(id.replaceAll('-', '').slice(0, 12), 16));
}

/**
 * Which of these templates the viewer's school has adopted, through the tenant-filtered em (a school reads only its own
 * windows and audit rows). A template counts as adopted while at least one of the school's windows comes from it.
 * The time is the school's latest `timeline.adopt` of it; the demo seed and the test factory adopt without that
 * mutation, and for those the windows' own creation (their UUIDv7 ids) is when they were adopted.
 */
export async function adoptionsOfTemplates(
  em: EntityManager,
  templateIds: readonly string[],
): Promise<Map<string, TemplateAdoptionFacts>> {
  const templateTasks = await em.find(
    TimelineTemplateTask,
    { template: { $in: [...templateIds] } },
    { fields: ['id', 'template'] },
  );
  const templateOfTask = new Map(templateTasks.map((task) => [task.id, task.template.id]));
  const windows =
    templateTasks.length === 0
      ? []
      : await em.find(
          TimelineTask,
          { templateTaskId: { $in: [...templateOfTask.keys()] } },
          { fields: ['id', 'templateTaskId'] },
        );
  const adopted = new Map<string, { windowCount: number; firstCreated: Date }>();
  for (const window of windows) {
    const templateId = templateOfTask.get(window.templateTaskId!)!;
    const created = timeOfId(window.id);
    const facts = adopted.get(templateId);
    if (!facts) adopted.set(templateId, { windowCount: 1, firstCreated: created });
    else {
      facts.windowCount += 1;
      if (created < facts.firstCreated) facts.firstCreated = created;
    }
  }
  if (adopted.size === 0) return new Map();
  // adoptTemplate audits the template's id first, then its windows'.
  const audits = await em.find(
    AuditLogEntry,
    { operation: 'timeline.adopt', targetIds: { $overlap: [...adopted.keys()] } },
    { fields: ['targetIds', 'occurredAt'] },
  );
  const lastAudited = new Map<string, Date>();
  for (const audit of audits) {
    const templateId = audit.targetIds[0]!;
    const known = lastAudited.get(templateId);
    if (!known || audit.occurredAt > known) lastAudited.set(templateId, audit.occurredAt);
  }
  return new Map(
    [...adopted].map(([templateId, facts]) => [
      templateId,
      { windowCount: facts.windowCount, adoptedAt: lastAudited.get(templateId) ?? facts.firstCreated },
    ]),
  );
}
