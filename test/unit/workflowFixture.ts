import { execFileSync } from 'node:child_process';
import nodePath from 'node:path';
import type { NewAssessmentData } from '../../src/core/assessment';
import type { Lang } from '../../src/core/lang';
import { settingsSchema } from '../../src/core/schema';
import { nodeFs } from './nodeFs';
import { fileTemplates } from './templateFiles';
import { WORKED_EXAMPLE } from './workedExample';
import { stringify } from 'yaml';

export const TODAY = '2026-11-25';
export const SETTINGS = settingsSchema.parse({});

export function requestData(lang: Lang, adr: NewAssessmentData['adr'] = null): NewAssessmentData {
  return lang === 'zh-cn'
    ? { id: 'k3x9qa', customer: '星河机器人', title: '把机器人数据反向推送到客户自有平台', broughtBy: '王总（销售总监）', dealSize: { amount: 3_600_000, currency: 'CNY' }, language: 'zh-cn', created: TODAY, adr }
    : { id: 'k3x9qa', customer: 'Acme | Robotics', title: 'Push robot data to their own platform', broughtBy: 'Wang, Sales Director', dealSize: { amount: 3_600_000, currency: 'CNY' }, language: 'en', created: TODAY, adr };
}

/** The supplier setting as a company would fill it in; the quote's header, parties and sign-off show it. */
export const SUPPLIER = {
  en: {
    name: 'Cloudsail Robotics Ltd.',
    address: '88 Science Park South Road, Nanshan, Shenzhen',
    contact: 'Li Wei, +86 755 8888 6666, li.wei@cloudsail.example',
    logo: 'media/letterhead-logo.png',
    footer: 'Cloudsail Robotics Ltd. · Registered in Shenzhen · cloudsail.example',
  },
  'zh-cn': {
    name: '深圳云帆机器人有限公司',
    address: '深圳市南山区科技南路 88 号',
    contact: '李伟，0755-8888 6666，li.wei@cloudsail.example',
    logo: 'media/letterhead-logo.png',
    footer: '深圳云帆机器人有限公司 · 统一社会信用代码 91440300MA5XXXXXXX',
  },
};

export const common = { templates: fileTemplates(), today: TODAY, settings: SETTINGS };
export const exists = async (path: string) => (await nodeFs.stat(path)) !== undefined;

/** Puts the worked example's estimate into an assessment's front matter, as a user would by hand. */
export function withEstimate(text: string, estimate: object = WORKED_EXAMPLE): string {
  const block = stringify({ estimate }).trimEnd();
  return text.replace(/\n---\n/, `\n${block}\n---\n`);
}

export function adr(cwd: string, ...args: string[]): string {
  return execFileSync('adr', args, { cwd, encoding: 'utf8', env: { ...process.env, VISUAL: 'true', EDITOR: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export const relative = (root: string, path: string) => nodePath.posix.relative(root, path);
