import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128000000Foundation } from './Migration20261128000000Foundation.js';
import { Migration20261128100000Timelines } from './Migration20261128100000Timelines.js';
import { Migration20261128200000CourseRecords } from './Migration20261128200000CourseRecords.js';
import { Migration20261128210000CadresCounseling } from './Migration20261128210000CadresCounseling.js';
import { Migration20261128220000UploadsImports } from './Migration20261128220000UploadsImports.js';
import { Migration20261128230000Evidence } from './Migration20261128230000Evidence.js';
import { Migration20261129000000UploadCleanup } from './Migration20261129000000UploadCleanup.js';
import { Migration20261129010000OutcomeVersionsShareFiles } from './Migration20261129010000OutcomeVersionsShareFiles.js';
import { Migration20261129020000Submissions } from './Migration20261129020000Submissions.js';
import { Migration20261129030000Receipts } from './Migration20261129030000Receipts.js';
import { Migration20261129040000Precheck } from './Migration20261129040000Precheck.js';
import { Migration20261129050000Confirmation } from './Migration20261129050000Confirmation.js';
import { Migration20261129060000Statistics } from './Migration20261129060000Statistics.js';
import { Migration20261129070000StatisticsConfirmation } from './Migration20261129070000StatisticsConfirmation.js';
import { Migration20261206000000SecurityHardening } from './Migration20261206000000SecurityHardening.js';
import { Migration20261206010000SubmissionRowPii } from './Migration20261206010000SubmissionRowPii.js';
import { Migration20261207000000LeftoverCollection } from './Migration20261207000000LeftoverCollection.js';
import { Migration20261208000000SchemaStatus } from './Migration20261208000000SchemaStatus.js';
import { Migration20261209000000Cadence } from './Migration20261209000000Cadence.js';
import { Migration20261210000000FinalLockLabel } from './Migration20261210000000FinalLockLabel.js';

/** Listed explicitly, so the same list runs from compiled JavaScript and from the TypeScript tests. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128000000Foundation', class: Migration20261128000000Foundation },
  { name: 'Migration20261128100000Timelines', class: Migration20261128100000Timelines },
  { name: 'Migration20261128200000CourseRecords', class: Migration20261128200000CourseRecords },
  { name: 'Migration20261128210000CadresCounseling', class: Migration20261128210000CadresCounseling },
  { name: 'Migration20261128220000UploadsImports', class: Migration20261128220000UploadsImports },
  { name: 'Migration20261128230000Evidence', class: Migration20261128230000Evidence },
  { name: 'Migration20261129000000UploadCleanup', class: Migration20261129000000UploadCleanup },
  { name: 'Migration20261129010000OutcomeVersionsShareFiles', class: Migration20261129010000OutcomeVersionsShareFiles },
  { name: 'Migration20261129020000Submissions', class: Migration20261129020000Submissions },
  { name: 'Migration20261129030000Receipts', class: Migration20261129030000Receipts },
  { name: 'Migration20261129040000Precheck', class: Migration20261129040000Precheck },
  { name: 'Migration20261129050000Confirmation', class: Migration20261129050000Confirmation },
  { name: 'Migration20261129060000Statistics', class: Migration20261129060000Statistics },
  { name: 'Migration20261129070000StatisticsConfirmation', class: Migration20261129070000StatisticsConfirmation },
  { name: 'Migration20261206000000SecurityHardening', class: Migration20261206000000SecurityHardening },
  { name: 'Migration20261206010000SubmissionRowPii', class: Migration20261206010000SubmissionRowPii },
  { name: 'Migration20261207000000LeftoverCollection', class: Migration20261207000000LeftoverCollection },
  { name: 'Migration20261208000000SchemaStatus', class: Migration20261208000000SchemaStatus },
  { name: 'Migration20261209000000Cadence', class: Migration20261209000000Cadence },
  { name: 'Migration20261210000000FinalLockLabel', class: Migration20261210000000FinalLockLabel },
];
