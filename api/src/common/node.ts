import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with an identity can be fetched again by its global id through node(id:). */
@InterfaceType({ description: '具有全域識別碼（Relay global id）的物件' })
export abstract class Node {
  // Not `abstract`: some decorator transforms drop decorators on abstract members.
  @Field(() => ID, { name: 'id', description: '全域識別碼' })
  readonly globalId!: string;
}
