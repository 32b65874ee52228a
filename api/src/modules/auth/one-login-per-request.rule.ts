import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { ErrorCode } from '../../common/errors.js';

/** The mutations that check a password or end a session. */
const ONCE = new Set(['login', 'logout', 'changePassword']);

/**
 * A request may sign in, sign out or change a password once, and do only one of these. Several aliased `login`
 * fields in one mutation would try several passwords under one request, and pair a guess with a sign-in of the
 * guesser's own. Counted over the whole document, so a field repeated through fragments counts too.
 */
export function OneLoginPerRequest(context: ValidationContext): ASTVisitor {
  const mutationType = context.getSchema().getMutationType();
  let seen = 0;
  return {
    Field(node) {
      if (!mutationType || context.getParentType() !== mutationType || !ONCE.has(node.name.value)) return;
      seen += 1;
      if (seen === 2) {
        context.reportError(
          new GraphQLError('一次請求只能做一件事：登入、登出或變更密碼，各請分開送出。', {
            nodes: node,
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          }),
        );
      }
    },
  };
}
