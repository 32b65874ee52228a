import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { FileUpload } from '../files/upload.entity.js';
import { AcademicYear } from '../term/term.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { RecordPerformanceInput } from './dto/portfolio.input.js';
import { choiceOf, PERFORMANCE_FIELDS, type PerformanceField } from './performance-fields.js';
import { recordPerformance } from './performance.service.js';
import { ALL_PERFORMANCE_CATEGORIES, PERFORMANCE_CATEGORY_LABELS } from './portfolio.enums.js';
import { PerformanceCategoryInfo, PerformanceDetail } from './portfolio.types.js';

const DiversePerformancePayload = PayloadType('DiversePerformancePayload', 'performance', () => DiversePerformance);
type DiversePerformancePayload = InstanceType<typeof DiversePerformancePayload>;

@Resolver(() => DiversePerformance)
export class DiversePerformanceResolver {
  @Authorized()
  @Query(() => [PerformanceCategoryInfo], {
    description:
      '多元表現的類別與各自的欄位：學校開放登錄的類別，依學校設定的順序；includeNotOffered 時再列出不開放的類別（顯示已登錄的資料用）',
  })
  performanceCategories(
    @Ctx() ctx: AppContext,
    @Arg('includeNotOffered', { defaultValue: false }) includeNotOffered: boolean,
  ): PerformanceCategoryInfo[] {
    const offered = ctx.services.config.portfolio.performanceCategories;
    const rest = includeNotOffered ? ALL_PERFORMANCE_CATEGORIES.filter((category) => !offered.includes(category)) : [];
    return [...offered, ...rest].map((category) => ({
      category,
      label: PERFORMANCE_CATEGORY_LABELS[category],
      fields: PERFORMANCE_FIELDS[category].map(fieldInfo),
      offered: offered.includes(category),
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

  @FieldResolver(() => String, { description: '類別的名稱' })
  categoryLabel(@Root() performance: DiversePerformance): string {
    return PERFORMANCE_CATEGORY_LABELS[performance.category];
  }

  @FieldResolver(() => [PerformanceDetail], { description: '類別的欄位值' })
  details(@Root() performance: DiversePerformance): PerformanceDetail[] {
    const details: Record<string, unknown> = performance.details ?? {};
    return PERFORMANCE_FIELDS[performance.category]
      .filter((field) => details[field.key] !== undefined && details[field.key] !== null)
      .map((field) => ({
        key: field.key,
        label: field.label,
        value: String(details[field.key]),
        code: choiceOf(field, details[field.key])?.code ?? null,
      }));
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

const fieldInfo = (field: PerformanceField) => ({
  key: field.key,
  label: field.label,
  kind: field.kind,
  required: field.required,
  choices: (field.choices ?? []).map((choice) => choice.label),
  options: (field.choices ?? []).map(({ code, label }) => ({ code, label })),
});
