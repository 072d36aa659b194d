/**
 * `npm run import:eval -- <corpus folder>`: imports every document of a corpus with a
 * truth.json (the format of ../shared/corpus) into a temporary folder, the way
 * `npm run import` does, and prints per document and in total the six figures: case count,
 * titles, units/regions, figures kept as metrics, chrome lines left, non-case documents
 * refused or flagged. A benchmark: it exits 0 whatever the scores.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { parse } from 'yaml';
import { parseCommand, runCommand, UserError } from '../src/lib/cli/command.ts';
import { contentPaths } from '../src/lib/content/paths.ts';
import { scoreDocument, totalScore, type DocumentScore, type Score, type TruthDocument, type WrittenCase } from '../src/lib/import/evaluate.ts';
import { importFile } from '../src/lib/import/run.ts';
import { loadTaxonomy } from '../src/lib/import/taxonomy.ts';
import { ImportInputError } from '../src/lib/import/types.ts';

await runCommand(async () => {
	const { values, positionals } = parseCommand({
		command: 'npm run import:eval',
		summary: {
			zh: '用带 truth.json 的语料评测导入工具：逐篇和合计打印六项指标（基准测试，不影响退出码）。',
			en: 'Scores the importer on a corpus with a truth.json: six figures per document and in total (a benchmark; always exits 0).',
		},
		positionals: { zh: '<语料文件夹>', en: '<corpus folder>' },
		options: {
			verbose: { type: 'boolean', short: 'v', help: { zh: '列出漏掉的数字和残留的杂项行', en: 'list missed figures and chrome left' } },
			force: {
				type: 'boolean',
				help: { zh: '以 --force 导入（非案例文档标记后导入）', en: 'import with --force (non-case documents imported, flagged)' },
			},
		},
	});
	const corpus = positionals[0];
	if (!corpus || positionals.length > 1) throw new UserError('npm run import:eval -- <corpus folder>', 2);
	let truth: TruthDocument[];
	try {
		truth = JSON.parse(readFileSync(path.join(corpus, 'truth.json'), 'utf8')) as TruthDocument[];
	} catch (error) {
		throw new UserError(`${path.join(corpus, 'truth.json')}: ${(error as Error).message}`, 2);
	}
	const out = mkdtempSync(path.join(tmpdir(), 'import-eval-'));
	const taxonomy = loadTaxonomy(contentPaths.methods());
	const scores: DocumentScore[] = [];
	try {
		for (const [index, doc] of truth.entries()) {
			const dir = path.join(out, String(index));
			let refused: string | undefined;
			let cases: WrittenCase[] = [];
			try {
				const outcome = await importFile(path.join(corpus, doc.file), {
					casesDir: path.join(dir, 'cases'),
					issuesDir: path.join(dir, 'issues'),
					issuesOnDisk: new Map(),
					dryRun: false,
					force: true,
					verbose: false,
					importOptions: { methods: taxonomy.methods, ...(values.force ? { force: true } : {}), takenSlugs: new Set() },
					shown: (file) => file,
					style: (_format, text) => text,
				});
				cases = outcome.plan.files.filter((f) => f.kind === 'case').map((f) => readDraft(f.path));
			} catch (error) {
				if (!(error instanceof ImportInputError) && !(error instanceof Error && error.name === 'NotACaseError')) throw error;
				refused = (error as Error).message;
			}
			scores.push(scoreDocument(doc, { ...(refused !== undefined ? { refused } : {}), cases }));
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	printTable(scores, values.verbose ?? false);
});

function readDraft(file: string): WrittenCase {
	const text = readFileSync(file, 'utf8');
	const end = text.indexOf('\n---\n', 4);
	return { data: parse(text.slice(4, end)) as WrittenCase['data'], body: text.slice(end + 5) };
}

function cell(s: Score): string {
	return s.total === 0 ? '—' : `${s.right}/${s.total}`;
}

function percent(s: Score): string {
	return s.total === 0 ? '—' : `${Math.round((100 * s.right) / s.total)}%`;
}

function printTable(scores: DocumentScore[], verbose: boolean): void {
	const header = ['document', 'cases', 'titles', 'units', 'figures', 'chrome left', 'non-case'];
	const rows = scores.map((s) => [
		path.basename(s.file).slice(0, 40),
		cell(s.caseCount),
		cell(s.titles),
		cell(s.units),
		cell(s.metrics),
		s.chrome.total === 0 ? '—' : `${s.chrome.total - s.chrome.right}/${s.chrome.total}`,
		cell(s.nonCase),
	]);
	const total = totalScore(scores);
	rows.push([
		'TOTAL',
		`${cell(total.caseCount)} ${percent(total.caseCount)}`,
		`${cell(total.titles)} ${percent(total.titles)}`,
		`${cell(total.units)} ${percent(total.units)}`,
		`${cell(total.metrics)} ${percent(total.metrics)}`,
		`${total.chrome.total - total.chrome.right}/${total.chrome.total}`,
		`${cell(total.nonCase)}`,
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
	const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
	console.log(line(header));
	for (const [i, r] of rows.entries()) console.log(i === rows.length - 1 ? styleText('bold', line(r)) : line(r));
	if (verbose) {
		for (const s of scores) {
			if (s.chromeLeft.length) console.log(`${s.file}: chrome left: ${s.chromeLeft.join(' | ')}`);
			if (s.metricsMissed.length) console.log(`${s.file}: figures missed: ${s.metricsMissed.join(' | ')}`);
		}
	}
}
