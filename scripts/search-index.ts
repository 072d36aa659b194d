/**
 * Runs the search index step alone over a built (or empty) site directory:
 *
 *   node scripts/search-index.ts <outDir> [--cache <dir>]
 *
 * with COMPENDIUM_CONTENT pointing at another corpus if needed. With --cache, the step
 * keeps and reuses its records, gzip pack and fold map there as a build does (a second
 * run is a rebuild). The benchmark runs it in its own process so that time and peak
 * memory are the index build's alone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { searchIndexStep } from '../src/lib/search/step.ts';

await runCommand(async () => {
	const { values, positionals } = parseCommand({
		command: 'node scripts/search-index.ts',
		summary: {
			zh: '只运行搜索索引步骤，写入给定的站点目录（COMPENDIUM_CONTENT 可指定另一份内容）。',
			en: 'Runs the search index step alone into a site directory (COMPENDIUM_CONTENT for another corpus).',
		},
		positionals: { zh: '<输出目录>', en: '<outDir>' },
		options: {
			cache: {
				type: 'string',
				value: 'DIR',
				help: { zh: '缓存目录：复用上次的记录和压缩文件', en: "cache directory: reuse the previous run's records and files" },
			},
		},
	});
	const outDir = positionals[0];
	if (!outDir || positionals.length > 1) throw new UserError('node scripts/search-index.ts <outDir> [--cache <dir>]', 2);
	mkdirSync(outDir, { recursive: true });
	const started = performance.now();
	const cacheDir = values.cache === undefined ? undefined : path.resolve(values.cache);
	const outcome = await searchIndexStep().run(path.resolve(outDir), { content: validateContent(), ...(cacheDir ? { cacheDir } : {}) });
	console.log(`search index: ${outcome} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
});
