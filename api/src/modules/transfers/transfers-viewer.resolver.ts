import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Me } from '../auth/me.type.js';
import { mayManageTransfers } from './transfers.permissions.js';
import { transfersAwaiting } from './transfers.service.js';

/** This module's permission flag on the signed-in viewer, and the work waiting for it. */
@Resolver(() => Me)
export class TransfersViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以辦理轉學（轉入申請、轉出同意與接收）（註冊組）' })
  viewerCanManageTransfers(@Root() me: Me): boolean {
    return mayManageTransfers(me.viewer);
  }

  @FieldResolver(() => Int, {
    description: '等待本校處理的轉學件數：待本校同意的轉出申請，加上原校已同意、待本校接收的轉入申請',
  })
  transfersAwaitingViewer(@Ctx() ctx: AppContext): Promise<number> {
    return transfersAwaiting(ctx);
  }
}
