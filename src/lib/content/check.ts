/**
 * Everything `npm run check` runs: the validation the build runs (schemas, references,
 * ids), the warning-only checks (conversion risks, glossary), and every body compiled
 * exactly as the build compiles it.
 */
import path from 'node:path';
import { bodyProblems } from './body-check.ts';
import { contentChecks, glossaryProblems } from './checks.ts';
import { internalCaseProblems } from '../compendium/edition.ts';
import { PROJECT_ROOT } from './paths.ts';
import { loadSiteConfig } from './site-config.ts';
import { validateContent, type ValidationResult } from './validate.ts';

/** Validates the content directory in full; problems unsorted (formatProblems sorts). */
export async function checkContent(): Promise<ValidationResult> {
	const site = siteOrUndefined();
	// Conversion and compiling need the site's settings; while site.yaml is invalid, validation reports that alone.
	if (!site) return validateContent();
	const result = validateContent({ caseChecks: contentChecks() });
	result.problems.push(...glossaryProblems(result.glossary), ...internalCaseProblems(result.issues));
	for (const file of result.bodyFiles) {
		result.problems.push(...(await bodyProblems(path.resolve(PROJECT_ROOT, file), file, { trustedMdx: site.trustedMdx })));
	}
	return result;
}

function siteOrUndefined() {
	try {
		return loadSiteConfig();
	} catch {
		return undefined;
	}
}
