import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey } from '../../common/loaders.js';
import { CadreRecord, CounselingParticipant } from './records.entity.js';

export function recordsLoaders(em: EntityManager) {
  return {
    participantsByRecord: manyByKey(em, CounselingParticipant, 'record', (p) => p.record.id, { id: 'asc' }),
    cadresByStudent: manyByKey(em, CadreRecord, 'student', (c) => c.student.id, { startsOn: 'asc' }),
  };
}

declare module '../../common/context.js' {
  interface Loaders extends ReturnType<typeof recordsLoaders> {}
}
