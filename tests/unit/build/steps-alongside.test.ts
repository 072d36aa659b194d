/**
 * Steps run beside the page build (src/lib/build/steps-alongside.ts): a step runs in a
 * worker thread on the validated content, writes into the output folder, and its outcome,
 * reuse counts and failure come back; a build that fails stops it. The search step is the
 * one listed to run so, under the module and name the worker loads.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStepAlongside } from '../../../src/lib/build/steps-alongside.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import type { ValidationResult } from '../../../src/lib/content/validate.ts';
import { postBuildSteps } from '../../../src/integration.ts';

const FIXTURE = 'tests/fixtures/steps/alongside-steps.ts';

let outDir: string;
beforeEach(() => void (outDir = mkdtempSync(path.join(tmpdir(), 'steps-alongside-'))));
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

/** Validated content as the build has it: entries with a `lineOf` function, which a worker cannot be sent. */
function content(): ValidationResult {
	const entry = (id: string, date: string) => ({
		id,
		file: `content/cases/${id}.mdx`,
		data: { date: new Date(date) },
		body: '正文',
		bodyStartLine: 5,
		lineOf: () => 2,
	});
	return {
		problems: [],
		cases: new Map([
			['a', entry('a', '2024-05-01')],
			['b', entry('b', '2025-01-31')],
		]),
		issues: new Map(),
		methods: new Map(),
		glossary: [],
		bodyFiles: [],
	} as unknown as ValidationResult;
}

describe('a step beside the build', () => {
	it('runs on the content in a worker thread, without threads of its own, and reports its outcome and reuse', async () => {
		const running = startStepAlongside({ module: FIXTURE, export: 'writingStep' }, outDir, content(), '/cache');
		const report = await running.report;
		expect(report.outcome).toBe('2 个案例');
		expect(report.reused).toEqual({ what: 'records', counts: { reused: 1, rebuilt: 2 } });
		expect(report.seconds).toBeGreaterThan(0);
		expect(readFileSync(path.join(outDir, 'cases.txt'), 'utf8')).toBe('a,b 2024-05-01,2025-01-31 /cache own threads: false');
	});

	it('fails with the step’s own message', async () => {
		const running = startStepAlongside({ module: FIXTURE, export: 'failingStep' }, outDir, content(), undefined);
		await expect(running.report).rejects.toThrow(/^搜索索引：磁盘已满$/);
	});

	it('is stopped when the build fails', async () => {
		const running = startStepAlongside({ module: FIXTURE, export: 'endlessStep' }, outDir, content(), undefined);
		await running.stop();
		await expect(running.report).rejects.toThrow(/退出码|exit code/);
	});

	it('is the search index step, found by the worker under its module and name', async () => {
		const listed = postBuildSteps().filter((listed) => listed.alongside);
		expect(listed.map(({ step }) => step.name)).toEqual(['search index']);
		for (const { step, alongside } of listed) {
			expect(existsSync(path.join(PROJECT_ROOT, alongside!.module))).toBe(true);
			const module = (await import(path.join(PROJECT_ROOT, alongside!.module))) as Record<string, () => { name: string }>;
			expect(module[alongside!.export]!().name).toBe(step.name);
		}
	});
});
