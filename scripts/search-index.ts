/**
 * Runs the search index step alone over a built (or empty) site directory:
 *
 *   node scripts/search-index.ts <outDir>
 *
 * with COMPENDIUM_CONTENT pointing at another corpus if needed. The benchmark runs it in
 * its own process so that time and peak memory are the index build's alone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { validateContent } from '../src/lib/content/validate.ts';
import { searchIndexStep } from '../src/lib/search/step.ts';

const outDir = process.argv[2];
if (!outDir) {
	console.error('usage: node scripts/search-index.ts <outDir>   (COMPENDIUM_CONTENT=<dir> for another corpus)');
	process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const started = performance.now();
const outcome = await searchIndexStep().run(path.resolve(outDir), { content: validateContent() });
console.log(`search index: ${outcome} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
