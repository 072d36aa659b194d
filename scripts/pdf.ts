/**
 * `npm run pdf`: prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf
 * and .zh-hant.pdf) with an installed Chromium, and writes their Word files beside them.
 *
 *   --issue ID       only this issue (repeatable)
 *   --dir DIR        the built site (default dist)
 *   --volume YEAR    the yearly volume (合订本) of each series instead: dist/pdf/<series>-<year>.*.pdf/.docx
 *   --build          build the site first when the content is newer than it
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { contentDir, PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import { printMessages } from '../src/lib/i18n/messages/index.ts';
import { NoBrowserError, printIssues, printableIssues } from '../src/lib/print/printer.ts';
import { pruneDanglingPdfLinks, summarize, writeWordFiles } from '../src/lib/print/step.ts';
import { issueYears, volumeGroups, writeVolume } from '../src/lib/print/volume.ts';

const { values } = parseArgs({
	options: {
		issue: { type: 'string', multiple: true },
		dir: { type: 'string', default: 'dist' },
		volume: { type: 'string' },
		build: { type: 'boolean' },
	},
});
const siteDir = path.resolve(PROJECT_ROOT, values.dir);

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

function builtAt(): number {
	const ids = printableIssues(siteDir);
	if (!ids.length) return 0;
	return Math.min(
		...ids.flatMap((id) =>
			['zh-hans', 'zh-hant']
				.map((s) => path.join(siteDir, s, 'issues', id, 'print', 'index.html'))
				.filter(existsSync)
				.map((f) => statSync(f).mtimeMs),
		),
	);
}

const fail = (message: string, code = 1): never => {
	console.error(styleText('red', message));
	process.exit(code);
};

const newest = newestContent();
if (builtAt() < newest.time) {
	if (values.build) {
		console.log(printMessages.building());
		execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', siteDir], {
			stdio: 'inherit',
			env: { ...process.env, COMPENDIUM_PDF: 'off' },
		});
	} else if (printableIssues(siteDir).length === 0) fail(printMessages.noPrintPages(siteDir));
	else fail(printMessages.staleBuild(path.relative(PROJECT_ROOT, siteDir) || siteDir, path.relative(PROJECT_ROOT, newest.file)));
}
const { base } = loadSiteConfig();
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
try {
	if (values.volume !== undefined) {
		if (!/^\d{4}$/.test(values.volume)) fail(printMessages.badYear(values.volume), 2);
		const groups = volumeGroups(siteDir, values.volume);
		if (!groups.length) fail(printMessages.noIssuesInYear(values.volume, issueYears(siteDir).join('、')));
		for (const group of groups) {
			const result = await writeVolume(siteDir, base, group, (line) => console.log(line));
			console.log(styleText('green', printMessages.volumeWritten(path.relative(siteDir, result.pdf), result.pages, Math.round(result.bytes / 1024))));
		}
		console.log(printMessages.took('', seconds()).replace(/^，/, ''));
	} else {
		const results = await printIssues({
			siteDir,
			base,
			...(values.issue ? { issueIds: values.issue } : {}),
			onProgress: (line) => console.log(line),
		});
		const word = await writeWordFiles(siteDir, (line) => console.log(line));
		await pruneDanglingPdfLinks(siteDir, base);
		console.log(styleText('green', printMessages.took(`${summarize(results)}；${word.summary}`, seconds())));
	}
} catch (error) {
	fail(error instanceof Error ? error.message : String(error), error instanceof NoBrowserError ? 2 : 1);
}
