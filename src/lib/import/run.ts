/**
 * The import run behind `npm run import`: output folders checked before anything is read,
 * each input checked (a regular file, at most 10 MB) and imported, its write plan checked
 * against the overwrite rule (never without --force), the report, and the atomic writes.
 * The CLI only parses flags and prints.
 */
import { mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../cli/command.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { assertSize } from './decode.ts';
import { importDocument, type DocumentImport, type ImportOptions } from './import.ts';
import { planWrites, type WritePlan } from './plan.ts';
import { formatReport, type Style } from './report.ts';
import { ImportInputError } from './types.ts';
import { missingDirs, writeFileAtomic } from './write.ts';

/**
 * Throws a {@link UserError} at once when drafts cannot be written under `dir`: the nearest
 * existing folder must be a folder, and making the first missing level (or a probe file)
 * there must work. Nothing is left behind.
 */
export function assertWritableDir(dir: string, flag: string): void {
	const fail = (reason: string): never => {
		throw new UserError(m.unwritableDir(flag, dir, reason), 2);
	};
	const { existing, missing } = missingDirs(dir);
	try {
		if (!statSync(existing).isDirectory()) fail(m.notADirectory(existing));
	} catch (error) {
		if (error instanceof UserError) throw error;
		fail(m.fsReason((error as NodeJS.ErrnoException).code ?? String(error)));
	}
	try {
		const first = missing[0];
		if (first) {
			// Making the first missing level is the only test some file systems (/proc) answer truthfully.
			mkdirSync(first);
			rmdirSync(first);
		} else {
			const probe = path.join(existing, `.import-probe-${process.pid}`);
			writeFileSync(probe, '', { flag: 'wx' });
			rmSync(probe);
		}
	} catch (error) {
		fail(m.fsReason((error as NodeJS.ErrnoException).code ?? String(error)));
	}
}

/** Reads an input after checking it is a regular file within the size limit. */
export function readInput(file: string): Buffer {
	let size: number;
	try {
		const stat = statSync(file);
		if (!stat.isFile()) throw new ImportInputError(m.expectedFile(), stat.isDirectory() ? m.foundDirectory() : m.foundNotRegular());
		size = stat.size;
	} catch (error) {
		if (error instanceof ImportInputError) throw error;
		throw new ImportInputError(m.expectedReadable(), m.foundNothing((error as NodeJS.ErrnoException).code ?? 'unreadable'));
	}
	assertSize(size);
	return readFileSync(file);
}

/** Everything one run needs besides the inputs. */
export interface RunSettings {
	casesDir: string;
	issuesDir: string;
	issuesOnDisk: Map<string, string>;
	dryRun: boolean;
	force: boolean;
	verbose: boolean;
	importOptions: ImportOptions;
	/** How a path is shown to the user. */
	shown: (file: string) => string;
	style: Style;
}

/** What importing one file gave: the report text, and whether the file counts as a failure. */
export interface FileOutcome {
	doc: DocumentImport;
	plan: WritePlan;
	report: string;
}

/** Imports one file and, unless dry-run, writes its drafts; throws ImportInputError for a refusal. */
export async function importFile(input: string, settings: RunSettings): Promise<FileOutcome> {
	const doc = await importDocument(readInput(input), path.basename(input), settings.importOptions);
	doc.file = settings.shown(path.resolve(input));
	const plan = planWrites(doc, { cases: settings.casesDir, issues: settings.issuesDir }, settings.issuesOnDisk);
	const existing = plan.existing.map(settings.shown);
	if (existing.length > 0 && !settings.force && !settings.dryRun)
		throw new ImportInputError(m.expectedNewDrafts(), m.existingDrafts(existing), m.overwriteHint());
	const caseTargets = plan.files.filter((f) => f.kind === 'case').map((f) => settings.shown(f.path));
	const issueTarget = plan.files.find((f) => f.kind === 'issue');
	const lines = [
		formatReport(
			doc,
			{
				cases: caseTargets,
				...(issueTarget ? { issue: settings.shown(issueTarget.path) } : {}),
				dryRun: settings.dryRun,
				verbose: settings.verbose,
			},
			settings.style,
		),
	];
	if (settings.dryRun && existing.length > 0) lines.push(settings.style('yellow', m.dryRunExisting(existing)));
	if (!settings.dryRun) for (const file of plan.files) writeFileAtomic(file.path, file.content);
	return { doc, plan, report: lines.join('\n') };
}
