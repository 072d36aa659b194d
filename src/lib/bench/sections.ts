/**
 * The benchmark's sections, one per capability. Each returns printable lines; the
 * figures (not pass/fail) go into closing notes and PRs.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Measurement } from './measure.ts';

export interface BenchContext {
	corpusDir: string;
	workDir: string;
	caseCount: number;
	projectRoot: string;
	measure: (command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string }) => Promise<Measurement>;
}

export interface BenchSection {
	name: string;
	description: string;
	run(context: BenchContext): Promise<string[]>;
}

function countPages(dir: string): number {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

async function buildCorpus(context: BenchContext, outName: string, extraEnv: NodeJS.ProcessEnv = {}) {
	const out = path.join(context.workDir, outName);
	const result = await context.measure(process.execPath, [path.join(context.projectRoot, 'scripts/build.ts'), '--out', out], {
		cwd: context.projectRoot,
		env: {
			...process.env,
			COMPENDIUM_CONTENT: context.corpusDir,
			COMPENDIUM_CACHE_DIR: path.join(context.workDir, `${outName}-cache`),
			COMPENDIUM_SKIP_PDF: '1',
			CI: '1',
			...extraEnv,
		},
	});
	if (result.exitCode !== 0) throw new Error(`benchmark build failed:\n${result.output.slice(-3000)}`);
	return { out, result };
}

const build: BenchSection = {
	name: 'build',
	description: 'npm run build on the generated corpus (both scripts, search index; PDFs skipped)',
	async run(context) {
		const both = await buildCorpus(context, 'dist-both');
		const pages = countPages(both.out);
		const steps = both.result.output.split('\n').filter((l) => /^\S[^:]*: .*\(\d+(\.\d+)? s\)$/.test(l));
		const one = await buildCorpus(context, 'dist-one', { COMPENDIUM_SCRIPTS: 'hans' });
		const onePages = countPages(one.out);
		return [
			`both scripts: ${both.result.seconds.toFixed(1)} s wall, ${pages} pages, ${(pages / both.result.seconds).toFixed(0)} pages/s, peak ${both.result.peakMiB.toFixed(0)} MiB`,
			...steps.map((s) => `  step ${s}`),
			`one script:   ${one.result.seconds.toFixed(1)} s wall, ${onePages} pages, peak ${one.result.peakMiB.toFixed(0)} MiB`,
			`second script costs ×${(both.result.seconds / one.result.seconds).toFixed(2)} of one script (goal ≤ 1.3)`,
		];
	},
};

function gzipSize(file: string): number {
	return gzipSync(readFileSync(file)).length;
}

/** Bytes a reader downloads per page type: HTML, CSS and JS, gzip, and request count. */
const weight: BenchSection = {
	name: 'weight',
	description: 'bytes a reader downloads per page type (gzip), from the sample site in dist/',
	async run(context) {
		const dist = path.join(context.projectRoot, 'dist');
		if (!existsSync(dist)) return ['dist/ not built: run npm run build first'];
		const pages: Record<string, string> = {
			home: 'zh-hans/index.html',
			case: firstMatch(dist, 'zh-hans/cases'),
			issue: firstMatch(dist, 'zh-hans/issues'),
			region: 'zh-hans/regions/index.html',
			metrics: 'zh-hans/metrics/index.html',
			search: 'zh-hans/search/index.html',
		};
		const lines: string[] = [];
		for (const [kind, rel] of Object.entries(pages)) {
			const file = path.join(dist, rel);
			if (!existsSync(file)) continue;
			const html = readFileSync(file, 'utf8');
			const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1] as string);
			let css = 0;
			let js = 0;
			for (const asset of assets) {
				const assetFile = path.join(dist, asset.replace(/^\//, ''));
				if (!existsSync(assetFile)) continue;
				if (asset.endsWith('.css')) css += gzipSize(assetFile);
				else js += gzipSize(assetFile);
			}
			const inlineJs = [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1] ?? '').length, 0);
			lines.push(
				`${kind.padEnd(8)} html ${(gzipSize(file) / 1024).toFixed(1)} KB, css ${(css / 1024).toFixed(1)} KB, js ${((js + inlineJs) / 1024).toFixed(1)} KB, requests ${1 + assets.length}`,
			);
		}
		return lines;
	},
};

function firstMatch(dist: string, rel: string): string {
	const dir = path.join(dist, rel);
	if (!existsSync(dir)) return `${rel}/index.html`;
	const entry = readdirSync(dir).find((name) => statSync(path.join(dir, name)).isDirectory());
	return entry ? `${rel}/${entry}/index.html` : `${rel}/index.html`;
}

/** Conversion throughput and converter construction, on the sample cases' own text. */
const convert: BenchSection = {
	name: 'convert',
	description: '简繁 conversion: converter construction (cold) and characters per second, sample text with the site glossary',
	async run(context) {
		const { benchConverter } = await import('../convert/bench.ts');
		const { siteConverter } = await import('../convert/site-converter.ts');
		const casesDir = path.join(context.projectRoot, 'content', 'cases');
		const sample = readdirSync(casesDir)
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => readFileSync(path.join(casesDir, f), 'utf8'))
			.join('\n');
		const converter = siteConverter();
		const result = benchConverter(sample, { traditional: converter.traditional, glossary: converter.glossary });
		const line = (label: string, d: { config: string; buildMs: number; charsPerSecond: number }) =>
			`${label} (${d.config}): built in ${d.buildMs.toFixed(0)} ms, ${(d.charsPerSecond / 1e6).toFixed(2)} M chars/s`;
		return [`sample: ${result.sampleChars} characters`, line('hans → hant', result.toHant), line('hant → hans', result.toHans)];
	},
};

export function benchSections(): BenchSection[] {
	return [build, convert, weight];
}
