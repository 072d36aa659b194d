/**
 * The benchmarks' one corpus generator: a synthetic compendium of any size made from the
 * sample cases' own paragraphs and figures, spread over real counties and grouped into
 * issues (of ten by default; the print benchmark asks for one issue of N cases with a
 * distribution list). Deterministic (seeded), so two runs measure the same corpus.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { allDivisions } from '../regions.ts';
import { parseYaml, splitFrontmatter } from '../content/frontmatter.ts';

/** What corpus to generate, from which sample, where. */
export interface CorpusOptions {
	/** Sample compendium to draw from (content/). */
	from: string;
	to: string;
	cases: number;
	casesPerIssue?: number;
	seed?: number;
	/** Extra frontmatter of every issue (e.g. a distribution list for printing). */
	issueFields?: Record<string, unknown>;
}

/** What was generated: counts, and the issue ids in order. */
export interface GeneratedCorpus {
	cases: number;
	issues: number;
	issueIds: string[];
}

/** Mulberry32: small, fast, good enough to shuffle benchmark text. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Sample {
	data: Record<string, unknown> & { script: string; methods: string[]; metrics: unknown[] };
	paragraphs: string[];
}

function loadSamples(dir: string): Sample[] {
	const casesDir = path.join(dir, 'cases');
	return readdirSync(casesDir)
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((file) => {
			const split = splitFrontmatter(readFileSync(path.join(casesDir, file), 'utf8'));
			const data = parseYaml(split.yaml).data as Sample['data'];
			const paragraphs = split.body
				.split(/\n{2,}/)
				.map((p) => p.trim())
				.filter((p) => p.length > 0);
			return { data, paragraphs };
		});
}

/** Writes the corpus into `options.to` (cases/, issues/ and the sample's site, methods and glossary files). */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
	const next = random(options.seed ?? 20261121);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const samples = loadSamples(options.from);
	const counties = allDivisions.filter((d) => d.level === 'county');
	const casesDir = path.join(options.to, 'cases');
	const issuesDir = path.join(options.to, 'issues');
	mkdirSync(casesDir, { recursive: true });
	mkdirSync(issuesDir, { recursive: true });
	for (const file of ['site.yaml', 'methods.yaml', 'glossary.yaml']) {
		if (existsSync(path.join(options.from, file))) copyFileSync(path.join(options.from, file), path.join(options.to, file));
	}
	const ids: string[] = [];
	for (let i = 0; i < options.cases; i++) {
		const sample = samples[i % samples.length] as Sample;
		const county = pick(counties);
		const id = `case-${String(i + 1).padStart(5, '0')}`;
		const sameScript = samples.filter((s) => s.data.script === sample.data.script);
		const paragraphs = Array.from({ length: 6 + Math.floor(next() * 6) }, () => pick(pick(sameScript).paragraphs));
		const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(next() * 2500) * 86400000);
		const data = {
			...sample.data,
			title: `${String(sample.data.title)}（${i + 1}）`,
			region: { code: county.code },
			date: day.toISOString().slice(0, 10),
			status: 'published',
		};
		delete (data as Record<string, unknown>).review;
		writeFileSync(path.join(casesDir, `${id}.mdx`), `---\n${stringify(data)}---\n\n${paragraphs.join('\n\n')}\n`);
		ids.push(id);
	}
	const perIssue = options.casesPerIssue ?? 10;
	let issues = 0;
	const issueIds: string[] = [];
	for (let start = 0; start < ids.length; start += perIssue) {
		issues++;
		const issue = {
			series: '典型经验做法摘编',
			number: issues,
			date: new Date(Date.UTC(2020, 0, 1) + issues * 86400000 * 7).toISOString().slice(0, 10),
			organization: '案例汇编编辑部',
			script: 'hans',
			cases: ids.slice(start, start + perIssue),
			...options.issueFields,
		};
		issueIds.push(`issue-${issues}`);
		writeFileSync(
			path.join(issuesDir, `issue-${issues}.mdx`),
			`---\n${stringify(issue)}---\n\n本期编发${issue.cases.length}个案例，供各地学习借鉴。\n`,
		);
	}
	return { cases: ids.length, issues, issueIds };
}
