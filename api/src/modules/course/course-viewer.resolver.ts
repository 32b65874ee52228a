import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Me } from '../auth/me.type.js';
import { mayEnterGrades } from './course.permissions.js';

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class CourseViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以登錄任教班級的成績（任課教師）' })
  viewerCanEnterGrades(@Root() me: Me): boolean {
    return mayEnterGrades(me.viewer);
  }
}
