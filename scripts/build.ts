/**
 * `npm run build`: `astro build` (content validation, site, search index, PDF issues: see
 * src/integration.ts) into a staging directory, swapped into dist/ only when all of it
 * succeeded. A failed build leaves the previous dist/ untouched and no staging files.
 *
 *   --out DIR   publish somewhere other than dist/
 */
import path from 'node:path';
import { styleText } from 'node:util';
import { buildAtomically } from '../src/lib/build/atomic-build.ts';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { buildMessages } from '../src/lib/i18n/messages/index.ts';
import { ContentErrors } from '../src/integration.ts';

/** Folders the build reads from: never a place to publish to. */
const SOURCE_DIRS = ['content', 'src', 'scripts', 'tests', 'public', 'node_modules', '.git'];

const buildCommand = {
	command: 'npm run build',
	summary: {
		zh: '校验内容，构建两种字形的网站、搜索索引和各期 PDF；全部成功后才替换发布目录，失败时原目录保持不变。',
		en: 'Validates the content and builds the site in both scripts with its search index and PDF issues; replaces the output directory only when all of it succeeded (a failure leaves it as it was).',
	},
	options: { out: { type: 'string', value: 'DIR', help: { zh: '发布目录（默认 dist）', en: 'output directory (default dist)' } } },
} as const;

await runCommand(async () => {
	const { values } = parseCommand(buildCommand);
	const outDir = path.resolve(PROJECT_ROOT, values.out ?? 'dist');
	const relative = path.relative(PROJECT_ROOT, outDir);
	const shown = relative && !relative.startsWith('..') ? relative : outDir;
	// The swap renames the output directory away: never the project, its parents or its sources.
	const within = (dir: string, parent: string) => !path.relative(parent, dir).startsWith('..') && !path.isAbsolute(path.relative(parent, dir));
	if (within(PROJECT_ROOT, outDir) || SOURCE_DIRS.some((dir) => within(outDir, path.join(PROJECT_ROOT, dir)))) {
		throw new UserError(buildMessages.outInsideProject(shown), 2);
	}
	try {
		const { seconds } = await buildAtomically(outDir, { logLevel: process.env.CI ? 'warn' : 'info' });
		console.log(styleText('green', buildMessages.built(shown, seconds)));
	} catch (error) {
		// Content errors were listed by file and line already; the rest gets one line, no stack.
		if (error instanceof ContentErrors) throw new UserError(error.message);
		throw new UserError(buildMessages.buildFailed(shown, error instanceof Error ? error.message : String(error)));
	}
});
