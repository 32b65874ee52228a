import pg from 'pg';
import { generateCityDataset, type CityDatasetResult } from '../../api/src/dataset/city-dataset.js';
import type { TestApp } from './harness.js';
import { testDatabaseUrl } from './test-database.js';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A small generated city (1/500 of the bureau's table, same shape) loaded as the owner into `authorityId`, with a
 * random two-letter school-code prefix so test files sharing the run's database do not collide.
 */
export async function loadSmallCity(app: TestApp, authorityId: string, seed: number): Promise<CityDatasetResult> {
  const owner = new pg.Client({ connectionString: testDatabaseUrl() });
  await owner.connect();
  try {
    return await generateCityDataset(owner, {
      seed,
      scale: 0.002,
      codePrefix: `${LETTERS[Math.floor(Math.random() * 24)]}${LETTERS[Math.floor(Math.random() * 24)]}`,
      authorityId,
      pii: app.services.pii,
      files: app.services.files,
    });
  } finally {
    await owner.end();
  }
}
