// @vitest-environment jsdom
/** The compare page draws the latest selection even when an earlier selection's records arrive last. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComparePageConfig } from '../../../src/lib/compare/config.ts';
import type { ComparableCase } from '../../../src/lib/compare/table.ts';
import { startComparePage } from '../../../src/lib/browser/compare-page.ts';

const config: ComparePageConfig = {
	recordUrl: '/data/cases/{id}.json',
	labels: { region: '地区', unit: '单位', methods: '方法', date: '日期', summary: '摘要', figures: '数据（{0}）' },
	messages: { needMore: '至少选两个', full: '已满', notFound: '找不到 {0}', remove: '移除', readFull: '阅读全文' },
};

const record = (id: string): ComparableCase => ({
	id,
	url: `/zh-hans/cases/${id}/`,
	title: `案例${id}`,
	unit: '某县',
	date: '2024-01-01',
	summary: '摘要',
	region: { name: '某县' },
	methodNames: [],
});

/** A fetch whose responses the test releases one by one, in any order. */
function heldFetch() {
	const held = new Map<string, () => void>();
	const fetch = vi.fn((url: string) => {
		const id = /cases\/(.+)\.json$/.exec(url)![1]!;
		return new Promise<Response>((resolve) => held.set(`${id}#${fetch.mock.calls.length}`, () => resolve(new Response(JSON.stringify(record(id))))));
	});
	const release = async (call: number) => {
		for (const [key, go] of held) if (key.endsWith(`#${call}`)) go();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { fetch, release };
}

const titles = () => [...document.querySelectorAll('.compare-table thead th a')].map((a) => a.textContent);

afterEach(() => {
	vi.unstubAllGlobals();
	document.body.replaceChildren();
});

describe('compare page', () => {
	it('draws the selection after the last removal, whatever order the records arrive in', async () => {
		history.replaceState(null, '', '/zh-hans/compare/?cases=a,b,c,d');
		document.body.innerHTML = `<script id="compare-config" type="application/json">${JSON.stringify(config)}</script>
			<div data-compare-root><p data-compare-status></p><div data-compare-table></div></div>`;
		const { fetch, release } = heldFetch();
		vi.stubGlobal('fetch', fetch);
		startComparePage(document);
		for (let call = 1; call <= 4; call++) await release(call);
		expect(titles()).toEqual(['案例a', '案例b', '案例c', '案例d']);

		// Remove a, then b, before the first removal's records have come back: the table still shows a–d.
		const remove = (id: string) => [...document.querySelectorAll<HTMLButtonElement>('.compare-remove')][['a', 'b', 'c', 'd'].indexOf(id)]!.click();
		remove('a'); // → b,c,d (fetches 5–7)
		remove('b'); // → c,d (fetches 8–9)
		// The second removal's records come back first, the first removal's last.
		for (let call = fetch.mock.calls.length; call >= 5; call--) await release(call);
		expect(titles()).toEqual(['案例c', '案例d']);
		expect(new URL(location.href).searchParams.get('cases')).toBe('c,d');
	});
});
