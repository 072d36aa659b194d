/** robots.txt with the sitemap's address, from content/site.yaml (url and base). */
import type { APIRoute } from 'astro';
import { loadSiteConfig } from '../lib/content/site-config.ts';
import { robotsTxt } from '../lib/publish/robots.ts';

export const GET: APIRoute = () => new Response(robotsTxt(loadSiteConfig()), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
