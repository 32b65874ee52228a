import { Field, ObjectType } from 'type-graphql';

/** A problem the user can fix, returned in a mutation's payload rather than thrown. */
@ObjectType({ description: '使用者可自行修正的錯誤' })
export class UserError {
  @Field(() => [String], { description: '出錯的輸入欄位路徑，例如 ["input", "nationalId"]' })
  field: string[];

  @Field({ description: '穩定的英文錯誤代碼，例如 INVALID_NATIONAL_ID' })
  code: string;

  @Field({ description: '給使用者看的中文說明' })
  message: string;

  constructor(field: string[], code: string, message: string) {
    this.field = field;
    this.code = code;
    this.message = message;
  }
}

/** What a service returns for a mutation: the value, or the problems that kept it from being written. */
export interface Result<T> {
  value: T | null;
  userErrors: UserError[];
}

export const userError = (field: string | null, code: string, message: string): UserError =>
  new UserError(field ? ['input', ...field.split('.')] : [], code, message);

@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError], { description: '使用者可修正的錯誤；空陣列表示成功' })
  userErrors: UserError[] = [];
}

/** Fills a mutation's payload from a service result: the value under `key` (or `empty`), and the userErrors. */
export function payload<P extends MutationPayload, K extends keyof P>(
  target: P,
  key: K,
  result: Result<P[K]>,
  empty: P[K],
): P {
  target.userErrors = result.userErrors;
  target[key] = result.value ?? empty;
  return target;
}
