/**
 * `npm run bench`: prints the figures each capability is measured by. A benchmark, not a
 * test: nothing here passes or fails on time (machines are noisy; medians and ratios).
 *
 *   npm run bench                      all sections, 2,000-case corpus
 *   npm run bench -- --cases 10000     a larger corpus
 *   npm run bench -- --only build,convert
 *   npm run bench -- --only build --runs 3   medians of three turns of builds
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../src/lib/bench/corpus.ts';
import { measure } from '../src/lib/bench/measure.ts';
import { benchSections } from '../src/lib/bench/sections.ts';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { PROJECT_ROOT, contentDir } from '../src/lib/content/paths.ts';
import { buildMessages } from '../src/lib/i18n/messages/index.ts';

const sections = benchSections();
const names = sections.map((section) => section.name).join(', ');

const benchCommand = {
	command: 'npm run bench',
	summary: {
		zh: '在生成的语料上测量各项能力的性能（中位数和比值，不判定通过与否）。',
		en: 'Measures each capability on a generated corpus (medians and ratios, never pass/fail).',
	},
	options: {
		cases: { type: 'string', value: 'N', help: { zh: '生成语料的案例数（默认 2000）', en: 'cases in the generated corpus (default 2000)' } },
		runs: {
			type: 'string',
			value: 'N',
			help: {
				zh: '构建部分轮流构建两种文字和一种文字的次数，报告中位数（默认 1）',
				en: 'turns of the build section (both scripts, then one), reported as medians (default 1)',
			},
		},
		only: { type: 'string', value: 'A,B', help: { zh: `只运行这些部分，逗号分隔：${names}`, en: `only these sections, comma-separated: ${names}` } },
		keep: { type: 'boolean', help: { zh: '保留临时工作目录', en: 'keep the work directory' } },
		'seed-print': {
			type: 'boolean',
			help: {
				zh: '增量部分：冷构建不打印 PDF，改为只印一期，再以它的文件按每期的键填入打印缓存，之后的重建只打印改动的期（1 万个案例时几分钟而非数小时；文件大小真实，但不是各期自己的印本）',
				en: "incremental section: the cold build prints no PDFs; one issue is printed and its files fill the print cache under every issue's key, so the rebuilds after it print only the issues that changed (minutes instead of hours at 10,000 cases; real file sizes, not each issue's own print)",
			},
		},
	},
} as const;

await runCommand(async () => {
	const { values } = parseCommand(benchCommand);
	const caseCount = Number(values.cases ?? '2000');
	if (!Number.isInteger(caseCount) || caseCount < 1) throw new UserError(buildMessages.benchBadCases(values.cases ?? ''), 2);
	const runs = Number(values.runs ?? '1');
	if (!Number.isInteger(runs) || runs < 1) throw new UserError(buildMessages.benchBadRuns(values.runs ?? ''), 2);
	const only = values.only?.split(',').map((name) => name.trim());
	const unknown = only?.find((name) => !sections.some((section) => section.name === name));
	if (unknown !== undefined) throw new UserError(buildMessages.benchUnknownSection(unknown, names), 2);

	const workDir = mkdtempSync(path.join(tmpdir(), 'compendium-bench-'));
	const corpusDir = path.join(workDir, 'content');
	console.log(buildMessages.benchHeader(new Date().toISOString().slice(0, 10), process.version, caseCount, workDir));
	try {
		const generated = generateCorpus({ from: contentDir(), to: corpusDir, cases: caseCount });
		console.log(`${buildMessages.benchCorpus(generated.cases, generated.issues)}\n`);
		for (const section of sections) {
			if (only && !only.includes(section.name)) continue;
			console.log(`== ${section.name}: ${section.description}`);
			const lines = await section.run({
				corpusDir,
				workDir,
				caseCount,
				runs,
				measure,
				projectRoot: PROJECT_ROOT,
				seedPrint: values['seed-print'] === true,
			});
			for (const line of lines) console.log(`  ${line}`);
			console.log('');
		}
	} finally {
		if (!values.keep) rmSync(workDir, { recursive: true, force: true });
	}
});
