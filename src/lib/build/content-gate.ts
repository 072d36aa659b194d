/**
 * The build's first step: the content is validated before Astro renders anything, and an
 * error stops the build with every problem listed by file and line. Only errors count here:
 * the warning-only case checks (conversion risks) belong to `npm run check`, and skipping
 * them saves about 3 s per 1,000 cases.
 */
import { AstroError } from 'astro/errors';
import { formatProblems, validateContent, type ValidationResult } from '../content/validate.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The content errors of a build: all of them printed, then one error that stops Astro. */
export class ContentErrors extends AstroError {
	readonly count: number;
	constructor(count: number) {
		super(buildMessages.contentErrors(count));
		this.name = 'ContentErrors';
		this.count = count;
		// The problems above say where; a stack would point into this file and look like a crash.
		this.stack = '';
	}
}

/** Validates the content for a build; prints the errors and throws {@link ContentErrors} if there are any. */
export function validateForBuild(): ValidationResult {
	const validation = validateContent();
	const errors = validation.problems.filter((p) => p.severity === 'error');
	if (errors.length) {
		console.error(formatProblems(errors));
		throw new ContentErrors(errors.length);
	}
	return validation;
}
