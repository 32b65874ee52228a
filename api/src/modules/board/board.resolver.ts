import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Role } from '../../common/roles.js';
import { payload } from '../../common/user-error.js';
import { bureauBoard, sendBoardAlert } from './board.service.js';
import { BureauBoard, SendBoardAlertInput, SendBoardAlertPayload } from './board.types.js';

/** The bureau's live board (教育局即時看板) and its alert to a school. */
@Resolver()
export class BoardResolver {
  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => BureauBoard, {
    description: '教育局即時看板：各校各類別的階段與市定日期、近 7 日速度、開放中期程的完成預測與回測',
  })
  bureauBoard(
    @Arg('term', () => String, { nullable: true, description: '學期代碼，例如「1151」；省略：目前學期' })
    term: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<BureauBoard> {
    return bureauBoard(ctx, term);
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Mutation(() => SendBoardAlertPayload, {
    description: '從看板提醒一所學校的負責組別某項期程工作（經期限提醒的訂閱送達；同一工作 6 小時內只送一次）',
  })
  async sendBoardAlert(
    @Arg('input') input: SendBoardAlertInput,
    @Ctx() ctx: AppContext,
  ): Promise<SendBoardAlertPayload> {
    return payload(new SendBoardAlertPayload(), 'alert', await sendBoardAlert(ctx, input), null);
  }
}
