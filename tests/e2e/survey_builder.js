// What the survey builder tests share: adding a question by kind.

/** Adds a question of the given kind (its index in the kind list), with its texts if given,
 * and returns its card. */
export async function addQuestion(page, kindIndex, en, zh) {
  const before = await page.locator('[data-question]').count();
  await page.selectOption('#new-question-kind', String(kindIndex));
  await page.tap('[data-testid="add-question"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-question]').length === n + 1, before);
  const card = page.locator('[data-question]').last();
  if (en) await card.locator('[data-field="text-en"]').fill(en);
  if (zh) await card.locator('[data-field="text-zh"]').fill(zh);
  return card;
}
