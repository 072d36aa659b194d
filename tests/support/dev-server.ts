/**
 * `npm run dev` (scripts/dev.ts) for the e2e tests, on a copy of the sample content so a
 * test can break it, on a port of its own, with its output kept for the assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { testBuildEnv } from './build.ts';

/** A running dev server and the content folder it serves. */
export interface DevServer {
	origin: string;
	/** The copy of content/ the server reads. */
	content: string;
	/** Everything the server printed so far. */
	output: () => string;
	stop: () => void;
}

/**
 * Copies the sample content (then lets `prepare` change the copy), starts the dev server on
 * it and resolves once the home page renders, or with `anyAnswer` once it answers at all (a
 * content error answers with Astro's error overlay). Asks the origin the server printed, not
 * the one asked for: Vite moves to the next port when `port` is taken. Throws with the
 * server's output and the last failed request if it exits first or does not answer within two
 * minutes.
 */
export async function startDevServer(port: number, options: { prepare?: (content: string) => void; anyAnswer?: boolean } = {}): Promise<DevServer> {
	const work = mkdtempSync(path.join(PROJECT_ROOT, '.tmp', 'dev-'));
	const content = path.join(work, 'content');
	cpSync(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
	options.prepare?.(content);
	const server: ChildProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts/dev.ts'), '--port', String(port)], {
		cwd: PROJECT_ROOT,
		env: testBuildEnv({ COMPENDIUM_CONTENT: content, COMPENDIUM_CACHE_DIR: path.join(work, 'cache') }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const stop = () => {
		server.kill();
		rmSync(work, { recursive: true, force: true });
	};
	const deadline = Date.now() + 120_000;
	let lastAnswer = 'no request yet: the server has not printed its address';
	for (;;) {
		if (server.exitCode !== null) {
			stop();
			throw new Error(`astro dev exited:\n${output}`);
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error(`astro dev did not answer within 120 s (last request: ${lastAnswer}):\n${output}`);
		}
		const origin = printedOrigin(output);
		if (origin !== undefined) {
			const answered = await fetch(`${origin}/zh-hans/`, { signal: AbortSignal.timeout(15_000) }).then(
				(response) => {
					lastAnswer = `${origin} answered ${response.status}`;
					return response.ok || options.anyAnswer === true;
				},
				(error: unknown) => {
					lastAnswer = `${origin} failed: ${String((error as Error).cause ?? error)}`;
					return false;
				},
			);
			if (answered) return { origin, content, output: () => output, stop };
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The address in Astro's `Local    http://localhost:4321/` line, once it is printed. */
function printedOrigin(output: string): string | undefined {
	return /Local\s+(http:\/\/[^\s/]+)/.exec(stripVTControlCharacters(output))?.[1];
}

/** The text of Astro's error overlay on `page`, once it is there (Vite draws it in a shadow root). */
export async function overlayText(page: Page): Promise<string> {
	const overlay = page.locator('vite-error-overlay');
	await overlay.waitFor({ state: 'attached', timeout: 20_000 });
	return overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
}
