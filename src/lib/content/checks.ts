/**
 * The per-case checks `npm run check` runs beyond the schema. They only warn, so the
 * build (which stops on errors alone) skips them. Conversion risks: characters whose
 * other-script form no phrase settled, so an editor can add a glossary entry or <Zh>.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findFileAmbiguities } from '../convert/ambiguity.ts';
import { glossaryWarnings } from '../convert/glossary-check.ts';
import type { GlossaryEntry } from '../../schemas/glossary.ts';
import { contentPaths, PROJECT_ROOT } from './paths.ts';
import { loadSiteConfig } from './site-config.ts';
import type { Problem } from './problem.ts';
import type { CaseCheck } from './validate.ts';

/** The warning-only checks run on every case: for now, text whose conversion to the other script is uncertain. */
export function contentChecks(): CaseCheck[] {
	const traditional = loadSiteConfig().traditional;
	const conversionRisks: CaseCheck = (entry, { glossary }) => {
		let ambiguities: ReturnType<typeof findFileAmbiguities>;
		try {
			ambiguities = findFileAmbiguities(readFileSync(path.join(PROJECT_ROOT, entry.file), 'utf8'), entry.data.script, glossary, { traditional });
		} catch {
			// A body that does not parse has no text to weigh; the body compile reports why, with its place.
			return [];
		}
		return ambiguities.map((ambiguity): Problem => ({
			severity: 'warning',
			file: entry.file,
			line: ambiguity.line,
			column: ambiguity.column,
			message: ambiguity.message,
		}));
	};
	return [conversionRisks];
}

/** Glossary entries that probably do not say what the editor meant. */
export function glossaryProblems(glossary: readonly GlossaryEntry[]): Problem[] {
	const file = path.relative(PROJECT_ROOT, contentPaths.glossary());
	return glossaryWarnings(glossary, loadSiteConfig().traditional).map((warning) => ({
		severity: 'warning',
		file,
		field: `[${warning.index}]`,
		message: warning.message,
	}));
}
