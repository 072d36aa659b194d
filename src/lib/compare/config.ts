/** What the compare page hands its script (as JSON in the page): where records are, and its words. */
import type { CompareLabels } from './table.ts';

/** The compare page's settings, embedded in the page as JSON (#compare-config). */
export interface ComparePageConfig {
	/** A case's record URL with {id} in place of the id. */
	recordUrl: string;
	labels: CompareLabels;
	messages: {
		needMore: string;
		full: string;
		notFound: string;
		remove: string;
		readFull: string;
	};
}
