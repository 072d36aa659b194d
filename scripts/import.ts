/**
 * `npm run import -- <file...>`: turns copied web pages, saved HTML and Word documents
 * into draft cases (and an issue, when a document holds several cases), and reports per
 * document what it found and what it was unsure of. See src/lib/import/ for the rules.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { contentPaths, PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { describeDivision } from '../src/lib/regions.ts';
import { parseDate } from '../src/lib/import/dates.ts';
import { MAX_INPUT_BYTES } from '../src/lib/import/decode.ts';
import { existingIssues } from '../src/lib/import/existing-issues.ts';
import { importDocument } from '../src/lib/import/import.ts';
import { divisionFromFlag } from '../src/lib/import/places.ts';
import { planWrites } from '../src/lib/import/plan.ts';
import { formatReport, type Style } from '../src/lib/import/report.ts';
import { loadTaxonomy } from '../src/lib/import/taxonomy.ts';
import { ImportInputError } from '../src/lib/import/types.ts';
import { removePendingTempFiles, writeFileAtomic } from '../src/lib/import/write.ts';

const USAGE = `Usage: npm run import -- <file...> [options]

Imports .txt (UTF-8, GB18030/GBK, Big5), .html and .docx documents as draft cases.

Options:
  --out DIR          write cases to DIR (default: content/cases)
  --issues-out DIR   write issues to DIR (default: the issues directory beside the cases directory)
  --dry-run, -n      print the report, write nothing
  --force            overwrite drafts that exist already
  --encoding NAME    read text files in this encoding (gb18030, big5, utf-8 …) instead of detecting it
  --methods FILE     method taxonomy to suggest from (default: content/methods.yaml)
  --region CODE|NAME region for documents that name no place (e.g. 330822 or 常山县)
  --date YYYY-MM-DD  date for documents that state none (default: today, marked for review)
  --verbose, -v      also list every line removed as debris
  --help, -h         show this help`;

const style: Style = (format, text) => styleText(format, text);
const fail = (message: string): never => {
	console.error(styleText('red', `error: ${message}`));
	process.exit(2);
};

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			out: { type: 'string' },
			'issues-out': { type: 'string' },
			'dry-run': { type: 'boolean', short: 'n', default: false },
			force: { type: 'boolean', default: false },
			encoding: { type: 'string' },
			methods: { type: 'string' },
			region: { type: 'string' },
			date: { type: 'string' },
			verbose: { type: 'boolean', short: 'v', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
} catch (error) {
	fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed as NonNullable<typeof parsed>;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (positionals.length === 0) fail(`no input files\n\n${USAGE}`);

let fallbackRegion: string | undefined;
if (values.region) {
	const found = divisionFromFlag(values.region);
	if (!found) fail(`--region: expected a division code or name such as 330822 or 常山县, found ${JSON.stringify(values.region)}`);
	if (Array.isArray(found))
		fail(`--region: ${JSON.stringify(values.region)} is ambiguous: ${found.slice(0, 5).map(describeDivision).join(' or ')}; pass the code`);
	fallbackRegion = (found as { code: string }).code;
}
let fallbackDate: string | undefined;
if (values.date) {
	fallbackDate = parseDate(values.date);
	if (!fallbackDate) fail(`--date: expected a date as YYYY-MM-DD, found ${JSON.stringify(values.date)}`);
}

const casesDir = path.resolve(values.out ?? contentPaths.cases());
const issuesDir = path.resolve(values['issues-out'] ?? path.join(path.dirname(casesDir), 'issues'));
const taxonomy = loadTaxonomy(path.resolve(values.methods ?? contentPaths.methods()));
for (const problem of taxonomy.problems) console.error(styleText('yellow', `warning: ${problem}`));

process.on('SIGINT', () => {
	removePendingTempFiles();
	console.error(styleText('red', '\ninterrupted: files written so far are complete; nothing is half-written'));
	process.exit(130);
});

const shown = (file: string) => {
	const rel = path.relative(process.cwd(), file);
	return rel && !rel.startsWith('..') ? rel : path.relative(PROJECT_ROOT, file).startsWith('..') ? file : rel;
};
const issuesOnDisk = existingIssues(issuesDir);
const taken = new Set<string>();
let failures = 0;

for (const input of positionals) {
	const name = shown(path.resolve(input));
	try {
		let size: number;
		try {
			const stat = statSync(input);
			if (!stat.isFile()) throw new ImportInputError('a file', stat.isDirectory() ? 'a directory' : 'something that is not a regular file');
			size = stat.size;
		} catch (error) {
			if (error instanceof ImportInputError) throw error;
			throw new ImportInputError('a readable file', `nothing at this path (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
		}
		if (size > MAX_INPUT_BYTES) {
			throw new ImportInputError(
				'a document of at most 10 MB',
				`${(size / 1024 / 1024).toFixed(1)} MB`,
				'split the document, or remove embedded images',
			);
		}
		const doc = await importDocument(readFileSync(input), path.basename(input), {
			methods: taxonomy.methods,
			...(values.encoding ? { encoding: values.encoding } : {}),
			...(fallbackRegion ? { fallbackRegion } : {}),
			...(fallbackDate ? { fallbackDate } : {}),
			takenSlugs: taken,
		});
		doc.file = name;
		const plan = planWrites(doc, { cases: casesDir, issues: issuesDir }, issuesOnDisk);
		if (plan.existing.length > 0 && !values.force && !values['dry-run']) {
			throw new ImportInputError(
				'drafts that do not exist yet',
				`${plan.existing.map(shown).join(', ')} already exist${plan.existing.length === 1 ? 's' : ''}`,
				'pass --force to overwrite, or --out DIR to write elsewhere',
			);
		}
		const caseTargets = plan.files.filter((f) => f.kind === 'case').map((f) => shown(f.path));
		const issueTarget = plan.files.find((f) => f.kind === 'issue');
		console.log(
			formatReport(
				doc,
				{ cases: caseTargets, ...(issueTarget ? { issue: shown(issueTarget.path) } : {}), dryRun: values['dry-run'], verbose: values.verbose },
				style,
			),
		);
		if (values['dry-run'] && plan.existing.length > 0) {
			console.log(
				styleText('yellow', `  note: ${plan.existing.map(shown).join(', ')} exist${plan.existing.length === 1 ? 's' : ''}: a real run needs --force`),
			);
		}
		if (!values['dry-run']) for (const file of plan.files) writeFileAtomic(file.path, file.content);
		if (doc.cases.length === 0) failures++;
		console.log('');
	} catch (error) {
		failures++;
		if (error instanceof ImportInputError) console.error(`${styleText('red', 'error:')} ${name}: ${error.message}`);
		else console.error(`${styleText('red', 'error:')} ${name}: ${(error as Error).message}`);
	}
}
process.exit(failures > 0 ? 1 : 0);
