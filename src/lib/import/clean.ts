/**
 * The cleaning pass over a document's blocks, in the order the damage was done: stray
 * markup, site debris and fact lines, running page headers, pinyin annotations, then
 * (with garbled spots reported) Taiwan phrasing and flattened punctuation. Each rule
 * lives in its own module; this one only sequences them and keeps the record.
 */
import type { Block, ImportWarning, Removal, SourceFacts } from './types.ts';
import { countHan, normalizeSpaces } from './cjk.ts';
import { mergeFacts, removeDebris } from './debris.ts';
import { findGarble, stripStrayMarkup } from './garble.ts';
import { removeRepeatedHeaders } from './page-headers.ts';
import { removePinyinAnnotations } from './pinyin.ts';
import { restoreFullwidthPunctuation } from './punctuation.ts';
import { detectScript, type ScriptGuess } from './script.ts';
import { revertTaiwanPhrasing } from './taiwan-phrasing.ts';
import { isUnitLine } from './units.ts';
import { importMessages as m } from '../i18n/messages/index.ts';

/** How many repairs of each kind the cleaning pass made, for the report. */
export interface CleaningStats {
	debrisLines: number;
	pageHeaders: number;
	pinyinAnnotations: number;
	strayTags: number;
	garbledSpots: number;
	taiwanPhrasings: number;
	punctuation: number;
}

/** The blocks after cleaning, with the facts read from debris lines, the script guess, and what was warned about or removed. */
export interface CleanedDocument {
	blocks: Block[];
	facts: SourceFacts;
	script: ScriptGuess;
	warnings: ImportWarning[];
	removed: Removal[];
	stats: CleaningStats;
}

/** Runs the cleaning rules in order; `stripMarkup` is for plain text, where tags are leftovers rather than structure already read. */
export function cleanBlocks(input: Block[], initialFacts: SourceFacts, options: { stripMarkup: boolean }): CleanedDocument {
	const warnings: ImportWarning[] = [];
	const stats: CleaningStats = {
		debrisLines: 0,
		pageHeaders: 0,
		pinyinAnnotations: 0,
		strayTags: 0,
		garbledSpots: 0,
		taiwanPhrasings: 0,
		punctuation: 0,
	};

	let blocks = input
		.map((block) => {
			if (!options.stripMarkup) return block;
			const markup = stripStrayMarkup(block.text);
			if (markup.tags.length > 0) {
				stats.strayTags += markup.tags.length;
				warnings.push({
					line: block.line,
					message: m.strayMarkup(markup.tags.slice(0, 3).join(' '), Math.max(0, markup.tags.length - 3)),
				});
			}
			return { ...block, text: normalizeSpaces(markup.text) };
		})
		.filter((b) => b.text.length > 0);

	for (const block of blocks) {
		if (block.text.length > 5000) {
			warnings.push({
				line: block.line,
				message: m.longLine(block.text.length),
			});
		}
	}
	const debris = removeDebris(blocks);
	const facts: SourceFacts = { ...initialFacts };
	mergeFacts(facts, debris.facts);
	stats.debrisLines = debris.removed.length;
	const headers = removeRepeatedHeaders(debris.kept, isUnitLine);
	stats.pageHeaders = headers.removed.length;
	blocks = headers.kept;

	blocks = blocks.map((block) => {
		const pinyin = removePinyinAnnotations(block.text);
		stats.pinyinAnnotations += pinyin.count;
		return pinyin.count ? { ...block, text: pinyin.text } : block;
	});

	for (const block of blocks) {
		for (const finding of findGarble(block.text)) {
			stats.garbledSpots++;
			warnings.push({
				line: block.line,
				message: m.garbled(JSON.stringify(finding.excerpt), finding.kind, finding.kind === 'lost characters'),
			});
		}
	}

	const script = detectScript(blocks.map((b) => b.text).join('\n'));
	blocks = blocks.map((block) => {
		const phrasing = revertTaiwanPhrasing(block.text, script.script);
		if (phrasing.changes.length === 0) return block;
		stats.taiwanPhrasings += phrasing.changes.length;
		const counted = new Map<string, number>();
		for (const c of phrasing.changes) counted.set(`${c.from} → ${c.to}`, (counted.get(`${c.from} → ${c.to}`) ?? 0) + 1);
		warnings.push({
			line: block.line,
			message: m.taiwanPhrasing([...counted].map(([change, n]) => (n > 1 ? `${change} (×${n})` : change)).join(', ')),
		});
		return { ...block, text: phrasing.text };
	});

	blocks = blocks.map((block) => {
		const punctuation = restoreFullwidthPunctuation(block.text);
		stats.punctuation += punctuation.count;
		return punctuation.count ? { ...block, text: punctuation.text } : block;
	});

	if (script.uncertain && countHan(blocks.map((b) => b.text).join('')) > 0) {
		warnings.push({
			message:
				script.simplified + script.traditional < 5 ? m.scriptFew(script.script) : m.scriptMixed(script.simplified, script.traditional, script.script),
		});
	}
	return { blocks, facts, script, warnings, removed: [...debris.removed, ...headers.removed], stats };
}
