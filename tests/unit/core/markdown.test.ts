import { describe, expect, it } from 'vitest';
import { joinCjkLines } from '../../../src/lib/markdown/remark-join-cjk-lines.ts';

describe('joinCjkLines', () => {
	it('joins a newline between Han characters', () => {
		expect(joinCjkLines('这是第一行\n这是第二行')).toBe('这是第一行这是第二行');
	});
	it('joins around full-width punctuation and strips the blanks around the break', () => {
		expect(joinCjkLines('取得成效，  \n  群众满意')).toBe('取得成效，群众满意');
	});
	it('keeps a newline between Latin words or digits', () => {
		expect(joinCjkLines('open\nsource')).toBe('open\nsource');
		expect(joinCjkLines('共有\n2023年')).toBe('共有\n2023年');
	});
});
