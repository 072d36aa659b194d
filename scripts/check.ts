/**
 * `npm run check`: validates all content and lists every problem (file:line:column, what
 * was expected, what was found, what to do), bodies compiled exactly as the build compiles
 * them. Exits 1 when there are errors; warnings alone exit 0.
 */
import { styleText } from 'node:util';
import { parseCommand, runCommand } from '../src/lib/cli/command.ts';
import { checkContent } from '../src/lib/content/check.ts';
import { formatProblems } from '../src/lib/content/validate.ts';
import { checkMessages } from '../src/lib/i18n/messages/index.ts';

parseCommand({
	command: 'npm run check',
	summary: {
		zh: '检查 content/ 下的全部内容（案例、期、方法、术语表、站点设置），列出每个问题的文件、行号和改法。有错误时退出码为 1。',
		en: 'Checks everything under content/ (cases, issues, methods, glossary, site settings) and lists every problem with its file, line and fix. Exits 1 on errors.',
	},
	options: {},
});

await runCommand(async () => {
	const result = await checkContent();
	const errors = result.problems.filter((p) => p.severity === 'error');
	const warnings = result.problems.filter((p) => p.severity === 'warning');
	if (result.problems.length) console.log(formatProblems(result.problems));
	const summary = checkMessages.summary(result.cases.size, result.issues.size, result.methods.size, errors.length, warnings.length);
	console.log(errors.length ? styleText('red', summary) : styleText('green', summary));
	process.exitCode = errors.length ? 1 : 0;
});
