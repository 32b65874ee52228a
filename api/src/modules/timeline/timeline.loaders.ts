import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey } from '../../common/loaders.js';
import { TimelineTemplateTask } from './timeline-template.entity.js';

export function timelineLoaders(em: EntityManager) {
  return {
    templateTasksByTemplate: manyByKey(em, TimelineTemplateTask, 'template', (task) => task.template.id, {
      startsAt: 'asc',
    }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof timelineLoaders> {}
}
