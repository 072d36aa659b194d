/** `npm run new-issue` without a terminal: options only, as a script or a careful editor runs it. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssueSchema } from '../../../src/schemas/issue.ts';
import { runScript, scratchContent, splitMdx } from './support.ts';

const YUNCHENG = '运城市“五面红旗”示范创建专项行动典型经验做法摘编';

// Each test runs the command several times; on a shared machine one run can take seconds.
describe('npm run new-issue', { timeout: 180_000 }, () => {
	it('writes the next issue of a series with its organisation, the cases in order and the note from a file', () => {
		const dir = scratchContent();
		const note = path.join(dir.root, 'note.txt');
		writeFileSync(note, '本期摘编夏县、芮城县的做法。\n');
		const before = readdirSync(dir.issues);
		const { status, stdout, stderr } = runScript(
			'new-issue',
			['--series', YUNCHENG, '--cases', 'yuncheng-ruicheng,yuncheng-xiaxian', '--date', '2021-09-01', '--note-file', note],
			dir.root,
		);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		expect(stdout).toContain('yuncheng-wumian-hongqi-2.mdx');
		expect(stdout).toContain('http://localhost:4321/zh-hans/issues/yuncheng-wumian-hongqi-2/');
		expect(readdirSync(dir.issues).sort()).toEqual([...before, 'yuncheng-wumian-hongqi-2.mdx'].sort());
		const { data, body } = splitMdx(readFileSync(path.join(dir.issues, 'yuncheng-wumian-hongqi-2.mdx'), 'utf8'));
		expect(IssueSchema.parse(data)).toMatchObject({
			number: 2,
			organization: '中共运城市委组织部',
			script: 'hans',
			cases: ['yuncheng-ruicheng', 'yuncheng-xiaxian'],
		});
		expect(body.trim()).toBe('本期摘编夏县、芮城县的做法。');
	});

	it('refuses an issue number in use, an unknown case, and a new series without its organisation', () => {
		const dir = scratchContent();
		const taken = runScript('new-issue', ['--series', YUNCHENG, '--number', '1', '--cases', 'yuncheng-xiaxian'], dir.root);
		expect(taken.status).toBe(1);
		expect(taken.stderr).toMatch(/第 1 期已有：.*yuncheng-wumian-hongqi-1\.mdx/);
		const typo = runScript('new-issue', ['--series', YUNCHENG, '--cases', 'yuncheng-xiaxain'], dir.root);
		expect(typo.stderr).toContain('没有案例“yuncheng-xiaxain”；您是不是要找 yuncheng-xiaxian？');
		const fresh = runScript('new-issue', ['--series', '乡村振兴案例选', '--cases', 'jixi-shangzhuang'], dir.root);
		expect(fresh.stderr).toContain('请用 --organization 给出编印单位');
		expect(readdirSync(dir.issues)).toHaveLength(3);
	});

	it('never overwrites a file, warns when every case is a draft, and answers --help and bad options', () => {
		const dir = scratchContent();
		const draft = path.join(dir.cases, 'jixi-shangzhuang.mdx');
		writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^status: published$/m, 'status: draft'));
		writeFileSync(path.join(dir.issues, 'xiangcun-1.mdx'), 'an editor’s work');
		const args = ['--series', '乡村振兴案例选', '--organization', '县委办', '--cases', 'jixi-shangzhuang', '--slug', 'xiangcun-1'];
		const clash = runScript('new-issue', args, dir.root);
		expect(clash.status).toBe(1);
		expect(clash.stderr).toContain('已存在，不会覆盖。请用 --slug 另取文件名，如 --slug xiangcun-1-2');
		expect(readFileSync(path.join(dir.issues, 'xiangcun-1.mdx'), 'utf8')).toBe('an editor’s work');
		const ok = runScript('new-issue', [...args.slice(0, -1), 'xiangcun-2'], dir.root);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toContain('所选案例都还是草稿');
		const help = runScript('new-issue', ['--help'], dir.root);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('用法：npm run new-issue');
		const bogus = runScript('new-issue', ['--nmber', '3'], dir.root);
		expect(bogus.status).toBe(2);
		expect(bogus.stderr).toContain('未知选项 --nmber');
		const missing = runScript('new-issue', ['--lang', 'en', '--series', 'x'], dir.root);
		expect(missing.stderr).toContain('no terminal to ask in: pass --cases');
	});
});
