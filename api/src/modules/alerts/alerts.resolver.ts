import { Authorized, Ctx, Extensions, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { unauthenticated } from '../../common/errors.js';
import { DeadlineAlertMessage } from './alert-message.js';
import { StudentTodo, studentTodo } from './student-todo.js';

@Resolver()
export class AlertsResolver {
  // The hub gives recipients alike one message object, whose fields are its own properties: the WebSocket server
  // executes it once for all of them (sharedEvents in ws-server.ts).
  @Extensions({ sharedEvents: true })
  @Subscription(() => DeadlineAlertMessage, {
    description: '與我有關的期限提醒：開放、截止前 72／24／1 小時、截止、期程變更',
    subscribe: ({ context }) => {
      const ctx = context as AppContext;
      if (!ctx.viewer) throw unauthenticated();
      return ctx.services.alerts.subscribe(ctx.viewer);
    },
  })
  deadlineAlerts(@Root() alert: DeadlineAlertMessage): DeadlineAlertMessage {
    return alert;
  }

  @Authorized()
  @Query(() => [StudentTodo], {
    description: '學生在開放中的期程裡還沒做完的事（依截止時間排序）；不是學生時為空',
  })
  myTodo(@Ctx() ctx: AppContext): Promise<StudentTodo[]> {
    return studentTodo(ctx);
  }
}
