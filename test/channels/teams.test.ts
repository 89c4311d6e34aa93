import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { buildTeamsPackage, valuesFromEnv, zipTeamsPackage, DEFAULT_TEAMS_APP_ID, LOCAL_PUBLIC_URL, type PackageValues } from '../../src/channels/teams/package';
import { colorIcon, outlineIcon } from '../../src/channels/teams/icons';
import { encodePng, readPngInfo } from '../../src/channels/teams/png';

const ROOT = path.resolve(__dirname, '..', '..');
const APP_PACKAGE = path.join(ROOT, 'appPackage');
// @microsoft/app-manifest does not load under Jest; its schema files are plain JSON.
const SCHEMAS = path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

const values: PackageValues = {
  MicrosoftAppId: '0b7c6a2e-1d3f-4e5a-9b8c-7d6e5f4a3b2c',
  TEAMS_APP_ID: DEFAULT_TEAMS_APP_ID,
  PUBLIC_URL: 'https://bot.example.org',
};

type Manifest = {
  manifestVersion: string;
  id: string;
  developer: { websiteUrl: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
};

function validator(schemaFile: string): Ajv {
  // Microsoft's localization schema has patterns (`\b]`) that are invalid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(schemaFile, 'utf8')) as object, 'schema');
  return ajv;
}

function validate(schemaFile: string, data: unknown): string[] {
  const ajv = validator(schemaFile);
  ajv.validate('schema', data);
  return (ajv.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const versionNumber = (v: string): number[] => v.replace(/^v/, '').split('.').map(Number);

describe('the Teams app package', () => {
  const pkg = buildTeamsPackage(APP_PACKAGE, values);
  const manifest = pkg.manifest as unknown as Manifest;
  const schemaDir = path.join(SCHEMAS, `v${manifest.manifestVersion}`);

  it('uses a current manifest schema shipped with @microsoft/app-manifest', () => {
    const shipped = readdirSync(SCHEMAS).filter((d) => /^v\d+\.\d+$/.test(d));
    expect(shipped).toContain(`v${manifest.manifestVersion}`);
    const [major = 0, minor = 0] = versionNumber(manifest.manifestVersion);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(119);
  });

  it('validates against the Teams manifest schema, offline', () => {
    expect(validate(path.join(schemaDir, 'MicrosoftTeams.schema.json'), manifest)).toEqual([]);
  });

  it.each(['da', 'fr'])('has a %s localization file that validates', (lang) => {
    const entry = manifest.localizationInfo.additionalLanguages.find((l) => l.languageTag === lang);
    expect(entry).toBeDefined();
    const file = JSON.parse(pkg.files[entry?.file ?? '']?.toString() ?? '{}') as Record<string, string>;
    expect(validate(path.join(schemaDir, 'MicrosoftTeams.Localization.schema.json'), file)).toEqual([]);
  });

  it('is checked for real: a manifest without a developer or with a bad colour fails', () => {
    const incomplete = Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== 'developer'));
    expect(validate(path.join(schemaDir, 'MicrosoftTeams.schema.json'), incomplete)).not.toEqual([]);
    expect(validate(path.join(schemaDir, 'MicrosoftTeams.schema.json'), { ...manifest, accentColor: 'blue' })).not.toEqual([]);
  });

  it('substitutes the bot id and links, and leaves no placeholder', () => {
    expect(manifest.bots[0]?.botId).toBe(values.MicrosoftAppId);
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.developer.websiteUrl).toBe('https://bot.example.org/');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect([...(manifest.bots[0]?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('offers the quick facts as commands the bot understands, in each language', () => {
    const questions = (lang: string): Record<string, string> =>
      JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'questions.json'), 'utf8')) as Record<string, string>;
    const facts = ['signatories', 'signing_date', 'place', 'dngc', 'pfmg2025'];
    const commands = manifest.bots[0]?.commandLists[0]?.commands ?? [];
    expect(commands.map((c) => c.title)).toEqual(facts.map((intent) => questions('en')[intent]));
    for (const lang of ['da', 'fr']) {
      const file = JSON.parse(pkg.files[`${lang}.json`]?.toString() ?? '{}') as Record<string, string>;
      const titles = commands.map((_, i) => file[`bots[0].commandLists[0].commands[${i}].title`]);
      expect(titles).toEqual(facts.map((intent) => questions(lang)[intent]));
    }
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    expect(readPngInfo(pkg.files['color.png'] ?? Buffer.alloc(0))).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(readPngInfo(pkg.files['outline.png'] ?? Buffer.alloc(0))).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('ships the icons the generator draws, the outline white on transparent only', () => {
    expect(pkg.files['color.png']?.equals(encodePng(192, 192, colorIcon()))).toBe(true);
    expect(pkg.files['outline.png']?.equals(encodePng(32, 32, outlineIcon()))).toBe(true);
    const outline = outlineIcon();
    let opaque = 0;
    let coloured = 0;
    for (let i = 0; i < outline.length; i += 4) {
      if ((outline[i + 3] ?? 0) === 0) continue;
      opaque++;
      if (outline[i] !== 255 || outline[i + 1] !== 255 || outline[i + 2] !== 255) coloured++;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(coloured).toBe(0);
    expect(colorIcon().filter((_, i) => i % 4 === 3 && _ !== 255)).toHaveLength(0);
  });

  it('zips every file at the root of the archive', async () => {
    const zip = await JSZip.loadAsync(await zipTeamsPackage(pkg));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'da.json', 'fr.json', 'manifest.json', 'outline.png']);
    const inZip = JSON.parse(await (zip.file('manifest.json')?.async('string') ?? Promise.resolve('{}'))) as Manifest;
    expect(inZip).toEqual(manifest);
  });

  it('refuses a bot id that is not a GUID, and needs one from the environment', () => {
    expect(() => buildTeamsPackage(APP_PACKAGE, { ...values, MicrosoftAppId: '${{MicrosoftAppId}}' })).toThrow('MicrosoftAppId must be a GUID');
    expect(() => valuesFromEnv({})).toThrow('Set MicrosoftAppId');
    expect(valuesFromEnv({ MicrosoftAppId: values.MicrosoftAppId })).toEqual({
      MicrosoftAppId: values.MicrosoftAppId,
      TEAMS_APP_ID: DEFAULT_TEAMS_APP_ID,
      PUBLIC_URL: LOCAL_PUBLIC_URL,
    });
  });
});
