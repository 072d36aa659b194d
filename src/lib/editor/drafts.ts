/**
 * What the dev-only drafts page (草稿) lists: every draft case with its file, the issues
 * waiting for it, and each case's review items (fields the importer or `npm run new`
 * left for an editor to confirm), named in the page's script. A published case that still
 * has review items is listed too (`npm run check` rejects it), and so are draft issues.
 */
import type { Script } from '../../schemas/script.ts';

/** The few fields a case or issue can have under `review`, named as editors know them. */
const FIELD_NAMES: Record<string, Record<Script, string>> = {
	title: { hans: '标题', hant: '標題' },
	subtitle: { hans: '副标题', hant: '副標題' },
	unit: { hans: '报送单位', hant: '報送單位' },
	region: { hans: '地区', hant: '地區' },
	'region.township': { hans: '乡镇（街道）', hant: '鄉鎮（街道）' },
	methods: { hans: '做法分类', hant: '做法分類' },
	metrics: { hans: '主要数据', hant: '主要數據' },
	date: { hans: '日期', hant: '日期' },
	source: { hans: '来源', hant: '來源' },
	'source.publisher': { hans: '来源单位', hant: '來源單位' },
	'source.url': { hans: '原文链接', hant: '原文鏈接' },
	summary: { hans: '摘要', hant: '摘要' },
	script: { hans: '正文用字（简/繁）', hant: '正文用字（簡/繁）' },
	body: { hans: '正文', hant: '正文' },
	number: { hans: '期号', hant: '期號' },
	organization: { hans: '编印单位', hant: '編印單位' },
};

/**
 * A review item as shown. Items are usually a field path (`source.publisher`), shown by its
 * name with the path; the importer may also leave a sentence, shown as written.
 */
export interface ReviewItem {
	/** The item as written in the file. */
	text: string;
	/** The field's name for editors, when the item is a known field. */
	label?: string;
}

/** One row of the drafts page. */
export interface DraftRow {
	id: string;
	title: string;
	unit: string;
	/** The file to open, relative to the project (or absolute when content lives elsewhere). */
	file: string;
	status: 'draft' | 'published';
	review: ReviewItem[];
	/** Issues listing this case, by label (运城市…摘编 第2期). */
	issues: string[];
}

/** What the page needs of a case entry (Astro's content-layer entry fits). */
export interface DraftSource {
	id: string;
	filePath?: string;
	data: { title: string; unit: string; status: 'draft' | 'published'; review?: string[] | undefined; date: Date };
}

/** A review field's name for editors, or undefined when the item is not a field path. */
export function reviewLabel(field: string, script: Script): string | undefined {
	return FIELD_NAMES[field]?.[script];
}

/**
 * Drafts first (newest first), then published cases that still have review items;
 * each with the issues listing it.
 */
export function draftRows(cases: readonly DraftSource[], issuesByCase: ReadonlyMap<string, string[]>, script: Script): DraftRow[] {
	return cases
		.filter((entry) => entry.data.status === 'draft' || (entry.data.review?.length ?? 0) > 0)
		.sort(
			(a, b) =>
				Number(a.data.status !== 'draft') - Number(b.data.status !== 'draft') ||
				b.data.date.getTime() - a.data.date.getTime() ||
				a.id.localeCompare(b.id),
		)
		.map((entry) => ({
			id: entry.id,
			title: entry.data.title,
			unit: entry.data.unit,
			file: entry.filePath ?? entry.id,
			status: entry.data.status,
			review: (entry.data.review ?? []).map((text) => {
				const label = reviewLabel(text, script);
				return label ? { text, label } : { text };
			}),
			issues: issuesByCase.get(entry.id) ?? [],
		}));
}

/** The drafts page's own words, written by hand in both scripts like the rest of the interface. */
export function draftsText(script: Script) {
	return script === 'hans'
		? {
				title: '草稿',
				lede: '这一页只在 npm run dev 中出现，网站构建时不生成。这里列出全部草稿（status: draft），以及仍有待核对项目的案例。',
				howTo: '核对完一项，就把它从文件开头 review 列表中删去；全部核对完后把 status 改为 published，再运行 npm run check。',
				none: '没有草稿，也没有待核对的项目。',
				file: '文件',
				review: '待核对',
				nothingToReview: '无',
				inIssues: '收录于',
				publishedWithReview: '已发布但仍有待核对项目（npm run check 会报错）',
				draftIssues: '期刊草稿',
				draftIssuesHowTo: '本期的案例都发布后，把这一期文件里的 status: draft 改为 published。',
				waitingFor: '尚未发布的案例',
				count: (drafts: number, open: number) => `草稿 ${drafts} 篇，待核对项目 ${open} 项`,
			}
		: {
				title: '草稿',
				lede: '這一頁只在 npm run dev 中出現，網站構建時不生成。這裡列出全部草稿（status: draft），以及仍有待核對項目的案例。',
				howTo: '核對完一項，就把它從文件開頭 review 列表中刪去；全部核對完後把 status 改為 published，再運行 npm run check。',
				none: '沒有草稿，也沒有待核對的項目。',
				file: '文件',
				review: '待核對',
				nothingToReview: '無',
				inIssues: '收錄於',
				publishedWithReview: '已發佈但仍有待核對項目（npm run check 會報錯）',
				draftIssues: '期刊草稿',
				draftIssuesHowTo: '本期的案例都發佈後，把這一期文件裡的 status: draft 改為 published。',
				waitingFor: '尚未發佈的案例',
				count: (drafts: number, open: number) => `草稿 ${drafts} 篇，待核對項目 ${open} 項`,
			};
}

/** A draft issue as the page lists it. */
export interface DraftIssueRow {
	id: string;
	/** Series and number in the page's script (积分制管理典型案例选编 第1期). */
	label: string;
	file: string;
	/** Its cases that are still drafts (they must be published first). */
	draftCases: string[];
}

/** What the page needs of an issue entry. */
export interface DraftIssueSource {
	id: string;
	filePath?: string;
	data: { status: 'draft' | 'published'; cases: string[]; date: Date };
}

/** Issues still marked draft, newest first, each with the cases that hold it back. */
export function draftIssueRows<I extends DraftIssueSource>(
	issues: readonly I[],
	caseStatus: ReadonlyMap<string, 'draft' | 'published'>,
	label: (issue: I) => string,
): DraftIssueRow[] {
	return issues
		.filter((issue) => issue.data.status === 'draft')
		.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id))
		.map((issue) => ({
			id: issue.id,
			label: label(issue),
			file: issue.filePath ?? issue.id,
			draftCases: issue.data.cases.filter((id) => caseStatus.get(id) !== 'published'),
		}));
}
