/**
 * The shape every content check reports in: validation, the body check, the dev server's
 * overlay and the importer's taxonomy check all speak it, and the validation cache stores it.
 */

/** One problem in the content: where it is (file, line, field), how bad, and what to do. */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root. */
	file: string;
	line?: number;
	/** 1-based column, when the problem is at a place in the body. */
	column?: number;
	/** Field path as written in YAML, e.g. metrics[2].value. */
	field?: string;
	message: string;
}
