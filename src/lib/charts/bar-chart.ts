/**
 * Geometry of a horizontal bar chart, drawn as static SVG at build time (no chart code
 * in the browser). Labels sit left of the bars and values at their ends; sizes are in
 * viewBox units designed for a phone's width (360), so text stays legible when the
 * chart is scaled to the screen. d3-scale does the band and linear scales.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

/** One bar to draw: its label, value, and optional link and indent. */
export interface BarDatum {
	label: string;
	value: number;
	/** Link for the bar's label (a region or method page). */
	href?: string | undefined;
	/** Indent level (0 for top level): counties under their city. */
	level?: number;
}

/** A bar positioned in viewBox units: its top, length, and where its label and value text go. */
export interface Bar extends BarDatum {
	y: number;
	width: number;
	labelX: number;
	valueX: number;
	textY: number;
}

/** Everything the SVG needs: viewBox size, where bars start, bar height, font size and the bars. */
export interface BarChartGeometry {
	width: number;
	height: number;
	barX: number;
	barHeight: number;
	fontSize: number;
	bars: Bar[];
}

/** The default viewBox width: a phone's width in CSS pixels. */
export const CHART_WIDTH = 360;
const FONT = 13;
const ROW = 26;
const INDENT = 13;

/** Width of a label in viewBox units: CJK characters a full em, others about half. */
export function textWidth(text: string, fontSize = FONT): number {
	let ems = 0;
	for (const ch of text) ems += ch.charCodeAt(0) <= 0xff ? 0.55 : 1;
	return ems * fontSize;
}

/** Lays out a bar chart `width` units wide: labels in up to 45% of it, bars scaled to the largest value, values after the bars. */
export function barChart(data: readonly BarDatum[], width = CHART_WIDTH): BarChartGeometry {
	const labelWidth = Math.min(width * 0.45, Math.max(0, ...data.map((d) => textWidth(d.label) + (d.level ?? 0) * INDENT)) + 8);
	const valueRoom = Math.max(0, ...data.map((d) => textWidth(String(d.value)))) + 6;
	const barX = labelWidth;
	const max = Math.max(1, ...data.map((d) => d.value));
	const x = scaleLinear()
		.domain([0, max])
		.range([0, width - barX - valueRoom]);
	const y = scaleBand<number>()
		.domain(data.map((_, i) => i))
		.range([0, data.length * ROW])
		.paddingInner(0.25)
		.paddingOuter(0.1);
	const bars = data.map((d, i) => {
		const top = y(i) ?? 0;
		const barWidth = Math.max(d.value > 0 ? 1 : 0, x(d.value));
		return {
			...d,
			y: round(top),
			width: round(barWidth),
			labelX: (d.level ?? 0) * INDENT,
			valueX: round(barX + barWidth + 4),
			textY: round(top + y.bandwidth() / 2 + FONT * 0.36),
		};
	});
	return { width, height: round(data.length * ROW), barX: round(barX), barHeight: round(y.bandwidth()), fontSize: FONT, bars };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Cases per year, oldest first, every year in between included (a gap is information). */
export function countsByYear(dates: readonly Date[]): BarDatum[] {
	if (dates.length === 0) return [];
	const years = dates.map((d) => d.getUTCFullYear());
	const counts = new Map<number, number>();
	for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
	const data: BarDatum[] = [];
	for (let year = Math.min(...years); year <= Math.max(...years); year++) data.push({ label: `${year}`, value: counts.get(year) ?? 0 });
	return data;
}
