/**
 * Conversion-risk warnings (the idea of OpenCC's ambiguity report): characters that
 * convert more than one way (发 → 發/髮, 干 → 幹/乾/干, 后 → 後/后) at a position no
 * phrase decides, so OpenCC falls back to the character's usual form and may be wrong.
 *
 * A position is decided when it lies inside a glossary term, a <Zh> element, or a
 * phrase of two or more characters that OpenCC matches there (the same longest-match
 * segmentation and conversion steps the converter uses, segmentation guards included). For
 * 繁體 sources OpenCC's own phrase list (TSPhrases) is small, so a simplified→traditional
 * phrase whose traditional side matches the text also decides, provided the conversion
 * agrees with it; where it disagrees the position is reported whatever else covers it.
 */
import { Trie } from 'opencc-js/core';
import type { Script } from '../../schemas/script.ts';
import { candidateTables } from './ambiguity-candidates.ts';
import { getConverter, getPipeline } from './converter.ts';
import type { GlossaryEntry } from './glossary.ts';
import { stPhrases } from './opencc-dictionaries.ts';
import { configName, type TraditionalStandard } from './opencc-pipeline.ts';
import { checkMessages } from '../i18n/messages/index.ts';
import { textRunsOfMdx } from './mdx-text.ts';

/** One character whose conversion no phrase decides, placed for an editor to check. */
export interface Ambiguity {
	/** 1-based line and column (in characters) of the character in the file or text. */
	line: number;
	column: number;
	char: string;
	/** The forms it may take in the other script, the converter's choice first. */
	candidates: string[];
	/** What the converter writes for it. */
	chosen: string;
	/** Up to eight characters either side on the same line, the character in 【】. */
	context: string;
	/** A sentence for an editor: what is ambiguous and how to settle it. */
	message: string;
}

/** Options for `findAmbiguities` and `findFileAmbiguities`. */
export interface AmbiguityOptions {
	/** The site's traditional standard (content/site.yaml `traditional`); default tw. */
	traditional?: TraditionalStandard;
	/** Added to every line number (when the text starts further down a file). */
	lineOffset?: number;
}

interface Hit {
	/** UTF-16 offset in the text searched. */
	index: number;
	char: string;
	candidates: string[];
	chosen: string;
}

const reversePhraseTries = new Map<TraditionalStandard, Trie>();

/** Traditional sides (in the standard's forms) of the simplified→traditional phrases, mapped to their simplified side. */
function reversePhraseTrie(traditional: TraditionalStandard): Trie {
	let trie = reversePhraseTries.get(traditional);
	if (!trie) {
		const toStandard = getPipeline(configName('hans', 'hant', traditional)).chain.slice(1);
		trie = new Trie();
		for (const [source, target] of stPhrases()) {
			const inStandard = toStandard.reduce((text, step) => step.convert(text), target);
			if (Array.from(inStandard).length === Array.from(source).length) trie.addWord(inStandard, source);
		}
		reversePhraseTries.set(traditional, trie);
	}
	return trie;
}

/** Offsets (UTF-16) covered by a phrase of 2+ characters in forward longest-match segmentation, with the phrase's output. */
function phraseCover(trie: Trie, text: string): Map<number, string> {
	const covered = new Map<number, string>();
	for (let i = 0; i < text.length;) {
		const match = trie.matchPrefix(text, i);
		const end = match?.end ?? i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
		const phrase = text.slice(i, end);
		if (match && Array.from(phrase).length > 1) {
			const outputs = Array.from(match.value);
			let offset = i;
			for (const [k, point] of Array.from(phrase).entries()) {
				covered.set(offset, outputs[k] ?? '');
				offset += point.length;
			}
		}
		i = end;
	}
	return covered;
}

/** Ambiguous positions in a stretch of text free of glossary terms (offsets relative to it). */
function hitsInPlainText(text: string, script: Script, traditional: TraditionalStandard): Hit[] {
	const tables = candidateTables(traditional);
	const pipeline = getPipeline(configName(script, script === 'hans' ? 'hant' : 'hans', traditional));
	const normalized = pipeline.normalize(text);
	const converted = Array.from(pipeline.convert(text));
	// Decided where the segmentation or any conversion step matches a phrase (tw2s's
	// first step, for instance, knows 著作 from TWVariantsRevPhrases).
	const decided = new Set<number>(pipeline.segmentation ? phraseCover(pipeline.segmentation, normalized).keys() : []);
	let stepInput = normalized;
	for (const step of pipeline.chain) {
		for (const offset of phraseCover(step, stepInput).keys()) decided.add(offset);
		stepInput = step.convert(stepInput);
	}
	const reverse = script === 'hant' ? phraseCover(reversePhraseTrie(traditional), normalized) : undefined;
	const table = script === 'hans' ? tables.toHant : tables.toHans;
	const hits: Hit[] = [];
	let index = 0;
	for (const [k, char] of Array.from(normalized).entries()) {
		const at = index;
		index += char.length;
		const candidates = table.get(char);
		if (!candidates) continue;
		const chosen = converted[k] ?? char;
		const agreed = reverse?.get(at);
		const contradicted = agreed !== undefined && agreed !== chosen;
		if (!contradicted && (decided.has(at) || agreed !== undefined)) continue;
		const ordered = [chosen, ...candidates.filter((candidate) => candidate !== chosen)];
		if (contradicted && !ordered.includes(agreed)) ordered.push(agreed);
		hits.push({ index: at, char: String.fromCodePoint(text.codePointAt(at) ?? 0), candidates: ordered, chosen });
	}
	return hits;
}

/** Hits in a text, skipping glossary terms and URLs (the converter's protected pieces). */
function hitsInText(text: string, script: Script, glossary: readonly GlossaryEntry[], traditional: TraditionalStandard): Hit[] {
	const converter = getConverter({ traditional, glossary });
	const hits: Hit[] = [];
	let offset = 0;
	for (const piece of converter.convertPieces(text, script, script === 'hans' ? 'hant' : 'hans')) {
		if (piece.kind === 'text') {
			for (const hit of hitsInPlainText(piece.source, script, traditional)) hits.push({ ...hit, index: hit.index + offset });
		}
		offset += piece.source.length;
	}
	return hits;
}

function contextAround(text: string, index: number, length: number): string {
	const lineStart = text.lastIndexOf('\n', index - 1) + 1;
	const lineEnd = text.indexOf('\n', index);
	const before = Array.from(text.slice(lineStart, index)).slice(-8).join('');
	const after = Array.from(text.slice(index + length, lineEnd === -1 ? undefined : lineEnd))
		.slice(0, 8)
		.join('');
	return `${before}【${text.slice(index, index + length)}】${after}`;
}

function describe(hit: Hit, script: Script, context: string): string {
	const other = script === 'hans' ? 'hant' : 'hans';
	const alternatives = hit.candidates.filter((candidate) => candidate !== hit.chosen);
	return checkMessages.conversionRisk({
		char: hit.char,
		chosen: hit.chosen,
		alternatives,
		context,
		keep: `<Zh ${other}="${hit.chosen}">${hit.char}</Zh>`,
		fixes: alternatives.map((alternative) => `<Zh ${other}="${alternative}">${hit.char}</Zh>`),
	});
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: Array.from(text.slice(lineStart, index)).length + 1 };
}

/** Ambiguous characters in plain text (a title, a summary, a paragraph). */
export function findAmbiguities(text: string, script: Script, glossary: readonly GlossaryEntry[], options: AmbiguityOptions = {}): Ambiguity[] {
	const traditional = options.traditional ?? 'tw';
	return hitsInText(text, script, glossary, traditional).map((hit) =>
		toAmbiguity(hit, script, lineAndColumn(text, hit.index), contextAround(text, hit.index, hit.char.length), options),
	);
}

/** A hit with its place in the file and the sentence an editor reads. */
function toAmbiguity(
	hit: Hit,
	script: Script,
	{ line, column }: { line: number; column: number },
	context: string,
	options: AmbiguityOptions,
): Ambiguity {
	return {
		line: line + (options.lineOffset ?? 0),
		column,
		char: hit.char,
		candidates: hit.candidates,
		chosen: hit.chosen,
		context,
		message: describe(hit, script, context),
	};
}

/**
 * Ambiguous characters in the body of an MDX file, given the whole file: frontmatter,
 * code, JSX attributes, expressions and <Zh> elements are skipped; lines and columns
 * are the file's. Text is taken run by run as the build converts it (a paragraph's
 * text across bold and links, with CJK line breaks joined).
 */
export function findFileAmbiguities(
	fileText: string,
	script: Script,
	glossary: readonly GlossaryEntry[],
	options: AmbiguityOptions = {},
): Ambiguity[] {
	const traditional = options.traditional ?? 'tw';
	const found: Ambiguity[] = [];
	for (const run of textRunsOfMdx(fileText)) {
		for (const hit of hitsInText(run.text, script, glossary, traditional)) {
			const position = lineAndColumn(fileText, run.offsets[hit.index] ?? 0);
			found.push(toAmbiguity(hit, script, position, contextAround(run.text, hit.index, hit.char.length), options));
		}
	}
	return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
