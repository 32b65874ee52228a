import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayRecordCadres, mayRecordCounseling } from './records.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class RecordsViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以登錄校內幹部（訓育組）' })
  viewerCanRecordCadres(@Root() me: Me): boolean {
    return mayRecordCadres(me.viewer);
  }

  @FieldResolver(() => Boolean, { description: '可以登錄課程諮詢紀錄（課程諮詢教師）' })
  viewerCanRecordCounseling(@Root() me: Me): boolean {
    return mayRecordCounseling(me.viewer);
  }
}
