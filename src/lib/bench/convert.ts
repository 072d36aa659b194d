/**
 * Measures the converter: how long the OpenCC pipelines take to build (once per
 * process, so this is a cold start) and how fast they convert. Used by the bench script.
 */
import type { Script } from '../../schemas/script.ts';
import { createConverter, type TraditionalStandard } from '../convert/converter.ts';
import type { GlossaryEntry } from '../convert/glossary.ts';
import { buildPipeline, configName } from '../convert/opencc-pipeline.ts';
import { stPhrases } from '../convert/opencc-dictionaries.ts';
import { segmentationGuards } from '../convert/segmentation-guards.ts';
import { median } from './measure.ts';

/** Build time and throughput of one conversion direction. */
export interface DirectionBench {
	/** OpenCC configuration, e.g. s2tw. */
	config: string;
	/** Time to build the pipeline from the dictionaries (median of `builds` builds). */
	buildMs: number;
	/** Characters (code points) of the sample converted per second, glossary included. */
	charsPerSecond: number;
}

/** What `benchConverter` reports: the sample's size in code points and both directions' figures. */
export interface ConverterBench {
	traditional: TraditionalStandard;
	sampleChars: number;
	toHant: DirectionBench;
	toHans: DirectionBench;
}

/** Settings for `benchConverter`; the standard defaults to `tw`, the glossary to none. */
export interface BenchOptions {
	traditional?: TraditionalStandard;
	glossary?: readonly GlossaryEntry[];
	/** Pipeline builds to time per direction (median reported). Default 3. */
	builds?: number;
	/** Minimum time to spend converting per direction, in ms. Default 500. */
	minDurationMs?: number;
}

function timeBuild(from: Script, to: Script, traditional: TraditionalStandard, builds: number): number {
	const name = configName(from, to, traditional);
	const times: number[] = [];
	for (let i = 0; i < builds; i++) {
		const start = performance.now();
		if (from === 'hans') buildPipeline(name, (firstStep) => segmentationGuards(stPhrases(), firstStep));
		else buildPipeline(name);
		times.push(performance.now() - start);
	}
	return median(times);
}

function timeConversion(convert: () => string, chars: number, minDurationMs: number): number {
	convert(); // warm up (and build the pipeline on first use)
	let runs = 0;
	const start = performance.now();
	let elapsed: number;
	do {
		convert();
		runs++;
		elapsed = performance.now() - start;
	} while (elapsed < minDurationMs);
	return Math.round((chars * runs) / (elapsed / 1000));
}

/** Builds and converts `sample` (written in simplified Chinese) in both directions. */
export function benchConverter(sample: string, options: BenchOptions = {}): ConverterBench {
	const traditional = options.traditional ?? 'tw';
	const builds = options.builds ?? 3;
	const minDurationMs = options.minDurationMs ?? 500;
	const converter = createConverter({ traditional, glossary: options.glossary ?? [] });
	const chars = Array.from(sample).length;
	const hant = converter.convert(sample, 'hans', 'hant');
	return {
		traditional,
		sampleChars: chars,
		toHant: {
			config: configName('hans', 'hant', traditional),
			buildMs: timeBuild('hans', 'hant', traditional, builds),
			charsPerSecond: timeConversion(() => converter.convert(sample, 'hans', 'hant'), chars, minDurationMs),
		},
		toHans: {
			config: configName('hant', 'hans', traditional),
			buildMs: timeBuild('hant', 'hans', traditional, builds),
			charsPerSecond: timeConversion(() => converter.convert(hant, 'hant', 'hans'), chars, minDurationMs),
		},
	};
}
