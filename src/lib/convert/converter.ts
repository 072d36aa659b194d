/**
 * Converts text between 简体 (hans) and 繁體 (hant) at the phrase level, with OpenCC's
 * dictionaries (via opencc-js) in the office's chosen traditional character standard
 * (tw, hk or plain t: character forms only, never regional phrasing), the project's
 * segmentation guards, and the office's glossary.
 *
 * Glossary terms and URLs are cut out of the text before OpenCC sees it, and the
 * pieces between them are converted separately. That makes each protected term a hard
 * word boundary: OpenCC can neither match a phrase that straddles the term (which
 * would rewrite part of a name) nor convert a neighbour as if the term's characters
 * were its context. A placeholder character in the text would do the same for OpenCC
 * (nothing in its dictionaries matches it), but could collide with text that contains
 * one and would need bookkeeping to restore; cutting has neither problem.
 *
 * Built OpenCC pipelines are cached per process (the s2tw one takes 100–200 ms to
 * build, segmentation guards included), and what they convert is remembered per text
 * (conversion-memo.ts); converters are cached per options by `getConverter`.
 */
import type { Script } from '../../schemas/script.ts';
import { createGlossaryMatcher, type GlossaryEntry, type GlossaryMatcher } from './glossary.ts';
import { memoized } from './conversion-memo.ts';
import { buildPipeline, configName, type OpenccConfigName, type OpenccPipeline, type TraditionalStandard } from './opencc-pipeline.ts';
import { stPhrases } from './opencc-dictionaries.ts';
import { segmentationGuards } from './segmentation-guards.ts';
import { isSurnameYuAt } from './surname.ts';

export type { TraditionalStandard };

/** What a converter is built from; also its cache key in `getConverter`. */
export interface ConverterOptions {
	/** Character standard of 繁體 text: Taiwan (tw), Hong Kong (hk) or OpenCC's own (t). */
	traditional: TraditionalStandard;
	glossary?: readonly GlossaryEntry[];
}

/**
 * A stretch of the source text and what it became. `glossary` and `verbatim` pieces
 * are atomic; `text` pieces come out of OpenCC, which maps every code point to exactly
 * one code point, so they can be split at any code point.
 */
export interface ConvertedPiece {
	kind: 'text' | 'glossary' | 'verbatim';
	source: string;
	output: string;
}

/** Converts between 简体 and 繁體 with one character standard and glossary. */
export interface ScriptConverter {
	readonly traditional: TraditionalStandard;
	readonly glossary: readonly GlossaryEntry[];
	/** The text in the other script; the text itself when `from === to`. */
	convert(text: string, from: Script, to: Script): string;
	/** The same conversion, piece by piece (for splitting it across several text nodes). */
	convertPieces(text: string, from: Script, to: Script): ConvertedPiece[];
}

const pipelines = new Map<OpenccConfigName, OpenccPipeline>();

/** The OpenCC pipeline for a configuration, built on first use; its `convert` remembers its results (conversion-memo.ts). */
export function getPipeline(name: OpenccConfigName): OpenccPipeline {
	let pipeline = pipelines.get(name);
	if (!pipeline) {
		const built = name.startsWith('s2') ? buildPipeline(name, (firstStep) => segmentationGuards(stPhrases(), firstStep)) : buildPipeline(name);
		pipeline = { ...built, convert: memoized(built.fingerprint, built.convert) };
		pipelines.set(name, pipeline);
	}
	return pipeline;
}

/** Text OpenCC must not touch even when it contains Han characters. */
const VERBATIM = /(?:https?|ftp):\/\/[^\s<>"'，。；：！？、（）【】《》「」『』“”‘’]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

interface Span {
	start: number;
	end: number;
	kind: 'glossary' | 'verbatim';
	output: string;
}

function protectedSpans(text: string, glossary: GlossaryMatcher, target: Script): Span[] {
	const spans: Span[] = [];
	let from = 0;
	const addGlossary = (until: number) => {
		for (let i = from; i < until;) {
			const match = glossary.matchAt(text, i);
			if (match && match.end <= until) {
				const { entry } = match;
				spans.push({
					start: match.start,
					end: match.end,
					kind: 'glossary',
					output: target === 'hant' ? (entry.hant ?? entry.hans) : entry.hans,
				});
				i = match.end;
			} else {
				// The family name 余 stays 余 (OpenCC would make it 餘); see surname.ts.
				if (target === 'hant' && isSurnameYuAt(text, i)) spans.push({ start: i, end: i + 1, kind: 'verbatim', output: '余' });
				i++;
			}
		}
	};
	for (const url of text.matchAll(VERBATIM)) {
		addGlossary(url.index);
		spans.push({ start: url.index, end: url.index + url[0].length, kind: 'verbatim', output: url[0] });
		from = url.index + url[0].length;
	}
	addGlossary(text.length);
	return spans;
}

/** A new converter for the options; prefer `getConverter`, which shares one per set of options. */
export function createConverter(options: ConverterOptions): ScriptConverter {
	const { traditional } = options;
	const glossary = [...(options.glossary ?? [])];
	const matchers: Record<Script, GlossaryMatcher> = {
		hans: createGlossaryMatcher(glossary, 'hans'),
		hant: createGlossaryMatcher(glossary, 'hant'),
	};

	function convertPieces(text: string, from: Script, to: Script): ConvertedPiece[] {
		if (from === to || text === '') return text ? [{ kind: 'text', source: text, output: text }] : [];
		const pipeline = getPipeline(configName(from, to, traditional));
		const pieces: ConvertedPiece[] = [];
		let position = 0;
		const pushText = (end: number) => {
			if (end <= position) return;
			const source = text.slice(position, end);
			pieces.push({ kind: 'text', source, output: pipeline.convert(source) });
		};
		for (const span of protectedSpans(text, matchers[from], to)) {
			pushText(span.start);
			pieces.push({ kind: span.kind, source: text.slice(span.start, span.end), output: span.output });
			position = span.end;
		}
		pushText(text.length);
		return pieces;
	}

	return {
		traditional,
		glossary,
		convertPieces,
		convert(text, from, to) {
			if (from === to) return text;
			let result = '';
			for (const piece of convertPieces(text, from, to)) result += piece.output;
			return result;
		},
	};
}

const converters = new Map<string, ScriptConverter>();

/** A converter shared by everything in the process that uses the same options. */
export function getConverter(options: ConverterOptions): ScriptConverter {
	const key = JSON.stringify([options.traditional, (options.glossary ?? []).map((entry) => [entry.hans, entry.hant ?? null])]);
	let converter = converters.get(key);
	if (!converter) {
		converter = createConverter(options);
		converters.set(key, converter);
	}
	return converter;
}
