/**
 * Steps that run over the built site before it is published (search index, PDFs).
 * Each gets the staging directory and returns a one-line outcome for the log.
 */
import type { ValidationResult } from '../content/validate.ts';
import { pdfStep } from '../print/step.ts';
import { searchIndexStep } from '../search/step.ts';

export interface PostBuildContext {
	/** The content as the build validated it, so steps do not read and check it again. */
	content: ValidationResult;
}

export interface PostBuildStep {
	name: string;
	run(outDir: string, context: PostBuildContext): Promise<string>;
}

export function postBuildSteps(): PostBuildStep[] {
	return [searchIndexStep(), pdfStep()];
}
