/** `npm run import` as editors run it: files, reports, exit codes (`npm run new`: tests/unit/editor). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync as makeTempDir, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { IssueSchema } from '../../../src/schemas/issue.ts';
import { writeFileAtomic } from '../../../src/lib/import/write.ts';
import { FIXTURES, seedPath, splitMdx } from './support.ts';

const scratchDirs: string[] = [];
function mkdtempSync(prefix: string): string {
	const dir = makeTempDir(prefix);
	scratchDirs.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function run(script: 'import', args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COMPENDIUM_LANG: 'en', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch content directory laid out like content/, with the test taxonomy. */
function scratchContent(): { root: string; cases: string; issues: string } {
	const root = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
	copyFileSync(path.join(PROJECT_ROOT, 'content/site.yaml'), path.join(root, 'site.yaml'));
	copyFileSync(path.join(FIXTURES, 'methods.yaml'), path.join(root, 'methods.yaml'));
	return { root, cases: path.join(root, 'cases'), issues: path.join(root, 'issues') };
}

const methodsFlag = ['--methods', path.join(FIXTURES, 'methods.yaml')];

describe('npm run import', () => {
	it('rejects an unwritable --out at once, in Chinese by default, leaving nothing behind', () => {
		const started = Date.now();
		const { status, stderr } = run('import', ['--out', '/proc/nope', ...methodsFlag, seedPath('002')], { COMPENDIUM_LANG: 'zh' });
		expect(status).toBe(2);
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(stderr).toContain('错误：--out /proc/nope：无法在此写入草稿（这里不能新建文件夹）');
		expect(existsSync('/proc/nope')).toBe(false);
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-file-')), 'plain.txt');
		writeFileSync(file, 'x');
		const onFile = run('import', ['--out', path.join(file, 'cases'), seedPath('002')]);
		expect(onFile.status).toBe(2);
		expect(onFile.stderr).toMatch(/is not a folder/);
	});

	it('reports in Chinese by default, locating warnings by line and opening words, and says how to rename', () => {
		const dir = scratchContent();
		const { status, stdout } = run('import', ['--dry-run', '--out', dir.cases, ...methodsFlag, seedPath('000')], { COMPENDIUM_LANG: 'zh' });
		expect(status).toBe(0);
		expect(stdout).toContain('一期，2 个案例');
		expect(stdout).toContain('第 15 行（“一是書記公開講、專題述。……”开头）：还原了自动转换留下的台湾用语：專案 → 項目 (×3)');
		expect(stdout).toMatch(/将写入 .*changshan-cunqingbaogaohui\.mdx/);
		expect(stdout).toMatch(/文件名就是网址。要改名：重命名文件（如 git mv \S+changshan-cunqingbaogaohui\.mdx \S+new-name\.mdx）/);
	});

	it('--dry-run prints the report and writes nothing', () => {
		const dir = scratchContent();
		const { status, stdout } = run('import', ['--dry-run', '--out', dir.cases, ...methodsFlag, '--date', '2021-06-01', seedPath('000')]);
		expect(status).toBe(0);
		expect(stdout).toContain('000_e750635a369087da.txt — text, UTF-8, 繁體 (hant) — issue of 2 cases');
		expect(stdout).toMatch(/case 1 {2}創新探索“村情報告會”制度 \/ 精準解決群眾“急難愁盼” \(line 5 \(“縣委組織部”\)\)/);
		expect(stdout).toContain('unit 縣委組織部 · region 330822 浙江省衢州市常山县 · 9 metrics');
		expect(stdout).toContain('line 15 (“一是書記公開講、專題述。……”): reverted Taiwan phrasing left by automatic conversion: 專案 → 項目 (×3)');
		expect(stdout).toMatch(/would write .*changshan-cunqingbaogaohui\.mdx/);
		expect(existsSync(dir.cases)).toBe(false);
		expect(existsSync(dir.issues)).toBe(false);
	});

	it('writes drafts that pass the schemas and `npm run check`, atomically, and never overwrites without --force', () => {
		const dir = scratchContent();
		const files = ['000', '001', '002', '003', '004'].map(seedPath);
		const first = run('import', ['--out', dir.cases, ...methodsFlag, ...files]);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		const cases = readdirSync(dir.cases);
		const issues = readdirSync(dir.issues);
		expect(cases).toHaveLength(8);
		expect(issues).toHaveLength(2);
		expect([...cases, ...issues].every((f) => /^[a-z0-9-]+\.mdx$/.test(f))).toBe(true);
		for (const file of cases) expect(CaseSchema.safeParse(splitMdx(readFileSync(path.join(dir.cases, file), 'utf8')).data).success).toBe(true);
		for (const file of issues) expect(IssueSchema.safeParse(splitMdx(readFileSync(path.join(dir.issues, file), 'utf8')).data).success).toBe(true);

		const check = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts'), '--lang', 'en'], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: { ...process.env, COMPENDIUM_CONTENT: dir.root, NO_COLOR: '1' },
		});
		expect(check.stdout).toMatch(/8 cases, 2 issues, \d+ methods: 0 error\(s\)/);
		expect(check.status).toBe(0);

		const target = path.join(dir.cases, cases[0] as string);
		const before = statSync(target).mtimeMs;
		const again = run('import', ['--out', dir.cases, ...methodsFlag, seedPath('003')]);
		expect(again.status).toBe(1);
		expect(again.stderr).toMatch(
			/^error: .*003_50b1288173d84b78\.txt: expected drafts that do not exist yet; found .*changning-[a-z0-9-]+\.mdx already exists \(pass --force to overwrite, or --out DIR to write elsewhere\)\n$/,
		);
		expect(statSync(target).mtimeMs).toBe(before);
		expect(run('import', ['--force', '--out', dir.cases, ...methodsFlag, seedPath('003')]).status).toBe(0);
		expect(readdirSync(dir.cases).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	}, 120_000);

	it('refuses bad files with one line each, still importing the good ones', () => {
		const dir = scratchContent();
		const bad = mkdtempSync(path.join(tmpdir(), 'import-bad-'));
		writeFileSync(path.join(bad, 'empty.txt'), '');
		writeFileSync(path.join(bad, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00]));
		writeFileSync(path.join(bad, 'english.txt'), 'Just an English memo about the budget.\n');
		writeFileSync(path.join(bad, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
		const cut = Buffer.from(readFileSync(seedPath('003')));
		writeFileSync(path.join(bad, 'cut.txt'), cut.subarray(0, cut.length - 1 - (cut.length % 3)).subarray(0, 1001));
		const { status, stdout, stderr } = run('import', [
			'--out',
			dir.cases,
			...methodsFlag,
			...['empty.txt', 'binary.txt', 'english.txt', 'huge.txt', 'missing.txt'].map((f) => path.join(bad, f)),
			seedPath('002'),
		]);
		expect(status).toBe(1);
		const lines = stderr.trim().split('\n');
		expect(lines).toHaveLength(5);
		expect(lines[0]).toMatch(/^error: .*empty\.txt: expected a document with text; found an empty file \(0 bytes\)$/);
		expect(lines[1]).toMatch(/^error: .*binary\.txt: expected text in UTF-8, GB18030\/GBK or Big5; found binary data \(a zero byte at offset 0\)$/);
		expect(lines[2]).toMatch(/^error: .*english\.txt: expected a document in Chinese; found no Chinese characters/);
		expect(lines[3]).toMatch(/^error: .*huge\.txt: expected a document of at most 10 MB; found 10\.0 MB/);
		expect(lines[4]).toMatch(/^error: .*missing\.txt: expected a readable file; found nothing at this path \(ENOENT\)$/);
		expect(stdout).toContain('績溪縣上莊鎮黨委');
		expect(readdirSync(dir.cases)).toHaveLength(1);
	});

	it('says so, and writes nothing, for a document that only lists units', () => {
		const dir = scratchContent();
		const list = path.join(mkdtempSync(path.join(tmpdir(), 'import-list-')), 'list.txt');
		writeFileSync(list, '2024年度典型案例名单\n\n盐湖区\n\n夏县\n\n芮城县\n');
		const { status, stdout } = run('import', ['--out', dir.cases, ...methodsFlag, list]);
		expect(stdout).toContain('the document only lists units (盐湖区、夏县、芮城县) with no case text under them; nothing to import');
		expect(status).toBe(1);
		expect(existsSync(dir.cases)).toBe(false);
	});

	it('rejects bad flags before reading anything', () => {
		expect(run('import', ['--region', '火星', seedPath('000')])).toMatchObject({
			status: 2,
			stderr: expect.stringMatching(/--region: expected a division code or name/),
		});
		expect(run('import', ['--date', 'tomorrow', seedPath('000')]).stderr).toMatch(/--date: expected a date as YYYY-MM-DD, found "tomorrow"/);
		expect(run('import', []).status).toBe(2);
		expect(run('import', ['--help']).stdout).toContain('Usage: npm run import -- <file...> [options]');
	});
});

describe('atomic writes', () => {
	it('leaves the old file or the new one, never a temporary file', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
		const file = path.join(dir, 'a.mdx');
		writeFileAtomic(file, 'one');
		writeFileAtomic(file, 'two');
		expect(readFileSync(file, 'utf8')).toBe('two');
		mkdirSync(path.join(dir, 'b.mdx'));
		expect(() => writeFileAtomic(path.join(dir, 'b.mdx'), 'x')).toThrow();
		expect(readdirSync(dir).sort()).toEqual(['a.mdx', 'b.mdx']);
	});
});
