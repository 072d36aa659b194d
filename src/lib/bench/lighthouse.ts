/**
 * Lighthouse (mobile, its default simulated throttling) with the system Chromium, run as
 * its CLI in a child process so its own Chrome launcher and flags stay its business.
 * A benchmark figure, not a gate: scores move with the machine.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The categories Lighthouse is asked to run (`--only-categories`) and that get a score. */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** A run's outcome, reduced to what the bench report prints. */
export interface LighthouseResult {
	/** 0–100 per category. */
	scores: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number>;
	/** FCP, LCP, TBT, CLS as Lighthouse displays them. */
	metrics: string[];
	/** Weighted audits that did not pass, so a score under 100 says why. */
	failing: string[];
}

interface LighthouseJson {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
}

/** Audits `url` with the Lighthouse installed under `projectRoot`, driving the Chromium at `chromePath`. */
export async function runLighthouse(url: string, options: { projectRoot: string; chromePath: string }): Promise<LighthouseResult> {
	const cli = path.join(options.projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[
			cli,
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			`--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
		],
		{ env: { ...process.env, CHROME_PATH: options.chromePath }, maxBuffer: 64 * 1024 * 1024 },
	);
	const report = JSON.parse(stdout) as LighthouseJson;
	const scores = Object.fromEntries(
		LIGHTHOUSE_CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)]),
	) as LighthouseResult['scores'];
	const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(
		(id) => `${id.replace(/-/g, ' ')} ${report.audits[id]?.displayValue ?? '?'}`,
	);
	const failing = LIGHTHOUSE_CATEGORIES.flatMap((category) =>
		(report.categories[category]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => ({ ref, audit: report.audits[ref.id] }))
			.filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
			.map(({ ref, audit }) => `${category}: ${ref.id} ${audit?.score} ${audit?.displayValue ?? ''}`.trim()),
	);
	return { scores, metrics, failing };
}
