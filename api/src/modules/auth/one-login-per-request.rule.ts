import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { ErrorCode } from '../../common/errors.js';

const ONCE = ['login', 'logout'];

/**
 * A request may sign in (or out) once. Several aliased `login` fields in one mutation would try several passwords
 * under one request, and pair a guess with a sign-in of the guesser's own. Counted over the whole document, so a
 * field repeated through fragments counts too.
 */
export function OneLoginPerRequest(context: ValidationContext): ASTVisitor {
  const mutationType = context.getSchema().getMutationType();
  const seen = new Map<string, number>();
  return {
    Field(node) {
      const name = node.name.value;
      if (!mutationType || context.getParentType() !== mutationType || !ONCE.includes(name)) return;
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      if (count === 2) {
        context.reportError(
          new GraphQLError(`一次請求只能有一個 ${name}（登入或登出一次做一件事）。`, {
            nodes: node,
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          }),
        );
      }
    },
  };
}
