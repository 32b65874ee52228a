import { Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { notFound } from '../../common/errors.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination.js';
import { termKey, termLabel } from '../../common/roc.js';
import { AcademicYear, Term } from './term.entity.js';
import { termsPage } from './term.service.js';

const TermConnection = ConnectionType(Term, 'Term');

async function yearOf(term: Term, ctx: AppContext): Promise<AcademicYear> {
  const year = await ctx.loaders.academicYearById.load(term.academicYear.id);
  if (!year) throw notFound('學年度');
  return year;
}

@Resolver(() => Term)
export class TermResolver {
  @Authorized()
  @Query(() => TermConnection, { description: '本校的學期，由舊到新' })
  terms(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return termsPage(ctx, args);
  }

  @FieldResolver(() => AcademicYear)
  academicYear(@Root() term: Term, @Ctx() ctx: AppContext): Promise<AcademicYear> {
    return yearOf(term, ctx);
  }

  @FieldResolver(() => Int, { description: '民國學年度' })
  async year(@Root() term: Term, @Ctx() ctx: AppContext): Promise<number> {
    return (await yearOf(term, ctx)).year;
  }

  @FieldResolver(() => String, { description: '學期代碼，例如「1151」' })
  async key(@Root() term: Term, @Ctx() ctx: AppContext): Promise<string> {
    return termKey((await yearOf(term, ctx)).year, term.semester);
  }

  @FieldResolver(() => String, { description: '例如「115學年度第1學期」' })
  async label(@Root() term: Term, @Ctx() ctx: AppContext): Promise<string> {
    return termLabel((await yearOf(term, ctx)).year, term.semester);
  }
}
