/**
 * OpenCC conversion assembled from opencc-js's own parts (its Trie and its preset
 * configurations), instead of calling `OpenCC.Converter`, for two reasons: the
 * converter adds segmentation guards to OpenCC's phrase trie, and the ambiguity check
 * needs the same segmentation the conversion uses. Without guards the result is
 * identical to opencc-js's Converter (tests/unit/convert-opencc.test.ts compares them).
 *
 * Only the character-form configurations are offered: s2tw/s2hk/s2t and their
 * reverses. Never s2twp/s2hkp, whose Taiwan phrasing (项目→專案, 网络→網路) would
 * rewrite what the cases say.
 */
import { createHash } from 'node:crypto';
import { Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { Script } from '../../schemas/script.ts';
import type { TRADITIONAL_STANDARDS } from '../../schemas/site.ts';

/** The character standard 繁體 text is written in: tw, hk or OpenCC's own t (content/site.yaml `traditional`). */
export type TraditionalStandard = (typeof TRADITIONAL_STANDARDS)[number];

/** OpenCC configuration names, e.g. s2tw (hans→Taiwan forms) or hk2s. */
export type OpenccConfigName = `s2${TraditionalStandard}` | `${TraditionalStandard}2s`;

/** The OpenCC configuration that converts `from` one script `to` the other; throws when they are the same. */
export function configName(from: Script, to: Script, traditional: TraditionalStandard): OpenccConfigName {
	if (from === to) throw new Error(`configName: nothing to convert from ${from} to ${to}`);
	return from === 'hans' ? `s2${traditional}` : `${traditional}2s`;
}

/** One OpenCC configuration, built: its conversion and the tries behind it, exposed for the ambiguity check. */
export interface OpenccPipeline {
	readonly name: OpenccConfigName;
	/** A digest of everything the conversion depends on (dictionaries, guards): equal fingerprints convert alike. */
	readonly fingerprint: string;
	/** Runs OpenCC's normalisation, segmentation and conversion chain. */
	convert(text: string): string;
	/** CJK compatibility ideographs → unified ones, as OpenCC does before anything else. */
	normalize(text: string): string;
	/** The phrase trie OpenCC segments with (null for configurations without one, e.g. s2t). */
	readonly segmentation: Trie | null;
	/** One trie per conversion step; the first maps to OpenCC standard forms. */
	readonly chain: readonly Trie[];
}

/** The shape of one entry of opencc-js's `configs` (normalizationChain is missing from its types). */
interface PresetConfig {
	segmentation?: DictLike | DictGroup;
	conversionChain: readonly DictGroup[];
	normalizationChain?: readonly DictGroup[];
}

function trieOf(group: DictGroup): Trie {
	const trie = new Trie();
	trie.loadDictGroup(group);
	return trie;
}

/** Mirrors opencc-js's ConverterFactoryWithSegmentation: a segmentation is one dict or a group of them. */
function segmentationTrie(dicts: DictLike | DictGroup | undefined): Trie | null {
	if (!dicts) return null;
	const trie = new Trie();
	if (Array.isArray(dicts) && dicts.every((dict) => typeof dict === 'string')) trie.loadDictGroup(dicts as DictGroup);
	else trie.loadDict(dicts as DictLike);
	return trie;
}

/**
 * Builds the pipeline for one configuration. `guards` are extra phrases (source, OpenCC
 * standard form) that join the segmentation trie and the first conversion step, the way
 * OpenCC's own phrase dictionaries do; `makeGuards` computes them from the first step.
 */
export function buildPipeline(name: OpenccConfigName, makeGuards?: (firstStep: Trie) => ReadonlyArray<readonly [string, string]>): OpenccPipeline {
	const config = (configs as Record<string, PresetConfig | undefined>)[name];
	if (!config) throw new Error(`opencc-js has no configuration named ${name}`);
	const normalizers = (config.normalizationChain ?? []).map(trieOf);
	const segmentation = segmentationTrie(config.segmentation);
	const chain = config.conversionChain.map(trieOf);
	const firstStep = chain[0];
	const guards = makeGuards && firstStep ? makeGuards(firstStep) : [];
	if (firstStep) {
		for (const [source, target] of guards) {
			segmentation?.addWord(source, source);
			firstStep.addWord(source, target);
		}
	}
	// The code counts too (this builder and opencc-js's Trie), so a changed algorithm never reuses old
	// results. (The copy Vite bundles for the pages reads differently from the one Node loads for the
	// MDX plugin and the search step, so each keeps a memo of its own: correct, only less shared.)
	const code = [buildPipeline, Trie].map((f) => f.toString());
	const fingerprint = createHash('sha256')
		.update(JSON.stringify([name, config, guards, code]))
		.digest('hex')
		.slice(0, 32);
	const normalize = (text: string) => normalizers.reduce((result, trie) => trie.convert(result), text);
	return {
		name,
		fingerprint,
		normalize,
		segmentation,
		chain,
		convert(text) {
			const normalized = normalize(text);
			const segments = segmentation ? segmentation.segment(normalized) : [normalized];
			let result = '';
			for (const segment of segments) {
				let converted = segment;
				for (const trie of chain) converted = trie.convert(converted);
				result += converted;
			}
			return result;
		},
	};
}
