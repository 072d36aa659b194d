/**
 * `npm run pdf`: prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf
 * and .zh-hant.pdf) with an installed Chromium. `npm run build` does this already; this
 * command reprints without rebuilding.
 *
 *   --issue ID   only this issue (repeatable)
 *   --dir DIR    the built site (default dist)
 */
import path from 'node:path';
import { styleText } from 'node:util';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import { buildMessages } from '../src/lib/i18n/messages/index.ts';
import { NoBrowserError, printIssues, printableIssues } from '../src/lib/print/printer.ts';
import { pruneDanglingPdfLinks, summarize, writeWordFiles } from '../src/lib/print/step.ts';

const pdfCommand = {
	command: 'npm run pdf',
	summary: {
		zh: '用本机安装的 Chromium 把已构建网站中的各期打印为 PDF（dist/pdf/<期>.zh-hans.pdf 和 .zh-hant.pdf），不重新构建网站。',
		en: 'Prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf and .zh-hant.pdf) with an installed Chromium, without rebuilding.',
	},
	options: {
		issue: { type: 'string', multiple: true, value: 'ID', help: { zh: '只打印这一期（可重复）', en: 'only this issue (repeatable)' } },
		dir: { type: 'string', value: 'DIR', help: { zh: '已构建的网站目录（默认 dist）', en: 'the built site (default dist)' } },
	},
} as const;

await runCommand(async () => {
	const { values } = parseCommand(pdfCommand);
	const siteDir = path.resolve(PROJECT_ROOT, values.dir ?? 'dist');
	if (printableIssues(siteDir).length === 0) throw new UserError(buildMessages.pdfNoPages(siteDir));
	const { base } = loadSiteConfig();
	const started = performance.now();
	try {
		const results = await printIssues({
			siteDir,
			base,
			...(values.issue ? { issueIds: values.issue } : {}),
			onProgress: (line) => console.log(line),
		});
		const word = await writeWordFiles(siteDir, (line) => console.log(line));
		await pruneDanglingPdfLinks(siteDir, base);
		console.log(styleText('green', buildMessages.pdfDone(`${summarize(results)}; ${word.summary}`, (performance.now() - started) / 1000)));
	} catch (error) {
		throw new UserError(error instanceof Error ? error.message : String(error), error instanceof NoBrowserError ? 2 : 1);
	}
});
