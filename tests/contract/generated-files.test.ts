import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../api/src/common/config.js';
import { buildAppSchema, printAppSchema, SCHEMA_FILE } from '../../api/src/schema.js';

const STALE = 'is stale: run `npm run generate` and commit the result';

describe('generated files', () => {
  it(`schema/schema.graphql matches the type-graphql classes (else it ${STALE})`, async () => {
    const expected = printAppSchema(await buildAppSchema());
    expect(await readFile(SCHEMA_FILE, 'utf8'), `schema/schema.graphql ${STALE}`).toBe(expected);
  });

  it(`client/src/gql matches the schema and the client's documents (else it ${STALE})`, async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(repoRoot, 'codegen.yml') });
    const previous = process.cwd();
    process.chdir(repoRoot);
    try {
      const outputs = (await generate({ ...config, cwd: repoRoot, silent: true }, false)) as {
        filename: string;
        content: string;
      }[];
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const onDisk = await readFile(path.resolve(repoRoot, output.filename), 'utf8');
        expect(onDisk, `${output.filename} ${STALE}`).toBe(output.content);
      }
    } finally {
      process.chdir(previous);
    }
  });
});
