/**
 * The method taxonomy (content/methods.yaml), read at run time so the importer always
 * suggests from the current list, and the keyword matching that suggests methods for a case.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { MethodSchema, type Method } from '../../schemas/method.ts';
import { formatZodIssues } from '../content/errors.ts';

/** The methods read from the taxonomy file, and what was wrong with it. */
export interface Taxonomy {
	methods: Method[];
	/** Problems reading the file, one line each. */
	problems: string[];
	file: string;
}

/** Reads the taxonomy without throwing: problems with the file or its entries come back beside the valid methods. */
export function loadTaxonomy(file: string): Taxonomy {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return { methods: [], problems: [`${file}: not found; methods cannot be suggested`], file };
	}
	let data: unknown;
	try {
		data = parse(text);
	} catch (error) {
		return { methods: [], problems: [`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`], file };
	}
	if (!Array.isArray(data)) {
		return { methods: [], problems: [`${file}: expected a YAML list of methods, found ${data === null ? 'nothing' : typeof data}`], file };
	}
	const methods: Method[] = [];
	const problems: string[] = [];
	data.forEach((entry, i) => {
		const result = MethodSchema.safeParse(entry);
		if (result.success) methods.push(result.data);
		else problems.push(...formatZodIssues(result.error.issues).map((line) => `${file}: entry ${i + 1}: ${line}`));
	});
	return { methods, problems, file };
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
