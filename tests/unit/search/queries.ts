/** The queries the issue names, in 简体 and 繁體, with the sample case(s) each must find. */
export const ISSUE_QUERIES: ReadonlyArray<readonly [hans: string, hant: string]> = [
	['屋场', '屋場'],
	['三长制', '三長制'],
	['积分超市', '積分超市'],
	['村情报告会', '村情報告會'],
	['胡柚', '胡柚'],
	['五面红旗', '五面紅旗'],
	['六步夺旗', '六步奪旗'],
	['急难愁盼', '急難愁盼'],
	['雏鹰工程', '雛鷹工程'],
	['枫桥经验', '楓橋經驗'],
	['爱心驿站', '愛心驛站'],
];
