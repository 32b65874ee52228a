import type { AppContext } from '../../common/context.js';
import { grade12CohortOf } from '../../common/data-period.js';
import { GRADE12_ROUND_CATEGORIES, type SubmissionCategory } from '../../common/submission-category.js';
import type { Term } from '../term/term.entity.js';
import type { RosterScope } from './central/rosters.js';
import { Submission } from './submission.entity.js';

/**
 * Where a round's central rosters come from, and what their first columns say: the viewer's school code, year, term.
 * The 高三 round's packages hold grade-12 students only; once a category has gone in the 高三 round, the regular
 * round's packages of that term leave those students out (their data is already submitted).
 */
export async function rosterScopeOf(
  ctx: AppContext,
  term: Term,
  round: { category: SubmissionCategory; grade12Round: boolean },
): Promise<RosterScope> {
  const year = (await ctx.loaders.academicYearById.load(term.academicYear.id))!;
  const school = (await ctx.loaders.schoolById.load(ctx.viewer!.schoolId!))!;
  const grade12Cohort = grade12CohortOf(year.year);
  let cohort: RosterScope['cohort'] = null;
  if (round.grade12Round) cohort = { only: grade12Cohort };
  else if (term.semester === 2 && GRADE12_ROUND_CATEGORIES.includes(round.category)) {
    const grade12Submitted = await ctx.em.count(Submission, {
      term: term.id,
      category: round.category,
      grade12Round: true,
    });
    if (grade12Submitted > 0) cohort = { except: grade12Cohort };
  }
  return {
    schoolCode: school.code,
    termId: term.id,
    academicYearId: term.academicYear.id,
    year: year.year,
    semester: term.semester,
    cohort,
  };
}
