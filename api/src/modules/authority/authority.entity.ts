import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { newId, toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';

@ObjectType({ implements: Node, description: '教育局（主管機關），下轄多所學校' })
@Entity({ tableName: 'authority' })
export class Authority implements Node {
  [OptionalProps]?: 'createdAt' | 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field({ description: '機關代碼' })
  @Property()
  code!: string;

  @Field({ description: '機關名稱，例如「臺北市政府教育局」' })
  @Property()
  name!: string;

  @Property()
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Authority', this.id);
  }
}
