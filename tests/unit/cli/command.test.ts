import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUsage } from '../../../src/lib/cli/command.ts';
import { defineMessages, setMessageLanguage, messageLanguage } from '../../../src/lib/i18n/messages/index.ts';

const demo = path.join(mkdtempSync(path.join(tmpdir(), 'cli-')), 'demo.ts');
writeFileSync(
	demo,
	`import { parseCommand, runCommand, UserError } from ${JSON.stringify(path.resolve('src/lib/cli/command.ts'))};
await runCommand(() => {
	const { values } = parseCommand({ command: 'npm run demo', summary: { zh: '演示。', en: 'Demo.' }, options: { fail: { type: 'boolean', help: { zh: '失败', en: 'fail' } }, crash: { type: 'boolean', help: { zh: '崩溃', en: 'crash' } } } });
	if (values.fail) throw new UserError('文件 a.mdx 第 3 行有误', 3);
	if (values.crash) throw new TypeError('boom');
	console.log('ran');
});`,
);
const run = (...args: string[]) =>
	spawnSync(process.execPath, [demo, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', DEBUG: '' } });

describe('command line', () => {
	it('answers --help in Chinese with exit 0 and runs nothing', () => {
		const result = run('--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('用法：npm run demo');
		expect(result.stdout).not.toContain('ran');
	});
	it('rejects an unknown flag with usage and exit 2', () => {
		const result = run('--bogus');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('未知选项 --bogus');
		expect(result.stderr).toContain('用法：');
		expect(result.stdout).not.toContain('ran');
	});
	it('rejects stray arguments when the command takes none', () => {
		expect(run('extra').status).toBe(2);
	});
	it('speaks English on request', () => {
		expect(run('--bogus', '--lang', 'en').stderr).toContain('unknown option --bogus');
		expect(run('--help', '--lang=en').stdout).toContain('Usage: npm run demo');
	});
	it('ends a user error with its message and code, no stack trace', () => {
		const result = run('--fail');
		expect(result.status).toBe(3);
		expect(result.stderr).toContain('错误：文件 a.mdx 第 3 行有误');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
	it('reports an internal error in one line without a stack unless DEBUG is set', () => {
		const result = run('--crash');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('内部错误');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('message catalogue', () => {
	it('returns the current language', () => {
		const messages = defineMessages({ count: (n: number) => ({ zh: `${n} 个案例`, en: `${n} cases` }) });
		const before = messageLanguage();
		setMessageLanguage('en');
		expect(messages.count(2)).toBe('2 cases');
		setMessageLanguage('zh');
		expect(messages.count(2)).toBe('2 个案例');
		setMessageLanguage(before);
	});
	it('lists every option in the usage', () => {
		const usage = formatUsage({
			command: 'npm run x',
			summary: { zh: '说明', en: 'about' },
			options: { out: { type: 'string', value: 'DIR', help: { zh: '输出目录', en: 'out' } } },
		});
		expect(usage).toMatch(/--out DIR\s+输出目录/);
		expect(usage).toMatch(/--help/);
	});
});
