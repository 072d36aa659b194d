/** Running the editor commands as an editor would, on a scratch copy of the content. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of content/ in a temporary folder (removed after the file's tests). */
export function scratchContent(): { root: string; cases: string; issues: string } {
	const root = mkdtempSync(path.join(tmpdir(), 'editor-content-'));
	scratch.push(root);
	cpSync(path.join(PROJECT_ROOT, 'content'), root, { recursive: true });
	return { root, cases: path.join(root, 'cases'), issues: path.join(root, 'issues') };
}

/** Runs `scripts/<script>.ts` without a terminal against `content`; stdin may be given. */
export function runScript(script: string, args: string[], content: string, options: { input?: string; env?: Record<string, string> } = {}) {
	const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		input: options.input ?? '',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', LANG: 'C.UTF-8', COMPENDIUM_LANG: '', COMPENDIUM_CONTENT: content, ...options.env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The frontmatter of an .mdx text as data, and its body. */
export function splitMdx(text: string): { data: Record<string, unknown>; body: string } {
	const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
	if (!match) throw new Error('no frontmatter');
	return { data: parse(match[1] as string) as Record<string, unknown>, body: match[2] as string };
}
