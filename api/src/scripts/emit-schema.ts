import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildAppSchema, printAppSchema, SCHEMA_FILE } from '../schema.js';

const schema = await buildAppSchema();
await writeFile(SCHEMA_FILE, printAppSchema(schema));
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
