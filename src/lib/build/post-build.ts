/**
 * Steps that run over the built site before it is published (search index, PDFs).
 * Each gets the staging directory and returns a one-line outcome for the log.
 */
export interface PostBuildStep {
	name: string;
	run(outDir: string): Promise<string>;
}

export function postBuildSteps(): PostBuildStep[] {
	return [];
}
