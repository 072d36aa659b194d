/**
 * `npm run bench`: prints the figures each capability is measured by. A benchmark, not a
 * test: nothing here passes or fails on time (machines are noisy; medians and ratios).
 *
 *   npm run bench                      all sections, 2,000-case corpus
 *   npm run bench -- --cases 10000     a larger corpus
 *   npm run bench -- --only build,convert
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, contentDir } from '../src/lib/content/paths.ts';
import { generateCorpus } from '../src/lib/bench/corpus.ts';
import { measure } from '../src/lib/bench/measure.ts';
import { benchSections } from '../src/lib/bench/sections.ts';

const { values } = parseArgs({
	options: {
		cases: { type: 'string', default: '2000' },
		only: { type: 'string' },
		keep: { type: 'boolean', default: false },
	},
});
const caseCount = Number(values.cases);
const only = values.only?.split(',');
const workDir = mkdtempSync(path.join(tmpdir(), 'compendium-bench-'));
const corpusDir = path.join(workDir, 'content');

console.log(`Benchmark on ${new Date().toISOString().slice(0, 10)}, node ${process.version}, corpus ${caseCount} cases (${workDir})`);
const generated = generateCorpus({ from: contentDir(), to: corpusDir, cases: caseCount });
console.log(`corpus: ${generated.cases} cases, ${generated.issues} issues\n`);

try {
	for (const section of benchSections()) {
		if (only && !only.includes(section.name)) continue;
		console.log(`== ${section.name}: ${section.description}`);
		const lines = await section.run({ corpusDir, workDir, caseCount, measure, projectRoot: PROJECT_ROOT });
		for (const line of lines) console.log(`  ${line}`);
		console.log('');
	}
} finally {
	if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}
