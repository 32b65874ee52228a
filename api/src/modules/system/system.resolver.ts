import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { formatRocDateTime } from '../../common/roc.js';

@ObjectType({ description: '伺服器時間' })
class ServerClockTick {
  @Field()
  now!: Date;

  @Field({ description: '民國日期時間，例如「115/11/28 17:05」' })
  rocDateTime!: string;
}

function tick(now: Date): ServerClockTick {
  return Object.assign(new ServerClockTick(), { now, rocDateTime: formatRocDateTime(now) });
}

@Resolver()
export class SystemResolver {
  @Query(() => ServerClockTick, { description: '伺服器目前時間；期限以伺服器時間為準' })
  serverTime(@Ctx() ctx: AppContext): ServerClockTick {
    return tick(ctx.services.clock.now());
  }
}
