/**
 * Zopfli for the files every search fetches first (zopfli.ts, gzip-pack.ts): what it writes
 * unpacks to exactly the bytes zlib's gzip holds, in Node, in the browser's
 * DecompressionStream and in fflate (the search page's fallback), and is smaller; the gzip
 * pack keeps its files apart from zlib's and drops them under other settings; and loading
 * the encoder leaves the process's error handlers as they were.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gunzipSync as fflateGunzip } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { GzipPack } from '../../../src/lib/search/gzip-pack.ts';
import { PAGEFIND_DIR } from '../../../src/lib/search/layout.ts';
import { encodeCbor, withPagefindSignature } from '../../../src/lib/search/pagefind-format.ts';
import { pagefindRuntime } from '../../../src/lib/search/pagefind-runtime.ts';
import { writeSearchIndex } from '../../../src/lib/search/write-index.ts';
import { ZOPFLI_SETTINGS, zopfliGzip } from '../../../src/lib/search/zopfli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'zopfli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A payload shaped like pf_meta's page list: short ids in order, rounded word counts. */
const pageList = (count: number) =>
	withPagefindSignature(encodeCbor(Array.from({ length: count }, (_, i) => [String(i), [362, 512, 724, 1024, 1448][(i * 7) % 5]!])));

const unpackedByBrowser = async (bytes: Uint8Array) =>
	new Uint8Array(await new Response(new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());

describe('Zopfli', () => {
	it('leaves the process’s handlers of uncaught errors as they were when it loads', async () => {
		const count = () => [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
		const before = count();
		await zopfliGzip(pageList(10));
		expect(count()).toEqual(before);
	});

	it('gzips to the same bytes unpacked, for Node, the browser and fflate, smaller than zlib at level 9', async () => {
		const payload = pageList(3000);
		const ours = await zopfliGzip(payload);
		expect(gunzipSync(ours)).toEqual(Buffer.from(payload));
		expect(await unpackedByBrowser(ours)).toEqual(payload);
		expect(fflateGunzip(ours)).toEqual(payload);
		expect(ours.length).toBeLessThan(gzipSync(payload, { level: 9 }).length * 0.95);
	});

	it('writes the index’s wasm and pf_meta smaller than zlib would, unpacking to Pagefind’s own wasm', async () => {
		const documents: SearchDocument[] = Array.from({ length: 30 }, (_, i) => ({
			id: `case-${i}`,
			script: 'hans',
			title: `案例${i}：积分超市`,
			unit: '县委组织部',
			summary: '测试用的摘要。',
			body: `第${i}个案例，讲屋场党建和三长制，群众满意度${i}分。`,
			regionCode: '330822',
			methods: ['points-system'],
			issues: ['issue-1'],
			date: `2020-01-${String(i + 1).padStart(2, '0')}`,
			extra: [],
		}));
		const context = { base: '/', convert: (text: string) => text, methodName: () => '积分制管理', issueLabel: () => '测试汇编' };
		const stats = await writeSearchIndex(documents, work, context);
		const bundle = path.join(work, PAGEFIND_DIR, stats.version);
		const { wasm } = await pagefindRuntime();
		expect(wasm.size).toBeGreaterThan(0);
		for (const [name, theirs] of wasm) {
			const ours = readFileSync(path.join(bundle, name));
			expect(gunzipSync(ours)).toEqual(gunzipSync(theirs));
			expect(ours.length).toBeLessThan(theirs.length);
		}
		const meta = readdirSync(bundle).find((name) => name.endsWith('.pf_meta'))!;
		const metaBytes = readFileSync(path.join(bundle, meta));
		expect(metaBytes.length).toBeLessThan(gzipSync(gunzipSync(metaBytes), { level: 9 }).length);
	});

	it('is kept in the gzip pack apart from zlib’s files, and only under the same settings', async () => {
		const payload = encodeCbor(['pagefind', Array.from({ length: 500 }, (_, i) => i.toString(36))]);
		const file = path.join(work, 'files.pack');
		const first = new GzipPack();
		const byZlib = await first.file(payload);
		const byZopfli = await first.file(payload, undefined, 'zopfli');
		expect(byZopfli).not.toEqual(byZlib);
		expect(first.counts).toEqual({ reused: 0, compressed: 2 });
		first.save(file);

		const again = GzipPack.open(file);
		expect(await again.file(payload, undefined, 'zopfli')).toEqual(byZopfli);
		expect(await again.file(payload)).toEqual(byZlib);
		expect(again.counts).toEqual({ reused: 2, compressed: 0 });

		// A pack written under other Zopfli settings is not trusted: its files are made again.
		const bytes = readFileSync(file);
		const headerLength = bytes.readUInt32BE(0);
		const header = bytes.subarray(4, 4 + headerLength).toString();
		expect(header).toContain(JSON.stringify(ZOPFLI_SETTINGS));
		const other = Buffer.from(header.replace(JSON.stringify(ZOPFLI_SETTINGS), JSON.stringify(`${ZOPFLI_SETTINGS}, other`)));
		const length = Buffer.alloc(4);
		length.writeUInt32BE(other.length);
		writeFileSync(file, Buffer.concat([length, other, bytes.subarray(4 + headerLength)]));
		const stale = GzipPack.open(file);
		await stale.file(payload, undefined, 'zopfli');
		expect(stale.counts).toEqual({ reused: 0, compressed: 1 });
	});
});
