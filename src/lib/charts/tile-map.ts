/**
 * The tile-grid map of China's 34 provincial-level divisions: one equal square each, in
 * its rough geographic position, as news graphics draw it. No boundaries are drawn, so
 * it is not a map in the sense of the 地图管理条例 (no 审图号 question), and every
 * division, Taiwan, Hong Kong and Macau included, has its tile. Shading by case count
 * uses d3-scale and d3-scale-chromatic; text on each tile takes whichever of black and
 * white contrasts more with its fill.
 */
import { scaleQuantize } from 'd3-scale';
import { schemeReds } from 'd3-scale-chromatic';

/** Province code prefix (first two digits), short label, column and row. */
export const TILES: readonly { prefix: string; label: string; col: number; row: number }[] = [
	{ prefix: '23', label: '黑龙江', col: 7, row: 0 },
	{ prefix: '15', label: '内蒙古', col: 4, row: 1 },
	{ prefix: '11', label: '北京', col: 5, row: 1 },
	{ prefix: '21', label: '辽宁', col: 6, row: 1 },
	{ prefix: '22', label: '吉林', col: 7, row: 1 },
	{ prefix: '65', label: '新疆', col: 0, row: 2 },
	{ prefix: '62', label: '甘肃', col: 2, row: 2 },
	{ prefix: '64', label: '宁夏', col: 3, row: 2 },
	{ prefix: '14', label: '山西', col: 4, row: 2 },
	{ prefix: '13', label: '河北', col: 5, row: 2 },
	{ prefix: '12', label: '天津', col: 6, row: 2 },
	{ prefix: '63', label: '青海', col: 1, row: 3 },
	{ prefix: '61', label: '陕西', col: 3, row: 3 },
	{ prefix: '41', label: '河南', col: 4, row: 3 },
	{ prefix: '37', label: '山东', col: 5, row: 3 },
	{ prefix: '54', label: '西藏', col: 1, row: 4 },
	{ prefix: '51', label: '四川', col: 2, row: 4 },
	{ prefix: '50', label: '重庆', col: 3, row: 4 },
	{ prefix: '42', label: '湖北', col: 4, row: 4 },
	{ prefix: '34', label: '安徽', col: 5, row: 4 },
	{ prefix: '32', label: '江苏', col: 6, row: 4 },
	{ prefix: '31', label: '上海', col: 7, row: 4 },
	{ prefix: '53', label: '云南', col: 2, row: 5 },
	{ prefix: '52', label: '贵州', col: 3, row: 5 },
	{ prefix: '43', label: '湖南', col: 4, row: 5 },
	{ prefix: '36', label: '江西', col: 5, row: 5 },
	{ prefix: '33', label: '浙江', col: 6, row: 5 },
	{ prefix: '45', label: '广西', col: 3, row: 6 },
	{ prefix: '44', label: '广东', col: 4, row: 6 },
	{ prefix: '35', label: '福建', col: 5, row: 6 },
	{ prefix: '71', label: '台湾', col: 6, row: 6 },
	{ prefix: '46', label: '海南', col: 3, row: 7 },
	{ prefix: '82', label: '澳门', col: 4, row: 7 },
	{ prefix: '81', label: '香港', col: 5, row: 7 },
];

/** Side of a tile, in viewBox units. */
export const TILE_SIZE = 44;
/** Space between neighbouring tiles, in viewBox units. */
export const TILE_GAP = 4;
const EMPTY_FILL = '#efefef';

/** One province's tile: its code, label, case count, position, fill and text colour. */
export interface Tile {
	code: string;
	label: string;
	count: number;
	x: number;
	y: number;
	fill: string;
	textFill: string;
}

/** One legend entry: a fill and the range of case counts it stands for. */
export interface LegendStep {
	fill: string;
	textFill: string;
	from: number;
	to: number;
}

/** Everything the SVG needs: viewBox size, tile size, the tiles and the legend. */
export interface TileMap {
	width: number;
	height: number;
	size: number;
	tiles: Tile[];
	legend: LegendStep[];
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const textOn = (fill: string) => (contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff');

/** Counts by province code (110000 …) → positioned, shaded tiles and the legend. */
export function tileMap(counts: ReadonlyMap<string, number>): TileMap {
	const max = Math.max(0, ...counts.values());
	const steps = Math.max(1, Math.min(5, max));
	const palette = steps >= 3 ? schemeReds[steps]! : schemeReds[3]!.slice(3 - steps);
	const shade = scaleQuantize<string>()
		.domain([1, Math.max(max, 1) + 1])
		.range(palette);
	const fillOf = (count: number) => (count > 0 ? shade(count) : EMPTY_FILL);
	const cols = Math.max(...TILES.map((t) => t.col)) + 1;
	const rows = Math.max(...TILES.map((t) => t.row)) + 1;
	const tiles = TILES.map((t) => {
		const code = `${t.prefix}0000`;
		const count = counts.get(code) ?? 0;
		const fill = fillOf(count);
		return { code, label: t.label, count, x: t.col * (TILE_SIZE + TILE_GAP), y: t.row * (TILE_SIZE + TILE_GAP), fill, textFill: textOn(fill) };
	});
	const legend: LegendStep[] = [{ fill: EMPTY_FILL, textFill: textOn(EMPTY_FILL), from: 0, to: 0 }];
	for (let n = 1; n <= max; n++) {
		const fill = fillOf(n);
		const last = legend.at(-1)!;
		if (last.fill === fill) last.to = n;
		else legend.push({ fill, textFill: textOn(fill), from: n, to: n });
	}
	return { width: cols * (TILE_SIZE + TILE_GAP) - TILE_GAP, height: rows * (TILE_SIZE + TILE_GAP) - TILE_GAP, size: TILE_SIZE, tiles, legend };
}
