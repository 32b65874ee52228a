import type { AppContext } from '../../common/context.js';
import type { Term } from '../term/term.entity.js';
import type { RosterScope } from './central/rosters.js';

/** Where a term's central rosters come from, and what their first columns say: the viewer's school code, year, term. */
export async function rosterScopeOf(ctx: AppContext, term: Term): Promise<RosterScope> {
  const year = (await ctx.loaders.academicYearById.load(term.academicYear.id))!;
  const school = (await ctx.loaders.schoolById.load(ctx.viewer!.schoolId!))!;
  return {
    schoolCode: school.code,
    termId: term.id,
    academicYearId: term.academicYear.id,
    year: year.year,
    semester: term.semester,
  };
}
