// `node --import ./tests/support/ts-source-register.mjs api/src/main.ts`: see ts-source-hooks.mjs.
import { register } from 'node:module';

register('./ts-source-hooks.mjs', import.meta.url);
