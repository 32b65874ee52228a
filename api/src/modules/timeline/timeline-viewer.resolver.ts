import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayEditTimeline, mayPublishTemplates } from './timeline.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class TimelineViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以調整學校期程、核准延長（執行秘書、教學組、註冊組）' })
  viewerCanEditTimeline(@Root() me: Me): boolean {
    return mayEditTimeline(me.viewer);
  }

  @FieldResolver(() => Boolean, { description: '可以發布期程範本（教育局）' })
  viewerCanPublishTemplates(@Root() me: Me): boolean {
    return mayPublishTemplates(me.viewer);
  }
}
