/** Listing pages: the page size setting and the page links a pager shows. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, listingPageSize, pageLinks, PAGE_SIZE_ENV } from '../../../src/lib/compendium/pagination.ts';

const numbers = (current: number, last: number) =>
	pageLinks(current, last).map((link) => ('gap' in link ? '…' : link.current ? `[${link.page}]` : String(link.page)));

describe('pageLinks', () => {
	it('shows every page of a short listing', () => {
		expect(numbers(2, 4)).toEqual(['1', '[2]', '3', '4']);
		expect(numbers(1, 1)).toEqual(['[1]']);
	});

	it('keeps a long listing to first, last and the pages around the current one', () => {
		expect(numbers(1, 100)).toEqual(['[1]', '2', '3', '…', '100']);
		expect(numbers(50, 100)).toEqual(['1', '…', '48', '49', '[50]', '51', '52', '…', '100']);
		expect(numbers(100, 100)).toEqual(['1', '…', '98', '99', '[100]']);
	});

	it('fills a gap of one page with the page instead of …', () => {
		expect(numbers(5, 9)).toEqual(['1', '2', '3', '4', '[5]', '6', '7', '8', '9']);
	});
});

describe('listingPageSize', () => {
	it('is a hundred unless a build asks for fewer', () => {
		expect(listingPageSize({})).toBe(DEFAULT_PAGE_SIZE);
		expect(DEFAULT_PAGE_SIZE).toBe(100);
		expect(listingPageSize({ [PAGE_SIZE_ENV]: '3' })).toBe(3);
	});

	it('refuses a size that is not a positive whole number, naming the variable', () => {
		expect(() => listingPageSize({ [PAGE_SIZE_ENV]: '0' })).toThrow(/COMPENDIUM_PAGE_SIZE=0/);
		expect(() => listingPageSize({ [PAGE_SIZE_ENV]: 'ten' })).toThrow(/whole number/);
	});
});
