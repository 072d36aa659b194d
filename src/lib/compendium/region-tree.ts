/**
 * The province → city → county tree of the regions that have cases, with counts, for
 * the region browse pages and search facets.
 */
import { regionChain, type Division } from '../regions.ts';
import type { CaseRef } from './types.ts';

/** A division with the cases in it or below, and its subdivisions that have cases. */
export interface RegionNode {
	division: Division;
	/** Cases in this division and everything under it. */
	count: number;
	caseIds: string[];
	children: RegionNode[];
}

/** The division tree of the cases' regions, roots being provinces, each level sorted by code. */
export function buildRegionTree(cases: readonly CaseRef[]): RegionNode[] {
	const nodes = new Map<string, RegionNode>();
	const roots: RegionNode[] = [];
	for (const entry of cases) {
		let parent: RegionNode | undefined;
		for (const division of regionChain(entry.data.region.code)) {
			let node = nodes.get(division.code);
			if (!node) {
				node = { division, count: 0, caseIds: [], children: [] };
				nodes.set(division.code, node);
				(parent ? parent.children : roots).push(node);
			}
			node.count++;
			node.caseIds.push(entry.id);
			parent = node;
		}
	}
	const sort = (list: RegionNode[]) => {
		list.sort((a, b) => a.division.code.localeCompare(b.division.code));
		for (const node of list) sort(node.children);
	};
	sort(roots);
	return roots;
}

/** Every node of the tree, depth first. */
export function flattenRegionTree(roots: readonly RegionNode[]): RegionNode[] {
	return roots.flatMap((node) => [node, ...flattenRegionTree(node.children)]);
}
