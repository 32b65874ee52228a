import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { maskNationalId } from '../../common/national-id.js';
import { ConnectionArgs } from '../../common/pagination.js';
import { Role } from '../../common/roles.js';
import { payload } from '../../common/user-error.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { School } from '../school/school.entity.js';
import {
  ApproveTransferOutInput,
  DeclineTransferOutInput,
  RequestTransferInInput,
  TransferIn,
  TransferInConnection,
  TransferInIdInput,
  TransferInPayload,
  TransferLookup,
  TransferNewStudent,
  TransferOut,
  TransferOutConnection,
  TransferOutPayload,
  TransferStatus,
} from './transfer.types.js';
import { mayCancelTransfer, mayManageTransfers } from './transfers.permissions.js';
import {
  approveTransferOut,
  cancelTransferIn,
  declineTransferOut,
  listTransfersIn,
  listTransfersOut,
  lookupTransfer,
  receiveTransferIn,
  requestTransferIn,
} from './transfers.service.js';

@Resolver(() => TransferIn)
export class TransferInResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => TransferLookup, {
    description: '轉入學生：以身分證字號與出生日期查詢本市其他學校的學籍與本校是否已有此學生（註冊組）',
  })
  transferLookup(
    @Arg('nationalId') nationalId: string,
    @Arg('birthDate', { description: 'YYYY-MM-DD' }) birthDate: string,
    @Ctx() ctx: AppContext,
  ): Promise<TransferLookup> {
    return lookupTransfer(ctx, nationalId, birthDate);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => TransferInConnection, { description: '本校提出的轉入申請，新的在前（註冊組）' })
  transfersIn(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return listTransfersIn(ctx, args);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TransferInPayload, { description: '提出轉入申請，送交原就讀學校同意（註冊組）' })
  async requestTransferIn(
    @Arg('input') input: RequestTransferInInput,
    @Ctx() ctx: AppContext,
  ): Promise<TransferInPayload> {
    return payload(new TransferInPayload(), 'transfer', await requestTransferIn(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TransferInPayload, { description: '取消尚待原校同意的轉入申請（註冊組）' })
  async cancelTransferIn(@Arg('input') input: TransferInIdInput, @Ctx() ctx: AppContext): Promise<TransferInPayload> {
    return payload(new TransferInPayload(), 'transfer', await cancelTransferIn(ctx, input.transferId), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TransferInPayload, {
    description: '接收原校已同意的轉入：必要時建立學生，並匯入原校送來的學習歷程（唯讀，註明原校）（註冊組）',
  })
  async receiveTransferIn(@Arg('input') input: TransferInIdInput, @Ctx() ctx: AppContext): Promise<TransferInPayload> {
    return payload(new TransferInPayload(), 'transfer', await receiveTransferIn(ctx, input.transferId), null);
  }

  @FieldResolver(() => School, { nullable: true, description: '原就讀學校' })
  originSchool(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): Promise<School | null> {
    return ctx.loaders.schoolById.load(transfer.row.origin_school_id);
  }

  @FieldResolver(() => Student, { nullable: true, description: '本校的學生：申請時所選，或接收時建立' })
  student(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): Promise<Student | null> | null {
    return transfer.row.student_id ? ctx.loaders.studentById.load(transfer.row.student_id) : null;
  }

  @FieldResolver(() => String, { description: '身分證字號（遮罩，例如 A12****789）' })
  nationalIdMasked(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): string {
    return maskNationalId(ctx.services.pii.decrypt(transfer.row.national_id_encrypted));
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '提出申請的人' })
  requestedBy(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(transfer.row.requested_by);
  }

  @FieldResolver(() => Boolean, { description: '目前使用者可以取消這筆申請（尚未接收前）' })
  viewerCanCancel(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): boolean {
    return mayCancelTransfer(transfer.status) && mayManageTransfers(ctx.viewer);
  }

  @FieldResolver(() => Boolean, { description: '目前使用者可以接收（匯入原校送來的學習歷程）' })
  viewerCanReceive(@Root() transfer: TransferIn, @Ctx() ctx: AppContext): boolean {
    return transfer.status === TransferStatus.APPROVED && mayManageTransfers(ctx.viewer);
  }
}

@Resolver(() => TransferNewStudent)
export class TransferNewStudentResolver {
  @FieldResolver(() => SchoolClass, { nullable: true, description: '班級' })
  schoolClass(@Root() student: TransferNewStudent, @Ctx() ctx: AppContext): Promise<SchoolClass | null> | null {
    return student.classId ? ctx.loaders.classById.load(student.classId) : null;
  }
}

@Resolver(() => TransferOut)
export class TransferOutResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => TransferOutConnection, { description: '他校請本校學生轉出的申請，新的在前（註冊組）' })
  transfersOut(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return listTransfersOut(ctx, args);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TransferOutPayload, {
    description: '同意轉出：學生須為「轉出」（可同時設定），產生學習歷程交換檔交給轉入學校（註冊組）',
  })
  async approveTransferOut(
    @Arg('input') input: ApproveTransferOutInput,
    @Ctx() ctx: AppContext,
  ): Promise<TransferOutPayload> {
    return payload(new TransferOutPayload(), 'transfer', await approveTransferOut(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => TransferOutPayload, { description: '不同意轉出，附理由（註冊組）' })
  async declineTransferOut(
    @Arg('input') input: DeclineTransferOutInput,
    @Ctx() ctx: AppContext,
  ): Promise<TransferOutPayload> {
    return payload(new TransferOutPayload(), 'transfer', await declineTransferOut(ctx, input), null);
  }

  @FieldResolver(() => School, { nullable: true, description: '轉入學校' })
  destinationSchool(@Root() transfer: TransferOut, @Ctx() ctx: AppContext): Promise<School | null> {
    return ctx.loaders.schoolById.load(transfer.row.destination_school_id);
  }

  @FieldResolver(() => Student, { nullable: true, description: '本校的學生' })
  student(@Root() transfer: TransferOut, @Ctx() ctx: AppContext): Promise<Student | null> {
    return ctx.loaders.studentById.load(transfer.row.student_id);
  }

  @FieldResolver(() => Boolean, { description: '目前使用者可以同意或不同意這筆申請' })
  viewerCanAnswer(@Root() transfer: TransferOut, @Ctx() ctx: AppContext): boolean {
    return transfer.status === TransferStatus.PENDING && mayManageTransfers(ctx.viewer);
  }
}
