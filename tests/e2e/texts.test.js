// Built-in texts (demo, templates, instruments) read in the reader's language: never as
// "中文 / English" pairs, never as internal codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp } from './harness.js';

const env = serveAndLaunch();

// A Chinese text, then " / ", then a Latin one: how both languages used to be glued together.
const PAIR = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] \/ [A-Za-z]/;
const HAN = /[\u4e00-\u9fff]/;

const LANGS = [
  { locale: 'zh-CN', business: '示例餐厅', table: '餐厅桌边服务', categories: ['通用', '餐饮'], input: '摆台标准', simplified: /简化/g },
  { locale: 'en-US', business: 'Demo Restaurant', table: 'Restaurant table service', categories: ['Any business', 'Restaurant'], input: 'Table-setting standard', simplified: /simplif/gi },
];

async function mainText(page, hash, ready) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector(ready);
  return page.textContent('main');
}

for (const lang of LANGS) {
  test(`${lang.locale}: the demo and its templates read in one language, categories by name`, async () => {
    const { context, page, problems } = await openContext(env.browser, { locale: lang.locale });
    await openApp(page, env.server.base, '#/data');
    await page.tap('[data-testid="load-demo"]');
    await page.waitForSelector('[data-testid="demo-loaded"]');
    assert.equal(await page.textContent('[data-testid="business-name"]'), lang.business);

    const pages = [
      ['#/processes', '[data-testid="process-list"] .process-row'],
      ['#/feedback', '[data-testid="feedback-list"] li'],
      ['#/staff', '[data-page="staff"]'],
      ['#/surveys', '[data-testid="survey-list"] li'],
    ];
    for (const [hash, ready] of pages) {
      const text = await mainText(page, hash, ready);
      assert.doesNotMatch(text, PAIR, `${hash}: ${text.match(PAIR)?.[0]}`);
    }

    await mainText(page, '#/processes', '[data-testid="process-category"]');
    const categories = (await page.$$eval('[data-testid="process-category"]', (els) => els.map((e) => e.textContent.replace(/[\s·]+$/, '')))).sort();
    assert.deepEqual(categories, lang.categories);

    // The SIPOC gathers the steps' inputs: plain texts, written in the reader's language.
    await page.tap(`a.process-name:text-is("${lang.table}")`);
    await page.waitForSelector('[data-page="process"]');
    await page.tap('a.tab[data-tab="sipoc"]');
    await page.waitForSelector('[data-testid="sipoc"]');
    const sipoc = await page.textContent('[data-testid="sipoc"]');
    assert.ok(sipoc.includes(lang.input), sipoc);
    assert.doesNotMatch(sipoc, PAIR);
    if (lang.locale === 'en-US') assert.doesNotMatch(sipoc, HAN, sipoc);
    await page.tap('a.tab[data-tab="versions"]');
    await page.waitForTimeout(200);
    assert.doesNotMatch(await page.textContent('main'), PAIR);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${lang.locale}: the short SERVQUAL is called a simplification once`, async () => {
    const { context, page } = await openContext(env.browser, { locale: lang.locale });
    await openApp(page, env.server.base, '#/surveys');
    const option = await page.$eval('#instrument', (s) => [...s.options].map((o) => o.textContent).find((t) => t.includes('SERVQUAL') && !t.includes('22')));
    assert.equal(option.match(lang.simplified)?.length, 1, option);
    await context.close();
  });
}
