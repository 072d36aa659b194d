import { describe, expect, it } from 'vitest';
import { fullFoldMap } from '../../../src/lib/search/fold-table.ts';
import { planQuery } from '../../../src/lib/search/query.ts';
import { ISSUE_QUERIES } from './queries.ts';

const fold = fullFoldMap();

describe('query plans', () => {
	it('searches one phrase exactly and ranks it with an ordinary search', () => {
		expect(planQuery('村情报告会', fold)).toMatchObject({ match: '"村情 情报 报告 告会"', rank: '村情 情报 报告 告会', guards: [] });
		expect(planQuery('胡柚', fold)).toMatchObject({ match: '"胡柚"', rank: '胡柚' });
	});

	it('plans the same searches whichever script the query is typed in', () => {
		for (const [hans, hant] of ISSUE_QUERIES) expect(planQuery(hant, fold)).toEqual(planQuery(hans, fold));
	});

	it('matches single characters and numbers as prefixes', () => {
		expect(planQuery('會', fold)).toMatchObject({ match: '会', guards: [] });
		expect(planQuery('２０２３', fold)).toMatchObject({ match: '2023' });
		expect(planQuery('会', fold).rank).toBeUndefined();
	});

	it('ANDs several phrases, guarded by an exact search for each', () => {
		expect(planQuery('五面紅旗　芮城', fold)).toMatchObject({ match: '五面 面红 红旗 芮城', guards: ['"五面 面红 红旗"', '"芮城"'] });
		expect(planQuery('芮城 2021', fold).guards).toEqual(['"芮城"']);
	});

	it('browses when there is nothing to search', () => {
		expect(planQuery('', fold)).toEqual({ phrases: [], match: null, guards: [] });
		expect(planQuery(' “” ，', fold).match).toBeNull();
	});
});
