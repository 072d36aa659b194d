/**
 * `npm run build`: `astro build` (content validation, site, search index, PDF issues: see
 * src/integration.ts) into a staging directory, swapped into dist/ only when all of it
 * succeeded. A failed build leaves the previous dist/ untouched and no staging files.
 *
 *   --out DIR   publish somewhere other than dist/
 */
import path from 'node:path';
import { publishSite } from '../src/lib/build/atomic-build.ts';
import { parseCommand, runCommand } from '../src/lib/cli/command.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

const buildCommand = {
	command: 'npm run build',
	summary: {
		zh: '校验内容，构建两种字形的网站、搜索索引和各期 PDF；全部成功后才替换发布目录，失败时原目录保持不变。',
		en: 'Validates the content and builds the site in both scripts with its search index and PDF issues; replaces the output directory only when all of it succeeded (a failure leaves it as it was).',
	},
	options: {
		out: { type: 'string', value: 'DIR', help: { zh: '发布目录（默认 dist）', en: 'output directory (default dist)' } },
		internal: {
			type: 'boolean',
			help: { zh: '构建内部版：包含标为内部资料（internal: true）的期', en: 'build the internal edition, with issues marked internal: true' },
		},
	},
} as const;

await runCommand(async () => {
	const { values } = parseCommand(buildCommand);
	if (values.internal) process.env.COMPENDIUM_EDITION = 'internal';
	await publishSite(path.resolve(PROJECT_ROOT, values.out ?? 'dist'));
});
