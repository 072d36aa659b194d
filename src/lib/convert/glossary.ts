/**
 * The glossary (content/glossary.yaml): terms the conversion must map a fixed way,
 * whatever OpenCC would do: names of people, places and organisations (钟山区 →
 * 鍾山區, not 鐘山區; 余书记 keeps 余), and policy terms.
 *
 * Loading validates the file and reports each problem with the file, the entry's
 * number and line, and the field. Matching finds glossary terms in a text, longest
 * first, for the converter to protect.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Trie } from 'opencc-js/core';
import { GlossaryEntrySchema, type GlossaryEntry } from '../../schemas/glossary.ts';
import type { Script } from '../../schemas/script.ts';
import { parseYaml } from '../content/frontmatter.ts';
import { suggestion } from '../text/did-you-mean.ts';

export type { GlossaryEntry };

const ENTRY_FIELDS = ['hans', 'hant', 'note'];

/** The form of an entry in the given script. */
export function glossaryForm(entry: GlossaryEntry, script: Script): string {
	return script === 'hant' ? (entry.hant ?? entry.hans) : entry.hans;
}

function describeEntry(index: number, line: number | undefined, entry?: unknown): string {
	const hans = entry && typeof entry === 'object' && 'hans' in entry && typeof entry.hans === 'string' ? ` (${entry.hans})` : '';
	return `entry ${index + 1}${hans}${line !== undefined ? ` at line ${line}` : ''}`;
}

/**
 * Validates parsed glossary data. Returns the entries and the problems, each naming
 * the file, the entry (1-based, as an editor counts list items) and the field.
 */
export function validateGlossary(
	data: unknown,
	file: string,
	lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined = () => undefined,
): { entries: GlossaryEntry[]; problems: string[] } {
	if (data === null || data === undefined) return { entries: [], problems: [] };
	if (!Array.isArray(data)) {
		return {
			entries: [],
			problems: [`${file}: expected a YAML list of entries such as "- hans: 钟山区" / "  hant: 鍾山區", found ${typeof data}`],
		};
	}
	const entries: GlossaryEntry[] = [];
	const problems: string[] = [];
	const byForm: Record<Script, Map<string, number>> = { hans: new Map(), hant: new Map() };
	data.forEach((raw: unknown, index) => {
		const result = GlossaryEntrySchema.safeParse(raw);
		if (!result.success) {
			for (const issue of result.error.issues) {
				const field = issue.path.map(String).join('.');
				const found = field && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : raw;
				let message = issue.message;
				if (issue.code === 'unrecognized_keys') {
					const hint = issue.keys.length === 1 ? suggestion(issue.keys[0] ?? '', ENTRY_FIELDS) : '';
					message =
						`unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}` +
						(hint || '; an entry has hans, hant (optional) and note (optional)');
				} else if (issue.code === 'invalid_type' && found === undefined) {
					message = `required field is missing; write the simplified form, e.g. "hans: 钟山区"`;
				} else if (issue.code === 'too_small') {
					message = `expected a non-empty string; delete the field if the term is written the same in both scripts`;
				} else {
					message = `${message}, found ${JSON.stringify(found)}`;
				}
				const where = describeEntry(index, lineOf([index, ...issue.path]), raw);
				problems.push(`${file}: ${where}${field ? `, field ${field}` : ''}: ${message}`);
			}
			return;
		}
		const entry = result.data;
		const line = lineOf([index]);
		for (const script of ['hans', 'hant'] as const) {
			const form = glossaryForm(entry, script);
			const earlier = byForm[script].get(form);
			if (earlier !== undefined) {
				const other = entries[earlier];
				const same = other && other.hans === entry.hans && (other.hant ?? other.hans) === (entry.hant ?? entry.hans);
				problems.push(
					`${file}: ${describeEntry(index, line, entry)}, field ${script === 'hans' || entry.hant !== undefined ? script : 'hans'}: ` +
						(same
							? `duplicates entry ${earlier + 1}; delete one of them`
							: `"${form}" is already mapped by entry ${earlier + 1} (${other?.hans} ↔ ${other ? glossaryForm(other, 'hant') : '?'}); ` +
								`a term can convert only one way, so keep one entry or make the terms longer (e.g. the full name)`),
				);
				return;
			}
		}
		byForm.hans.set(entry.hans, entries.length);
		byForm.hant.set(glossaryForm(entry, 'hant'), entries.length);
		entries.push(entry);
	});
	return { entries, problems };
}

/**
 * Reads and validates a glossary file. A missing file is an empty glossary (an office
 * may not need one); an invalid one throws, listing every problem.
 */
export function loadGlossary(file: string): GlossaryEntry[] {
	if (!existsSync(file)) return [];
	const parsed = parseYaml(readFileSync(file, 'utf8'));
	if (parsed.errors.length) {
		throw new Error(
			`Invalid glossary ${file}:\n` + parsed.errors.map((error) => `${file}: line ${error.line}: YAML syntax error: ${error.message}`).join('\n'),
		);
	}
	const { entries, problems } = validateGlossary(parsed.data, file, parsed.lineOf);
	if (problems.length) throw new Error(`Invalid glossary ${file}:\n${problems.join('\n')}`);
	return entries;
}

/** A glossary term found in a text. */
export interface GlossaryMatch {
	/** UTF-16 offsets in the text. */
	start: number;
	end: number;
	entry: GlossaryEntry;
}

/** Finds glossary terms written in one script: leftmost first, longest at each position. */
export interface GlossaryMatcher {
	matchAt(text: string, index: number): GlossaryMatch | undefined;
	findAll(text: string): GlossaryMatch[];
}

/** A matcher for the entries' terms as written in `script` (the `hant` form, or `hans` when an entry has none). */
export function createGlossaryMatcher(entries: readonly GlossaryEntry[], script: Script): GlossaryMatcher {
	// OpenCC's own trie gives the longest term at a position in one walk; its values are
	// entry indexes.
	const trie = new Trie();
	entries.forEach((entry, index) => trie.addWord(glossaryForm(entry, script), String(index)));
	const empty = entries.length === 0;

	function matchAt(text: string, index: number): GlossaryMatch | undefined {
		if (empty) return undefined;
		const match = trie.matchPrefix(text, index);
		const entry = match ? entries[Number(match.value)] : undefined;
		return match && entry ? { start: index, end: match.end, entry } : undefined;
	}

	return {
		matchAt,
		findAll(text) {
			const matches: GlossaryMatch[] = [];
			if (empty) return matches;
			for (let i = 0; i < text.length;) {
				const match = matchAt(text, i);
				if (match) {
					matches.push(match);
					i = match.end;
				} else i++;
			}
			return matches;
		},
	};
}
