import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SchoolDivision } from '../school/school.entity.js';
import { PortfolioRecordKind } from './portfolio-records.js';

@ObjectType({ description: '轉入紀錄的一個欄位（原學校顯示的名稱與內容）' })
export class ExchangedRecordField {
  @Field()
  label!: string;

  @Field()
  value!: string;
}

@ObjectType({ description: '隨學習歷程交換檔轉入的檔案（唯讀）' })
export class ExchangedFile {
  @Field(() => ID)
  id!: string;

  @Field({ description: '原學校保存的檔名' })
  name!: string;

  @Field()
  contentType!: string;

  @Field(() => Float, { description: '大小（位元組）' })
  size!: number;

  @Field({ description: '檔案內容的 SHA-256（十六進位）' })
  sha256!: string;

  @Field({ description: '下載或預覽的網址' })
  url!: string;
}

@ObjectType({ description: '隨學習歷程交換檔轉入的一筆紀錄（唯讀，標示原學校）' })
export class ExchangedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PortfolioRecordKind)
  kind!: PortfolioRecordKind;

  @Field({ description: '學期代碼，例如 1141；多元表現為學年度加 0，例如 1140' })
  termKey!: string;

  @Field({ description: '例如 114學年度第1學期' })
  termLabel!: string;

  @Field()
  title!: string;

  @Field(() => [ExchangedRecordField])
  fields!: ExchangedRecordField[];

  @Field(() => [ExchangedFile])
  files!: ExchangedFile[];

  @Field(() => String, {
    nullable: true,
    description: '這筆紀錄最初的學校（原學校自己也是轉入時才有）；空值表示就是交換檔的原學校',
  })
  firstSchoolName!: string | null;
}

@ObjectType({ description: '一次匯入的學習歷程交換檔：原學校與它帶來的紀錄（唯讀）' })
export class PortfolioExchange {
  @Field(() => ID)
  id!: string;

  @Field()
  originAuthorityCode!: string;

  @Field()
  originSchoolCode!: string;

  @Field()
  originSchoolName!: string;

  @Field(() => SchoolDivision)
  originDivision!: SchoolDivision;

  @Field({ description: '原學校與部別，例如「市立松山高中 日間部」' })
  originLabel!: string;

  @Field({ description: '原學校產製交換檔的時間' })
  createdAt!: Date;

  @Field({ description: '匯入本校的時間' })
  importedAt!: Date;

  @Field(() => Int)
  recordCount!: number;

  @Field(() => [ExchangedRecord])
  records!: ExchangedRecord[];
}

@ObjectType({ description: '本校產製的學習歷程交換檔（給另一所學校匯入）' })
export class ExchangeExport {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field(() => Float)
  size!: number;

  @Field()
  sha256!: string;

  @Field()
  destinationAuthorityCode!: string;

  @Field()
  destinationSchoolCode!: string;

  @Field(() => SchoolDivision)
  destinationDivision!: SchoolDivision;

  @Field(() => Int)
  recordCount!: number;

  @Field(() => Int)
  fileCount!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: '下載網址（註冊組）' })
  downloadUrl!: string;
}

@InputType({ description: '為一位學生產製學習歷程交換檔，交給另一個平臺（跨縣市）的學校匯入（註冊組）' })
export class ExportExchangeFileInput {
  @Field(() => ID)
  studentId!: string;

  @Field({ description: '目的學校所屬教育局的代碼（對方平臺的縣市代碼）' })
  authorityCode!: string;

  @Field({ description: '目的學校代碼（6 碼）' })
  schoolCode!: string;

  @Field(() => SchoolDivision)
  division!: SchoolDivision;
}

@InputType({ description: '匯入另一所學校產製的學習歷程交換檔到本校的一位學生（註冊組）' })
export class ImportExchangeFileInput {
  @Field(() => ID)
  studentId!: string;

  @Field(() => ID, { description: '已上傳完成的交換檔（用途 IMPORT，.zip）' })
  uploadId!: string;
}
