import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { ConnectionArgs } from '../../common/pagination.js';
import { Role } from '../../common/roles.js';
import {
  cityCohortTable,
  citySchoolStatistics,
  cityTermProgress,
  schoolClassStatistics,
  schoolCohortTable,
  schoolTermProgress,
} from './statistics.service.js';
import {
  ClassStatisticsConnection,
  ClassTermProgressConnection,
  CohortStatisticsTable,
  SchoolStatisticsConnection,
  SchoolTermProgressConnection,
} from './statistics.types.js';

@ArgsType()
class CitySchoolStatisticsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '只算這個入學年度（民國）；省略：全部' })
  cohort?: number | null;

  @Field(() => [ID], { nullable: true, description: '只列這些學校（須為本局所轄）' })
  schoolIds?: string[] | null;
}

@ArgsType()
class CityTermProgressArgs extends ConnectionArgs {
  @Field(() => String, { description: '學期代碼，例如「1151」' })
  term!: string;
}

@ArgsType()
class SchoolClassStatisticsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '只算這個入學年度（民國）；省略：全部' })
  cohort?: number | null;
}

@ArgsType()
class SchoolTermProgressArgs extends ConnectionArgs {
  @Field(() => ID, { description: '本校的學期' })
  termId!: string;
}

/**
 * City statistics for the bureau (aggregates of its own schools, through SECURITY DEFINER functions) and the same
 * views of one school for its offices. Figures are exact as of `asOf`: the counters change in the same transaction
 * as the uploads, certifications and records they count.
 */
@Resolver()
export class StatisticsResolver {
  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => CohortStatisticsTable, { description: '全市入學年度統計表（教育局）：每個入學年度一列與總計' })
  cityCohortStatistics(@Ctx() ctx: AppContext) {
    return cityCohortTable(ctx);
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => SchoolStatisticsConnection, { description: '各校（部別）統計（教育局）' })
  citySchoolStatistics(@Args() args: CitySchoolStatisticsArgs, @Ctx() ctx: AppContext) {
    return citySchoolStatistics(ctx, args);
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => SchoolTermProgressConnection, {
    description: '一個學期在期程開放中的各校進度（教育局）：上傳、認證、勾選與確認率',
  })
  cityTermProgress(@Args() args: CityTermProgressArgs, @Ctx() ctx: AppContext) {
    return cityTermProgress(ctx, args);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => CohortStatisticsTable, { description: '本校入學年度統計表（學校行政）' })
  schoolCohortStatistics(@Ctx() ctx: AppContext) {
    return schoolCohortTable(ctx);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => ClassStatisticsConnection, { description: '本校各班統計（學校行政）' })
  schoolClassStatistics(@Args() args: SchoolClassStatisticsArgs, @Ctx() ctx: AppContext) {
    return schoolClassStatistics(ctx, args);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => ClassTermProgressConnection, { description: '本校一個學期的各班進度（學校行政）' })
  schoolTermProgress(@Args() args: SchoolTermProgressArgs, @Ctx() ctx: AppContext) {
    return schoolTermProgress(ctx, args);
  }
}
