import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { manyByKey } from '../../common/loaders.js';
import { adoptionsOfTemplates, type TemplateAdoptionFacts } from './template-adoption.service.js';
import { TimelineTemplateTask } from './timeline-template.entity.js';

export function timelineLoaders(em: EntityManager) {
  return {
    templateTasksByTemplate: manyByKey(em, TimelineTemplateTask, 'template', (task) => task.template.id, {
      startsAt: 'asc',
    }),
    /** The viewer's school's adoption of each template (null when it has none), for the whole list in one batch. */
    templateAdoptionByTemplate: new DataLoader<string, TemplateAdoptionFacts | null>(async (templateIds) => {
      const adoptions = await adoptionsOfTemplates(em, templateIds);
      return templateIds.map((id) => adoptions.get(id) ?? null);
    }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof timelineLoaders> {}
}
