import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayViewStatistics } from './statistics.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class StatisticsViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以查看學習歷程統計（教育局：全市與各校；學校行政：本校各班）' })
  viewerCanViewStatistics(@Root() me: Me): boolean {
    return mayViewStatistics(me.viewer);
  }
}
