/**
 * The footer's filing numbers. Mainland rules want the ICP备案号 to link to MIIT's
 * filing system and the 公安备案号 to its record on the MPS filing site, where a reader
 * can check them; these are links a reader follows, never requests the page makes.
 */
import type { Site } from '../../schemas/site.ts';

export const MIIT_BEIAN_URL = 'https://beian.miit.gov.cn/';
export const MPS_BEIAN_URL = 'https://beian.mps.gov.cn/#/query/webSearch';

export interface BeianLink {
	text: string;
	href: string;
}

export function beianLinks(site: Pick<Site, 'icp' | 'publicSecurity'>): BeianLink[] {
	const links: BeianLink[] = [];
	if (site.icp) links.push({ text: site.icp, href: MIIT_BEIAN_URL });
	if (site.publicSecurity) {
		// The MPS record is looked up by the number's digits: 京公网安备11010502000001号 → 11010502000001.
		const code = site.publicSecurity.replace(/\D/g, '');
		links.push({ text: site.publicSecurity, href: code ? `${MPS_BEIAN_URL}?code=${code}` : MPS_BEIAN_URL });
	}
	return links;
}
