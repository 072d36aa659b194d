/**
 * The build's commands at the command line: `--help` prints the usage and does nothing else
 * (`npm start -- --help` builds nothing, `npm run dev -- --help` starts no server), an unknown flag prints the usage and exits 2, and
 * neither shows a stack trace.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';

const run = (script: string, ...args: string[]) =>
	spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		env: { ...process.env, LANG: 'C.UTF-8', DEBUG: '', COMPENDIUM_OUT_DIR: '/nonexistent-must-not-be-used' },
		timeout: 60_000,
	});

describe.each([
	['build.ts', 'npm run build'],
	['pdf.ts', 'npm run pdf'],
	['bench.ts', 'npm run bench'],
	['start.ts', 'npm start'],
	['dev.ts', 'npm run dev'],
])('%s', (script, command) => {
	it('answers --help in Chinese and runs nothing', () => {
		const result = run(script, '--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`用法：${command}`);
		expect(result.stdout).toContain('--help');
		expect(result.stdout).not.toMatch(/\[build\]|已构建 |性能测量 /);
	});

	it('rejects an unknown flag with the usage and exit 2, without a stack trace', () => {
		const result = run(script, '--bogus');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('未知选项 --bogus');
		expect(result.stderr).toContain(`用法：${command}`);
		expect(result.stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
	});

	it('answers in English on request', () => {
		expect(run(script, '--lang', 'en', '--help').stdout).toContain(`Usage: ${command}`);
	});
});

describe('npm run bench', () => {
	it('names the sections when --only names none of them', () => {
		const result = run('bench.ts', '--only', 'nope');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('没有名为“nope”的部分');
		expect(result.stderr).toMatch(/build, convert, search/);
	});
});

describe('npm run build', () => {
	it('refuses to publish into the project or its sources', () => {
		for (const out of ['.', 'content', 'src/pages']) {
			const result = run('build.ts', '--out', out);
			expect(result.status).toBe(2);
			expect(result.stderr).toContain('不能是项目目录本身');
		}
	});
});
