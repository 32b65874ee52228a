import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayListSubmissions, mayPrecheck, mayReviewReceipts } from './round.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class RoundViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以進行預檢：匯出預檢名冊、匯入比對結果（教學組、註冊組）' })
  viewerCanPrecheck(@Root() me: Me): boolean {
    return mayPrecheck(me.viewer);
  }

  @FieldResolver(() => Boolean, { description: '可以使用提交主控台、匯入收訖明細與處理疑義（負責提交的處室）' })
  viewerCanManageSubmissions(@Root() me: Me): boolean {
    return mayListSubmissions(me.viewer);
  }

  @FieldResolver(() => Boolean, { description: '可以確認自己的收訖明細或提出疑義（學生）' })
  viewerCanReviewReceipts(@Root() me: Me): boolean {
    return mayReviewReceipts(me.viewer);
  }
}
