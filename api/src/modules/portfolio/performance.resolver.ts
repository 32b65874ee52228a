import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { FileUpload } from '../files/upload.entity.js';
import { AcademicYear } from '../term/term.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { RecordPerformanceInput } from './dto/portfolio.input.js';
import { PERFORMANCE_FIELDS } from './performance-fields.js';
import { recordPerformance } from './performance.service.js';
import { PERFORMANCE_CATEGORY_LABELS, PerformanceCategory } from './portfolio.enums.js';
import { PerformanceCategoryInfo, PerformanceDetail } from './portfolio.types.js';

const DiversePerformancePayload = PayloadType('DiversePerformancePayload', 'performance', () => DiversePerformance);
type DiversePerformancePayload = InstanceType<typeof DiversePerformancePayload>;

@Resolver(() => DiversePerformance)
export class DiversePerformanceResolver {
  @Authorized()
  @Query(() => [PerformanceCategoryInfo], { description: '多元表現的類別與各自的欄位' })
  performanceCategories(): PerformanceCategoryInfo[] {
    return Object.values(PerformanceCategory).map((category) => ({
      category,
      label: PERFORMANCE_CATEGORY_LABELS[category],
      fields: PERFORMANCE_FIELDS[category].map((field) => ({ ...field, choices: field.choices ?? [] })),
    }));
  }

  @Authorized()
  @Mutation(() => DiversePerformancePayload, { description: '學生登錄多元表現' })
  async recordPerformance(
    @Arg('input') input: RecordPerformanceInput,
    @Ctx() ctx: AppContext,
  ): Promise<DiversePerformancePayload> {
    return payload(new DiversePerformancePayload(), 'performance', await recordPerformance(ctx, input), null);
  }

  @FieldResolver(() => [PerformanceDetail], { description: '類別的欄位值' })
  details(@Root() performance: DiversePerformance): PerformanceDetail[] {
    return PERFORMANCE_FIELDS[performance.category]
      .filter((field) => performance.details[field.key] !== undefined)
      .map((field) => ({ key: field.key, label: field.label, value: performance.details[field.key]! }));
  }

  @FieldResolver(() => AcademicYear)
  academicYear(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<AcademicYear | null> {
    return ctx.loaders.academicYearById.load(performance.academicYear.id);
  }

  @FieldResolver(() => FileUpload, { nullable: true })
  document(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return performance.document ? ctx.loaders.uploadById.load(performance.document.id) : null;
  }

  @FieldResolver(() => FileUpload, { nullable: true })
  media(@Root() performance: DiversePerformance, @Ctx() ctx: AppContext): Promise<FileUpload | null> | null {
    return performance.media ? ctx.loaders.uploadById.load(performance.media.id) : null;
  }
}
