/**
 * `npm test`: the static gates (types with `astro check`, ESLint, Prettier), every vitest
 * project, then one plain closing line "N passed, N failed" that CI reads. Each static gate
 * counts as one test. The whole run goes side by side on the machine's cores:
 *  - the site files in two vitest processes (the builds, and the browser and light build
 *    files), each one file at a time, sharing one sample build (tests/support/global-setup.ts):
 *    a build or a browser keeps about one core busy, so two chains keep two;
 *  - the unit project beside them (its tests have time limits, so it keeps the usual priority),
 *    and the gates at a lower priority (nice 10), filling the cores the site chains leave idle
 *    instead of running before or after them.
 * The site-builds chain prints as it goes; the others' outputs are printed whole at the end.
 * .tmp/vitest-report.json is every vitest process's JSON report merged.
 *
 *   npm test -- --project unit     only the pure-code tests (no static gates, one vitest process)
 *   npm test -- <vitest args>      one vitest process with those arguments, after the gates
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';

const bin = (name: string, file: string) => path.join(PROJECT_ROOT, 'node_modules', name, file);
const args = process.argv.slice(2);
const reportDir = path.join(PROJECT_ROOT, '.tmp');
const report = path.join(reportDir, 'vitest-report.json');

/**
 * Site files that start no build or dev server of their own and write nothing into global setup's
 * site (they read it or drive a browser over it): the second site chain. Every other site file (new
 * ones too) is in the first, with the files that compare that site byte for byte; print.test.ts
 * stays there because it prints the PDFs afresh into the site.
 */
const BROWSER_CHAIN = [
	'tests/e2e/quality.test.ts',
	'tests/e2e/reader.test.ts',
	'tests/e2e/scripts.test.ts',
	'tests/e2e/search.test.ts',
	'tests/build/core.test.ts',
	'tests/build/drafts-page.test.ts',
	'tests/build/print-layout.test.ts',
	'tests/build/publish.test.ts',
	'tests/build/reader.test.ts',
	'tests/build/scripts.test.ts',
	'tests/build/search.test.ts',
];

const gates: Array<[string, string[]]> = [
	['typecheck (astro check)', [bin('astro', 'bin/astro.mjs'), 'check']],
	['lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.']],
	['format (prettier --check)', [bin('prettier', 'bin/prettier.cjs'), '--check', 'src', 'scripts', 'tests', 'astro.config.mjs', 'eslint.config.js']],
];

type Finished = { status: number; output: string; seconds: number };

/**
 * Runs `command` with Node; its output (stdout and stderr in the order they came) is kept for
 * printing later, or passed straight through with `live`. `nice` lowers its priority (and its
 * children's: vitest's workers, the gates' own processes).
 */
function runNode(command: string[], options: { live?: boolean; nice?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
	const started = performance.now();
	return new Promise((resolve) => {
		let output = '';
		const done = (status: number) => resolve({ status, output, seconds: (performance.now() - started) / 1000 });
		const child = spawn(process.execPath, command, {
			cwd: PROJECT_ROOT,
			stdio: options.live ? 'inherit' : 'pipe',
			env: { ...process.env, ...(options.live ? {} : { FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }), ...options.env },
		});
		if (options.nice && child.pid) {
			try {
				setPriority(child.pid, 10);
			} catch {
				// Without permission to lower it, the process simply runs at the usual priority.
			}
		}
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', (error) => {
			output += `${error.message}\n`;
			done(1);
		});
		child.on('close', (code) => done(code ?? 1));
	});
}

/** One vitest process writing its JSON report to `file`. */
const vitest = (file: string, vitestArgs: string[], options: { live?: boolean; nice?: boolean; env?: NodeJS.ProcessEnv } = {}) =>
	runNode(
		[
			bin('vitest', 'vitest.mjs'),
			'run',
			'--config',
			'tests/vitest.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${file}`,
			...vitestArgs,
		],
		options,
	);

type Report = {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numTotalTests: number;
	startTime: number;
	success: boolean;
	testResults: unknown[];
};

/** The reports of the run's vitest processes as one (counts added, files listed together); undefined if none was written. */
function mergeReports(files: string[]): Report | undefined {
	const reports = files.filter((file) => existsSync(file)).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
	if (reports.length === 0) return undefined;
	const sum = (key: keyof Report) => reports.reduce((total, r) => total + (r[key] as number), 0);
	return {
		...reports[0]!,
		numPassedTests: sum('numPassedTests'),
		numFailedTests: sum('numFailedTests'),
		numPendingTests: sum('numPendingTests'),
		numTodoTests: sum('numTodoTests'),
		numTotalTests: sum('numTotalTests'),
		startTime: Math.min(...reports.map((r) => r.startTime)),
		success: reports.length === files.length && reports.every((r) => r.success),
		testResults: reports.flatMap((r) => r.testResults),
	};
}

let passed = 0;
let failed = 0;
mkdirSync(reportDir, { recursive: true });
rmSync(report, { force: true });

const printFinished = (name: string, { status, output, seconds }: Finished) => {
	console.log(`\n== ${name} (${seconds.toFixed(1)} s)`);
	process.stdout.write(output);
	return status;
};

const runGates = () => gates.map(([name, command]) => ({ name, result: runNode(command, { nice: true }) }));

/** Counts the gates (one test each), printing each one's output whole, in the usual order. */
async function countGates(running: ReturnType<typeof runGates>): Promise<void> {
	for (const { name, result } of running) {
		if (printFinished(name, await result) === 0) passed++;
		else {
			failed++;
			console.log(`FAILED: ${name}`);
		}
	}
}

let statuses: number[];
let reportFiles: string[];
if (args.length > 0) {
	// A chosen part of the suite: one vitest process, after the gates unless a project is named.
	if (!args.includes('--project')) await countGates(runGates());
	reportFiles = [report];
	statuses = [(await vitest(report, args, { live: true })).status];
} else {
	// The whole suite, side by side. The site processes share one sample build and one run folder.
	const runId = String(process.pid);
	const env = { TEST_RUN_ID: runId };
	const runDir = path.join(reportDir, `test-run-${runId}`);
	reportFiles = ['unit', 'site-builds', 'site-browser'].map((name) => path.join(reportDir, `vitest-report.${name}.json`));
	for (const file of reportFiles) rmSync(file, { force: true });
	const gatesRunning = runGates();
	const unit = vitest(reportFiles[0]!, ['--project', 'unit']);
	const browserChain = vitest(reportFiles[2]!, ['--project', 'site', ...BROWSER_CHAIN], { env });
	const builds = await vitest(reportFiles[1]!, ['--project', 'site', ...BROWSER_CHAIN.flatMap((file) => ['--exclude', file])], {
		live: true,
		env,
	});
	await countGates(gatesRunning);
	const others: Array<[string, Promise<Finished>]> = [
		['vitest: unit', unit],
		['vitest: site (browser and light build files)', browserChain],
	];
	statuses = [builds.status];
	for (const [name, running] of others) statuses.push(printFinished(name, await running));
	rmSync(runDir, { recursive: true, force: true });
}

const merged = mergeReports(reportFiles);
if (merged) {
	if (reportFiles[0] !== report) writeFileSync(report, JSON.stringify(merged));
	passed += merged.numPassedTests;
	failed += merged.numFailedTests;
}
const skipped = merged ? merged.numPendingTests + merged.numTodoTests : 0;
// A run that failed before any test could (a setup error) still counts as a failure.
if (statuses.some((status) => status !== 0) && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : (statuses.find((status) => status !== 0) ?? 0));
