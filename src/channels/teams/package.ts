import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readPngInfo } from './png';

/** The app's own id in Teams, fixed so that a new package updates the installed app. */
export const DEFAULT_TEAMS_APP_ID = '64bdd062-1f52-40d4-a2ab-4c8d34ceb930';
/** Links in the manifest when PUBLIC_URL is not set: the page of a bot run locally. */
export const LOCAL_PUBLIC_URL = 'http://localhost:3978';

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

export interface PackageValues {
  /** The bot's Microsoft App ID (the Azure Bot's app registration). */
  MicrosoftAppId: string;
  TEAMS_APP_ID: string;
  /** Origin of the bot's web page, for the developer links. */
  PUBLIC_URL: string;
}

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  files: Record<string, Buffer>;
}

/** Reads appPackage/, fills the `${{NAME}}` placeholders and checks what Teams would refuse. */
export function buildTeamsPackage(dir: string, values: PackageValues): TeamsPackage {
  for (const key of ['MicrosoftAppId', 'TEAMS_APP_ID'] as const) {
    if (!GUID.test(values[key])) throw new Error(`${key} must be a GUID, got "${values[key]}"`);
  }
  if (!/^https?:\/\/[^/\s]+$/.test(values.PUBLIC_URL)) throw new Error(`PUBLIC_URL must be an origin such as https://bot.example.org, got "${values.PUBLIC_URL}"`);

  const template = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  const filled = template.replace(PLACEHOLDER, (match, name: string) => {
    if (!(name in values)) throw new Error(`manifest.json has an unknown placeholder ${match}`);
    // JSON-escaped, without the quotes: the placeholder sits inside a JSON string.
    return JSON.stringify(values[name as keyof PackageValues]).slice(1, -1);
  });
  const manifest = JSON.parse(filled) as Record<string, unknown>;

  const files: Record<string, Buffer> = { 'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const [name, size] of Object.entries(ICONS)) {
    const png = readFileSync(path.join(dir, name));
    const info = readPngInfo(png);
    if (info.width !== size || info.height !== size) throw new Error(`${name} must be ${size}x${size}, is ${info.width}x${info.height}`);
    files[name] = png;
  }
  for (const file of localizationFiles(manifest)) files[file] = readFileSync(path.join(dir, file));
  return { manifest, files };
}

function localizationFiles(manifest: Record<string, unknown>): string[] {
  const info = manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined;
  return (info?.additionalLanguages ?? []).map((language) => language.file);
}

/** The zip Teams sideloads: every file at the root of the archive. */
export async function zipTeamsPackage(pkg: TeamsPackage): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps the archive identical for identical inputs.
  const date = new Date('2023-03-09T00:00:00Z');
  for (const [name, content] of Object.entries(pkg.files)) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export function valuesFromEnv(env: NodeJS.ProcessEnv): PackageValues {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId) throw new Error('Set MicrosoftAppId to the Azure Bot\'s Microsoft App ID (a GUID) to build the Teams package.');
  return {
    MicrosoftAppId: appId,
    TEAMS_APP_ID: env.TEAMS_APP_ID?.trim() || DEFAULT_TEAMS_APP_ID,
    PUBLIC_URL: (env.PUBLIC_URL?.trim() || LOCAL_PUBLIC_URL).replace(/\/+$/, ''),
  };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const dir = path.join(root, 'appPackage');
  const values = valuesFromEnv(process.env);
  if (!process.env.PUBLIC_URL) process.stderr.write(`PUBLIC_URL is not set: the manifest links to ${LOCAL_PUBLIC_URL}/\n`);
  const pkg = buildTeamsPackage(dir, values);
  const out = path.join(dir, 'build');
  mkdirSync(out, { recursive: true });
  const zipFile = path.join(out, 'appPackage.zip');
  writeFileSync(zipFile, await zipTeamsPackage(pkg));
  writeFileSync(path.join(out, 'manifest.json'), pkg.files['manifest.json'] ?? '');
  process.stdout.write(`${path.relative(process.cwd(), zipFile)} written (bot ${values.MicrosoftAppId}, app ${values.TEAMS_APP_ID})\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`teams:package failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
