/** loadSiteConfig's errors: the editor's to fix, naming the file and each problem, in Chinese unless English is asked for. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/lib/cli/command.ts';
import { loadSiteConfig } from '../../../src/lib/content/site-config.ts';
import { messageLanguage, setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'));
const contentBefore = process.env.COMPENDIUM_CONTENT;
const languageBefore = messageLanguage();
process.env.COMPENDIUM_CONTENT = dir;
const site = (text: string) => writeFileSync(path.join(dir, 'site.yaml'), text);
const VALID = 'title: 汇编\ndescription: 说明\norganization: 编辑部\nurl: https://example.gov.cn\nbase: /\ndefaultScript: hans\ntraditional: tw\n';

function errorOf(): UserError {
	try {
		loadSiteConfig();
	} catch (error) {
		expect(error).toBeInstanceOf(UserError);
		return error as UserError;
	}
	throw new Error('loadSiteConfig accepted an invalid site.yaml');
}

afterEach(() => setMessageLanguage(languageBefore));
afterAll(() => {
	if (contentBefore === undefined) delete process.env.COMPENDIUM_CONTENT;
	else process.env.COMPENDIUM_CONTENT = contentBefore;
	rmSync(dir, { recursive: true, force: true });
});

describe('loadSiteConfig', () => {
	it('names the file, the field, what was expected and what was found, in Chinese by default', () => {
		setMessageLanguage('zh');
		site(VALID.replace('https://example.gov.cn', 'not-a-url'));
		const { message } = errorOf();
		expect(message).toContain('网站设置');
		expect(message).toContain('site.yaml');
		expect(message).toMatch(/url: 网站地址应以 http:\/\/ 或 https:\/\/ 开头，现在是 "not-a-url"/);
		expect(message).not.toContain('\n');
	});

	it('speaks English on request', () => {
		setMessageLanguage('en');
		site(VALID.replace('https://example.gov.cn', 'not-a-url'));
		const { message } = errorOf();
		expect(message).toContain('the site settings in');
		expect(message).toMatch(/url: expected .* found "not-a-url"/);
		expect(message).not.toMatch(/[网站设置有误]/);
	});

	it('says so when the YAML does not parse or the file is missing', () => {
		setMessageLanguage('zh');
		site('title: [unclosed\n');
		expect(errorOf().message).toContain('YAML 格式有误');
		rmSync(path.join(dir, 'site.yaml'));
		expect(errorOf().message).toContain('缺少这个文件');
	});

	it('reads a valid file', () => {
		site(VALID);
		expect(loadSiteConfig().url).toBe('https://example.gov.cn');
	});
});
