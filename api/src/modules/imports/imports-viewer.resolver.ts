import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayImport } from './imports.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class ImportsViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以匯入資料（註冊組、教學組、資訊組，依資料種類）' })
  viewerCanImport(@Root() me: Me): boolean {
    return mayImport(me.viewer);
  }
}
