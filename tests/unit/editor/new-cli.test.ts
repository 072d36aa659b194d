/** `npm run new` without a terminal, as a script or an editor with all options would run it. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { runScript, scratchContent, splitMdx } from './support.ts';

// Each test runs the command several times; on a shared machine one run can take seconds.
describe('npm run new', { timeout: 180_000 }, () => {
	it('writes a draft from options: region from the unit, methods by Chinese name, preview URL', () => {
		const dir = scratchContent();
		const args = ['--title', '推进“文旅融合”发展', '--unit', '常山县文广旅体局', '--methods', '文旅融合、积分制管理', '--date', '2024-06-30'];
		const { status, stdout, stderr } = runScript('new', args, dir.root);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const file = path.join(dir.cases, 'changshan-wenlvronghe.mdx');
		expect(stdout).toContain(`已写入 ${path.relative(process.cwd(), file)}`);
		expect(stdout).toContain('http://localhost:4321/zh-hans/cases/changshan-wenlvronghe/');
		const { data } = splitMdx(readFileSync(file, 'utf8'));
		expect(CaseSchema.safeParse(data).success).toBe(true);
		expect(data).toMatchObject({
			region: { code: '330822' },
			methods: ['culture-tourism-integration', 'points-system'],
			date: '2024-06-30',
			status: 'draft',
		});
	});

	it('never overwrites: names a free file name instead', () => {
		const dir = scratchContent();
		const file = path.join(dir.cases, 'anji-grid.mdx');
		writeFileSync(file, 'an editor’s work');
		const args = [
			'--title',
			'推行“网格+积分”治理',
			'--unit',
			'递铺街道党工委',
			'--region',
			'安吉县',
			'--methods',
			'grid-governance',
			'--slug',
			'anji-grid',
		];
		const { status, stderr } = runScript('new', args, dir.root);
		expect(status).toBe(1);
		expect(stderr).toMatch(/anji-grid\.mdx 已存在，不会覆盖。请用 --slug 另取文件名，如 --slug anji-grid-2/);
		expect(readFileSync(file, 'utf8')).toBe('an editor’s work');
	});

	it('asks for --region when the unit names no county, and takes the township from the unit', () => {
		const dir = scratchContent();
		const base = ['--title', '推行“网格+积分”治理', '--unit', '递铺街道党工委', '--methods', '网格化管理与联户服务'];
		const missing = runScript('new', base, dir.root);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('无法从报送单位“递铺街道党工委”看出所在县市：请用 --region 给出');
		const given = runScript('new', [...base, '--region', '安吉县'], dir.root);
		expect(given.status).toBe(0);
		const { data } = splitMdx(readFileSync(path.join(dir.cases, 'anji-wanggejifen.mdx'), 'utf8'));
		expect(data.region).toEqual({ code: '330523', township: '递铺街道' });
	});

	it('rejects unknown methods with did-you-mean, bad options with usage (exit 2), and speaks English on request', () => {
		const dir = scratchContent();
		const unknown = runScript('new', ['--title', '标题', '--unit', '常山县委组织部', '--methods', '文旅融和'], dir.root);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('没有名为“文旅融和”的方法；您是不是要找 文旅融合（culture-tourism-integration）？');
		expect(unknown.stderr).not.toMatch(/\n\s+at /);
		const bogus = runScript('new', ['--bogus'], dir.root);
		expect(bogus.status).toBe(2);
		expect(bogus.stderr).toContain('未知选项 --bogus');
		expect(bogus.stderr).toContain('用法：npm run new');
		const english = runScript('new', ['--lang', 'en', '--title', 'x'], dir.root);
		expect(english.stderr).toContain('no terminal to ask in: pass --unit, --methods');
		const help = runScript('new', ['--help'], dir.root);
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('--methods A,B');
		expect(existsSync(path.join(dir.cases, 'changshan-biaoti.mdx'))).toBe(false);
	});
});
