import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The repository root: three levels up from src/channels/webchat and from dist/channels/webchat alike. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const STATIC_DIR = path.join(PROJECT_ROOT, 'src', 'channels', 'webchat', 'static');

export interface Asset {
  body: Buffer;
  gzipped?: Buffer;
  contentType: string;
  etag: string;
}

/**
 * The directory of an installed package. Web Chat's `exports` map hides dist/, so the
 * bundle is found by file path from the resolved entry point, never through `require`.
 */
export function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== name.split('/').pop()) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the directory of package ${name}`);
    dir = parent;
  }
  return dir;
}

const GZIP_MIN_BYTES = 1024;

export function loadAsset(file: string, contentType: string): Asset {
  const body = readFileSync(file);
  const compressible = contentType.startsWith('text/') || contentType.includes('javascript') || contentType.includes('json');
  return {
    body,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    ...(compressible && body.length >= GZIP_MIN_BYTES ? { gzipped: gzipSync(body) } : {}),
  };
}

/** Loads on first use and keeps it: the bundles are large and never change while the bot runs. */
export function lazyAsset(file: () => string, contentType: string): () => Asset {
  let asset: Asset | undefined;
  return () => (asset ??= loadAsset(file(), contentType));
}
