import type { GraphQLScalarType } from 'graphql';
import { type ClassType, Field, ObjectType } from 'type-graphql';

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

type PayloadClass<K extends string, V> = new () => MutationPayload & { [P in K]: V };
interface PayloadFieldOptions {
  description?: string;
}

/**
 * The one way to declare a mutation's payload, as ConnectionType declares connections: the type `name` with
 * `userErrors` and the field `key` holding what the mutation wrote, null when nothing was (`nullable: false` for a
 * list that is empty then, or a scalar). A payload with more to say than one value extends MutationPayload by hand.
 */
export function PayloadType<K extends string, V extends object>(
  name: string,
  key: K,
  type: () => ClassType<V>,
  options?: PayloadFieldOptions,
): PayloadClass<K, V | null>;
export function PayloadType<K extends string, V extends object>(
  name: string,
  key: K,
  type: () => ClassType<V>[],
  options: PayloadFieldOptions & { nullable: false },
): PayloadClass<K, V[]>;
export function PayloadType<K extends string, V extends object>(
  name: string,
  key: K,
  type: () => ClassType<V>[],
  options?: PayloadFieldOptions,
): PayloadClass<K, V[] | null>;
/** A scalar: name its TypeScript type, `PayloadType<'changed', boolean>(…, () => Boolean, { nullable: false })`. */
export function PayloadType<K extends string, V>(
  name: string,
  key: K,
  type: () => GraphQLScalarType | BooleanConstructor,
  options: PayloadFieldOptions & { nullable: false },
): PayloadClass<K, V>;
export function PayloadType(
  name: string,
  key: string,
  type: () => unknown,
  options: PayloadFieldOptions & { nullable?: false } = {},
): PayloadClass<string, unknown> {
  class Payload extends MutationPayload {}
  // The type thunk stays lazy (classes may not be defined yet), so nullability comes from the options alone.
  Field(type as () => ClassType, {
    nullable: options.nullable ?? true,
    ...(options.description ? { description: options.description } : {}),
  })(Payload.prototype, key);
  ObjectType(name)(Payload);
  return Payload as unknown as PayloadClass<string, unknown>;
}
