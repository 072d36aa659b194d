/**
 * The method taxonomy (content/methods.yaml), read at run time so the importer always
 * suggests from the current list, and the keyword matching that suggests methods for a case.
 */
import type { Method } from '../../schemas/method.ts';
import type { Problem } from '../content/problem.ts';
import { formatProblems, loadMethods } from '../content/validate.ts';

/** The methods read from the taxonomy file, and what was wrong with it. */
export interface Taxonomy {
	methods: Method[];
	/** Problems reading the file, one line each (file:line, what was expected and found). */
	problems: string[];
	file: string;
}

/** Reads the taxonomy as `npm run check` does, without throwing: its problems come back beside whatever methods it holds. */
export function loadTaxonomy(file: string): Taxonomy {
	const problems: Problem[] = [];
	const methods = [...loadMethods(problems, file).values()];
	return { methods, problems: problems.map((problem) => formatProblems([problem])), file };
}

/** A method suggested for a case, with its score and what matched. */
export interface MethodSuggestion {
	slug: string;
	score: number;
	/** Keywords that matched, for the report. */
	matched: string[];
}

/**
 * Scores methods by keyword occurrences (and the method's own name) in the title, which
 * counts triple, and the text. Returns the best (at most three), strongest first.
 */
export function suggestMethods(methods: Method[], title: string, text: string): MethodSuggestion[] {
	const scored = methods.map((method) => {
		const words = [...new Set([method.name, ...method.keywords].filter((w) => w.length >= 2))];
		let score = 0;
		const matched: string[] = [];
		for (const word of words) {
			const inTitle = occurrences(title, word);
			const inText = occurrences(text, word);
			if (inTitle + inText > 0) matched.push(word);
			score += inTitle * 3 + Math.min(inText, 5);
		}
		return { slug: method.slug, score, matched };
	});
	const ranked = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
	const top = ranked[0]?.score ?? 0;
	return ranked.filter((s) => s.score >= Math.max(2, top * 0.5)).slice(0, 3);
}

function occurrences(text: string, word: string): number {
	let count = 0;
	for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
	return count;
}
