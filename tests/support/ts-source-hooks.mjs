// Module hooks that run the API's TypeScript sources in a child process the way `tsc` builds them. tsx (esbuild)
// cannot: it emits no decorator metadata, which type-graphql reads for every field without an explicit type.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const apiConfig = fileURLToPath(new URL('../../api/tsconfig.json', import.meta.url));
const { config } = ts.readConfigFile(apiConfig, ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(apiConfig));
const compilerOptions = {
  ...options,
  // One file at a time, as ES modules (the package is "type": "module"), with maps for readable stack traces.
  module: ts.ModuleKind.ESNext,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

/** The sources import each other with `.js` suffixes (NodeNext): point those at the `.ts` file beside them. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(url)) return { url: url.href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), { fileName, compilerOptions });
  return { format: 'module', source: outputText, shortCircuit: true };
}
