import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { answerFact, REAL_BOT_TIMEOUT_MS, startRealBot, type RealBot } from './helpers/realBot';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = path.resolve(__dirname, '..', '..');

// Without a browser the test is skipped locally; under CI a missing browser is a failure.
const runBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runBrowser) {
  process.stderr.write(`browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium); set CI=1 to make this a failure\n`);
}
const describeBrowser = runBrowser ? describe : describe.skip;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

type PageTexts = Record<'title' | 'intro' | 'notice', string>;
const pageTexts = (lang: string): PageTexts => JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'page.json'), 'utf8')) as PageTexts;
const common = (lang: string): { welcome: string } => JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'common.json'), 'utf8')) as { welcome: string };
const questions = (lang: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'questions.json'), 'utf8')) as Record<string, string>;

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const TRANSCRIPT = '.webchat__basic-transcript__transcript';

describeBrowser('the web chat page in Chromium', () => {
  let bot: RealBot;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    bot = await startRealBot();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, REAL_BOT_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 1000 } });
    // Records every Content-Security-Policy violation, so the policy is tested as served.
    await context.addInitScript(
      "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    page = await context.newPage();
  });

  afterEach(async () => {
    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    await context.close();
  });

  // Web Chat renders the bot's markdown with typographic quotes (DNGC's -> DNGC’s).
  const loosely = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"));
  const lastBotText = (text: string) => page.locator(TRANSCRIPT).getByText(loosely(text)).last();

  const languageOf = (element: Locator): Promise<string | null> => element.locator('xpath=ancestor-or-self::*[@lang][1]').getAttribute('lang');

  async function ask(question: string): Promise<void> {
    await page.locator(SEND_BOX).fill(question);
    await page.locator(SEND_BOX).press('Enter');
  }

  it(
    'answers in Danish, follows a suggestion, switches to French and answers in French, with no serious accessibility problem',
    async () => {
      await page.goto(`${bot.url}/`);
      // The page texts arrive by fetch after load; the page switches its language once they do.
      await page.waitForFunction("document.documentElement.lang === 'da'", undefined, { timeout: 10_000 });
      await expect(page.locator('h1').textContent()).resolves.toBe(pageTexts('da').title);
      await expect(page.title()).resolves.toBe(pageTexts('da').title);
      await expect(page.locator('.notice').textContent()).resolves.toBe(pageTexts('da').notice);
      await lastBotText(common('da').welcome).waitFor();

      // Nothing is kept in the browser before the visitor writes.
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);

      await ask(questions('da').signatories ?? '');
      const danish = lastBotText(answerFact('da', 'signatories'));
      await danish.waitFor();
      expect(await languageOf(danish)).toBe('da');

      const followUp = questions('da').signing_date ?? '';
      await page.getByRole('button', { name: followUp }).last().click();
      await lastBotText(answerFact('da', 'signing_date')).waitFor();

      await page.getByRole('button', { name: 'Français', exact: true }).first().click();
      await page.waitForFunction("document.documentElement.lang === 'fr'");
      await expect(page.locator('h1').textContent()).resolves.toBe(pageTexts('fr').title);
      await expect(page.locator('[data-lang="fr"]').getAttribute('aria-pressed')).resolves.toBe('true');
      // The language button also told the bot, as a message of its own.
      await page.locator(TRANSCRIPT).getByText('Français', { exact: true }).waitFor();

      await ask(questions('fr').signatories ?? '');
      const french = lastBotText(answerFact('fr', 'signatories'));
      await french.waitFor();
      expect(await languageOf(french)).toBe('fr');

      // Every message in the transcript says which language it is in.
      const activities = await page.locator('.webchat__basic-transcript__activity').count();
      const labelled = page.locator('.webchat__basic-transcript__activity .webchat__basic-transcript__activity-body > [lang]');
      expect(activities).toBeGreaterThanOrEqual(8);
      expect(await labelled.count()).toBe(activities);
      for (let i = 0; i < activities; i++) expect(await labelled.nth(i).getAttribute('lang')).toMatch(/^(da|fr|en)(-[A-Z]{2})?$/);

      // New messages are announced: the transcript has a polite live region.
      await expect(page.locator('#webchat [role="log"][aria-live="polite"]').count()).resolves.toBeGreaterThan(0);

      mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
      mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      const screenshot = path.join(ROOT, 'artifacts', 'webchat.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      copyFileSync(screenshot, path.join(ROOT, 'docs', 'webchat.png'));

      await page.evaluate(readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
      const violations = await page.evaluate<AxeViolation[]>(
        "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)",
      );
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    },
    120_000,
  );

  it(
    'is usable with the keyboard alone, with a visible focus',
    async () => {
      await page.goto(`${bot.url}/`);
      await lastBotText(common('da').welcome).waitFor();

      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.className')).toBe('skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('chat');

      await page.locator('h1').click();
      const focusIs = (selector: string): Promise<unknown> => page.evaluate(`document.activeElement.matches(${JSON.stringify(selector)})`);
      for (let i = 0; i < 10 && !(await focusIs('[data-lang="en"]')); i++) await page.keyboard.press('Tab');
      expect(await focusIs('[data-lang="en"]')).toBe(true);
      expect(await page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForFunction("document.documentElement.lang === 'en'");

      for (let i = 0; i < 30 && !(await focusIs(SEND_BOX)); i++) await page.keyboard.press('Tab');
      expect(await focusIs(SEND_BOX)).toBe(true);
      await page.keyboard.type('Who signed the MoU?');
      await page.keyboard.press('Enter');
      await lastBotText(answerFact('en', 'signatories')).waitFor();
    },
    60_000,
  );
});
