// What the manager's page keeps in the JS heap once its records are loaded: only the page,
// not the text of every stored record. (Each IndexedDB wait used to leak its unused error
// handler, and with it the request and its result: at 100,000 responses, 129 MB of JS heap
// after a start-up instead of 2 MB, and as much again at every re-read after another tab saved.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded, readStore } from './harness.js';

const env = serveAndLaunch();
const COPIES = 100;
const TEXT_CHARS = 100_000;

async function heapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function feedbackCount(page) {
  await loaded(page);
  return page.$eval('tr[data-collection="feedback"] td', (td) => Number(td.textContent.replace(/,/g, '')));
}

test('loading and re-reading the records leaves their text out of the JS heap', async () => {
  const { context, page } = await openContext(env.browser, { locale: 'en-US' });
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  const demo = (await readStore(page)).feedback;
  // 100 complaints of 100,000 characters each: 10 MB of stored text, stored as another tab
  // would store them (loose entries), so the start-up reads them all.
  await page.evaluate(([template, copies, chars]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('serviceflow');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      for (let i = 0; i < copies; i++) {
        const r = { ...template, id: crypto.randomUUID(), text: `${i} ${'x'.repeat(chars)}` };
        tx.objectStore('records').put(JSON.stringify(r), `feedback/${r.id}`);
      }
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [demo[0], COPIES, TEXT_CHARS]);
  await page.reload();
  assert.equal(await feedbackCount(page), demo.length + COPIES);
  const afterStart = await heapBytes(page);

  // A save in a second tab makes this one read every record again.
  const other = await context.newPage();
  await openApp(other, env.server.base, '#/settings');
  await other.fill('#business-name', 'Memory test');
  await other.tap('[data-testid="save-business"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Memory test');
  assert.equal(await feedbackCount(page), demo.length + COPIES);
  const afterReread = await heapBytes(page);

  const stored = COPIES * TEXT_CHARS;
  console.log(`# JS heap: ${(afterStart / 1e6).toFixed(1)} MB after start-up, ${(afterReread / 1e6).toFixed(1)} MB after a re-read; ${stored / 1e6} MB of text stored`);
  assert.ok(afterStart < stored / 2, `${afterStart} bytes of JS heap after start-up hold the stored text`);
  assert.ok(afterReread < stored / 2, `${afterReread} bytes of JS heap after a re-read hold the stored text`);
  await context.close();
});
