/**
 * `npm run pdf`: prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf
 * and .zh-hant.pdf) with an installed Chromium, and writes their Word files beside them.
 * `npm run build` does this already; this command reprints without rebuilding.
 *
 *   --issue ID       only this issue (repeatable)
 *   --dir DIR        the built site (default dist)
 *   --volume YEAR    the yearly volume (合订本) of each series instead: dist/pdf/<series>-<year>.*.pdf/.docx
 *   --build          build the site first when the content is newer than it
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { contentDir, PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import { buildMessages, printMessages } from '../src/lib/i18n/messages/index.ts';
import { SCRIPT_SEGMENT } from '../src/lib/i18n/scripts.ts';
import { NoBrowserError, printIssues, printableIssues, printPageFile } from '../src/lib/print/printer.ts';
import { pruneDanglingPdfLinks, summarize, writeWordFiles } from '../src/lib/print/step.ts';
import { issueYears, volumeGroups, writeVolume } from '../src/lib/print/volume.ts';
import { SCRIPTS } from '../src/schemas/script.ts';

const pdfCommand = {
	command: 'npm run pdf',
	summary: {
		zh: '用本机安装的 Chromium 把已构建网站中的各期打印为 PDF（dist/pdf/<期>.zh-hans.pdf 和 .zh-hant.pdf），并在旁边生成 Word 文件；不重新构建网站。',
		en: 'Prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf and .zh-hant.pdf) with an installed Chromium and writes Word files beside them, without rebuilding.',
	},
	options: {
		issue: { type: 'string', multiple: true, value: 'ID', help: { zh: '只打印这一期（可重复）', en: 'only this issue (repeatable)' } },
		dir: { type: 'string', value: 'DIR', help: { zh: '已构建的网站目录（默认 dist）', en: 'the built site (default dist)' } },
		volume: {
			type: 'string',
			value: 'YEAR',
			help: {
				zh: '改为编该年的合订本（每个系列一个 PDF 和一个 Word 文件）',
				en: "make that year's volume of each series instead (one PDF and one Word file)",
			},
		},
		build: { type: 'boolean', help: { zh: '内容比已构建的网站新时先构建', en: 'build the site first when the content is newer' } },
	},
} as const;

/** The newest content file and its time, so a site built before it is known to be stale. */
function newestContent(): { file: string; time: number } {
	let newest = { file: '', time: 0 };
	for (const entry of readdirSync(contentDir(), { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		const time = statSync(file).mtimeMs;
		if (time > newest.time) newest = { file, time };
	}
	return newest;
}

/** When the oldest print page of the built site was written (0 when there is none). */
function builtAt(siteDir: string): number {
	const pages = printableIssues(siteDir).flatMap((id) =>
		SCRIPTS.map((script) => printPageFile(siteDir, id, script)).filter((file) => existsSync(file)),
	);
	return pages.length ? Math.min(...pages.map((file) => statSync(file).mtimeMs)) : 0;
}

await runCommand(async () => {
	const { values } = parseCommand(pdfCommand);
	const siteDir = path.resolve(PROJECT_ROOT, values.dir ?? 'dist');
	const newest = newestContent();
	if (builtAt(siteDir) < newest.time) {
		if (values.build) {
			console.log(printMessages.building());
			execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', siteDir], {
				stdio: 'inherit',
				env: { ...process.env, COMPENDIUM_PDF: 'off' },
			});
		} else if (printableIssues(siteDir).length === 0) throw new UserError(buildMessages.pdfNoPages(siteDir));
		else throw new UserError(printMessages.staleBuild(path.relative(PROJECT_ROOT, siteDir) || siteDir, path.relative(PROJECT_ROOT, newest.file)));
	}
	const { base } = loadSiteConfig();
	const started = performance.now();
	const seconds = () => (performance.now() - started) / 1000;
	try {
		if (values.volume !== undefined) {
			if (!/^\d{4}$/.test(values.volume)) throw new UserError(printMessages.badYear(values.volume), 2);
			const groups = volumeGroups(siteDir, values.volume);
			if (!groups.length) throw new UserError(printMessages.noIssuesInYear(values.volume, issueYears(siteDir).join('、')));
			for (const group of groups) {
				const result = await writeVolume(siteDir, base, group, (line) => console.log(line));
				console.log(
					styleText(
						'green',
						printMessages.volumeWritten(
							`${path.relative(siteDir, result.pdf)}（${SCRIPT_SEGMENT[group.script]}）`,
							result.pages,
							Math.round(result.bytes / 1024),
						),
					),
				);
			}
			console.log(printMessages.took(printMessages.volumes(groups.length), seconds()));
			return;
		}
		const results = await printIssues({
			siteDir,
			base,
			...(values.issue ? { issueIds: values.issue } : {}),
			onProgress: (line) => console.log(line),
		});
		// Word files beside the PDFs just printed: with --issue, those issues' only (not every issue of the site).
		const word = await writeWordFiles(siteDir, (line) => console.log(line), values.issue);
		await pruneDanglingPdfLinks(siteDir, base);
		console.log(styleText('green', buildMessages.pdfDone(`${summarize(results)}; ${word.summary}`, seconds())));
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw new UserError(error instanceof Error ? error.message : String(error), error instanceof NoBrowserError ? 2 : 1);
	}
});
