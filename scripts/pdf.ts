/**
 * `npm run pdf`: prints the issues of a built site to PDF (dist/pdf/<issue>.zh-hans.pdf
 * and .zh-hant.pdf) with an installed Chromium.
 *
 *   --issue ID   only this issue (repeatable)
 *   --dir DIR    the built site (default dist)
 */
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { loadSiteConfig } from '../src/lib/content/site-config.ts';
import { NoBrowserError, printIssues, printableIssues } from '../src/lib/print/printer.ts';
import { pruneDanglingPdfLinks, summarize, writeWordFiles } from '../src/lib/print/step.ts';

const { values } = parseArgs({
	options: {
		issue: { type: 'string', multiple: true },
		dir: { type: 'string', default: 'dist' },
	},
});
const siteDir = path.resolve(PROJECT_ROOT, values.dir);
if (printableIssues(siteDir).length === 0) {
	console.error(styleText('red', `No issue print pages in ${siteDir}. Build the site first: npm run build (or pass --dir).`));
	process.exit(1);
}
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
	console.log(styleText('green', `${summarize(results)}; ${word.summary} in ${((performance.now() - started) / 1000).toFixed(1)} s`));
} catch (error) {
	console.error(styleText('red', error instanceof Error ? error.message : String(error)));
	process.exit(error instanceof NoBrowserError ? 2 : 1);
}
