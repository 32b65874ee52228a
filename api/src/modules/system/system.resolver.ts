import { setTimeout as sleep } from 'node:timers/promises';
import { Ctx, Field, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { unauthenticated } from '../../common/errors.js';
import { formatRocDateTime } from '../../common/roc.js';

@ObjectType({ description: '伺服器時間' })
class ServerClockTick {
  @Field()
  now!: Date;

  @Field({ description: '民國日期時間，例如「115/11/28 17:05」' })
  rocDateTime!: string;
}

export const CLOCK_TICK_MS = 1000;

function tick(now: Date): ServerClockTick {
  return Object.assign(new ServerClockTick(), { now, rocDateTime: formatRocDateTime(now) });
}

/** Yields the server's time every second until the client unsubscribes. */
async function* clockTicks(ctx: AppContext): AsyncGenerator<Date> {
  for (;;) {
    yield ctx.services.clock.now();
    await sleep(CLOCK_TICK_MS);
  }
}

@Resolver()
export class SystemResolver {
  @Query(() => ServerClockTick, { description: '伺服器目前時間；期限以伺服器時間為準' })
  serverTime(@Ctx() ctx: AppContext): ServerClockTick {
    return tick(ctx.services.clock.now());
  }

  @Subscription(() => ServerClockTick, {
    description: '每秒一次的伺服器時間（需登入），用來確認即時連線正常',
    subscribe: ({ context }) => {
      const ctx = context as AppContext;
      if (!ctx.viewer) throw unauthenticated();
      return clockTicks(ctx);
    },
  })
  serverClock(@Root() now: Date): ServerClockTick {
    return tick(now);
  }
}
