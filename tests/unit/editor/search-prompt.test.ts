/** The searchable lists of `npm run new` and `npm run new-issue`, driven by keystrokes as in a terminal. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { searchMultiselect, searchSelect, type SearchOption } from '../../../src/lib/editor/search-prompt.ts';

const options: SearchOption<string>[] = [
	{ value: 'party', label: '党建引领基层治理' },
	{ value: 'points', label: '积分制管理' },
	{ value: 'culture', label: '文旅融合' },
];
const filter = (search: string, option: SearchOption<string>) => option.label.includes(search.trim());

/** Runs a prompt on fake streams, typing `keys` one by one; returns its answer and what it drew. */
async function drive<T>(start: (io: { input: PassThrough; output: PassThrough }) => Promise<T>, keys: string[]) {
	const input = new PassThrough();
	const output = new PassThrough();
	let drawn = '';
	output.on('data', (chunk: Buffer) => (drawn += chunk.toString('utf8')));
	const answer = start({ input, output });
	for (const key of keys) {
		await new Promise((resolve) => setTimeout(resolve, 5));
		input.write(key);
	}
	return { answer: await answer, drawn };
}

describe('searchMultiselect', () => {
	it('ticks with Space while typing (Space never goes into the filter) and returns the values in the order ticked', async () => {
		const { answer, drawn } = await drive(
			(io) => searchMultiselect({ message: '方法', options, filter, required: true, ...io }),
			['文', '旅', ' ', '\x7f', '\x7f', '积', ' ', '\r'],
		);
		expect(answer).toEqual(['culture', 'points']);
		expect(drawn).toContain('空格 选中/取消');
		expect(drawn).toContain('已选 2 项：文旅融合、积分制管理');
	});

	it('ticks with Space after the arrow keys, and Space again unticks', async () => {
		const { answer } = await drive(
			(io) => searchMultiselect({ message: '方法', options, filter, required: true, ...io }),
			['\x1b[B', ' ', '\x1b[B', ' ', ' ', '\r'],
		);
		expect(answer).toEqual(['points']);
	});

	it('will not confirm an empty choice when one is required', async () => {
		const { answer, drawn } = await drive((io) => searchMultiselect({ message: '方法', options, filter, required: true, ...io }), ['\r', ' ', '\r']);
		expect(drawn).toContain('请至少选一项（空格选中）');
		expect(answer).toEqual(['party']);
	});
});

describe('searchSelect', () => {
	it('picks the focused match of what was typed', async () => {
		const { answer } = await drive((io) => searchSelect({ message: '系列', options, filter, ...io }), ['积', '分', '\r']);
		expect(answer).toBe('points');
	});
});
