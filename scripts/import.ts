/**
 * `npm run import -- <file...>`: turns copied web pages, saved HTML and Word documents
 * into draft cases (and an issue, when a document holds several cases), and reports per
 * document what it found and what it was unsure of. See src/lib/import/ for the rules.
 */
import path from 'node:path';
import { styleText } from 'node:util';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { contentPaths, PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { cliMessages, importMessages as m, importUsage } from '../src/lib/i18n/messages/index.ts';
import { describeDivision } from '../src/lib/regions.ts';
import { parseDate } from '../src/lib/import/dates.ts';
import { existingIssues } from '../src/lib/import/existing-issues.ts';
import { divisionFromFlag } from '../src/lib/import/places.ts';
import { assertWritableDir, importFile } from '../src/lib/import/run.ts';
import type { Style } from '../src/lib/import/report.ts';
import { loadTaxonomy } from '../src/lib/import/taxonomy.ts';
import { ImportInputError, NotACaseError } from '../src/lib/import/types.ts';
import { removePendingTempFiles } from '../src/lib/import/write.ts';

const u = importUsage;

await runCommand(async () => {
	const { values, positionals } = parseCommand({
		command: 'npm run import',
		summary: u.summary,
		positionals: u.positionals,
		options: {
			out: { type: 'string', value: 'DIR', help: u.out },
			'issues-out': { type: 'string', value: 'DIR', help: u.issuesOut },
			'dry-run': { type: 'boolean', short: 'n', help: u.dryRun },
			force: { type: 'boolean', help: u.force },
			encoding: { type: 'string', value: 'NAME', help: u.encoding },
			methods: { type: 'string', value: 'FILE', help: u.methods },
			region: { type: 'string', value: 'CODE|NAME', help: u.region },
			date: { type: 'string', value: 'YYYY-MM-DD', help: u.date },
			verbose: { type: 'boolean', short: 'v', help: u.verbose },
		},
		epilogue: u.epilogue,
	});
	if (positionals.length === 0) throw new UserError(`${m.noInputs()}\n\n${cliMessages.seeHelp('npm run import')}`, 2);

	let fallbackRegion: string | undefined;
	if (values.region) {
		const found = divisionFromFlag(values.region);
		if (!found) throw new UserError(m.badRegion(values.region), 2);
		if (Array.isArray(found)) throw new UserError(m.ambiguousRegion(values.region, found.slice(0, 5).map(describeDivision).join(' / ')), 2);
		fallbackRegion = found.code;
	}
	let fallbackDate: string | undefined;
	if (values.date) {
		fallbackDate = parseDate(values.date);
		if (!fallbackDate) throw new UserError(m.badDate(values.date), 2);
	}

	const casesDir = path.resolve(values.out ?? contentPaths.cases());
	const issuesDir = path.resolve(values['issues-out'] ?? path.join(path.dirname(casesDir), 'issues'));
	assertWritableDir(casesDir, values.out ? '--out' : 'content/cases');
	assertWritableDir(issuesDir, values['issues-out'] ? '--issues-out' : '--out');
	const taxonomy = loadTaxonomy(path.resolve(values.methods ?? contentPaths.methods()));
	for (const problem of taxonomy.problems) console.error(styleText('yellow', m.taxonomyProblem(problem)));

	process.on('SIGINT', () => {
		removePendingTempFiles();
		console.error(styleText('red', m.interrupted()));
		process.exit(130);
	});

	const shown = (file: string) => {
		const rel = path.relative(process.cwd(), file);
		return rel && !rel.startsWith('..') ? rel : path.relative(PROJECT_ROOT, file).startsWith('..') ? file : rel;
	};
	const style: Style = (format, text) => styleText(format, text);
	const settings = {
		casesDir,
		issuesDir,
		issuesOnDisk: existingIssues(issuesDir),
		dryRun: values['dry-run'] ?? false,
		force: values.force ?? false,
		verbose: values.verbose ?? false,
		importOptions: {
			methods: taxonomy.methods,
			...(values.encoding ? { encoding: values.encoding } : {}),
			...(fallbackRegion ? { fallbackRegion } : {}),
			...(fallbackDate ? { fallbackDate } : {}),
			...(values.force ? { force: true } : {}),
			takenSlugs: new Set<string>(),
		},
		shown,
		style,
	};
	let exitCode = 0;
	for (const input of positionals) {
		const name = shown(path.resolve(input));
		try {
			const outcome = await importFile(input, settings);
			console.log(outcome.report);
			console.log('');
			if (outcome.doc.cases.length === 0) exitCode = Math.max(exitCode, 1);
		} catch (error) {
			if (error instanceof NotACaseError) exitCode = 2;
			else if (error instanceof ImportInputError) exitCode = Math.max(exitCode, 1);
			else throw error;
			console.error(styleText('red', cliMessages.error(m.fileError(name, error.message))));
		}
	}
	process.exitCode = exitCode;
});
