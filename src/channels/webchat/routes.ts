import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Next, Request, Response, Server } from 'restify';
import { sendJson, setHeaders } from '../http';
import type { ChannelLogger } from '../logger';
import { lazyAsset, packageDir, PROJECT_ROOT, STATIC_DIR, type Asset } from './assets';
import { pageHeaders, type PageSecurityOptions } from './securityHeaders';
import type { TokenSource } from './token';

export const PAGE_LANGUAGES = ['da', 'fr', 'en'] as const;

export interface WebChatPageOptions extends PageSecurityOptions {
  tokens: TokenSource;
  logger: ChannelLogger;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * The chat page, its own script and style, the page texts from locales/{lng}/page.json,
 * and the Web Chat and React browser bundles read from node_modules by file path
 * (loaded React first so Web Chat and the page's activity middleware share one React).
 */
export function registerWebChatPage(server: Server, options: WebChatPageOptions): void {
  const headers = pageHeaders(options);
  const assets: Record<string, () => Asset> = {
    '/': lazyAsset(() => path.join(STATIC_DIR, 'index.html'), 'text/html; charset=utf-8'),
    '/webchat/app.js': lazyAsset(() => path.join(STATIC_DIR, 'app.js'), JS),
    '/webchat/page.css': lazyAsset(() => path.join(STATIC_DIR, 'page.css'), 'text/css; charset=utf-8'),
    '/webchat/icon.png': lazyAsset(() => path.join(PROJECT_ROOT, 'appPackage', 'color.png'), 'image/png'),
    '/webchat/webchat.js': lazyAsset(() => path.join(packageDir('botframework-webchat'), 'dist', 'webchat.js'), JS),
    '/webchat/react.js': lazyAsset(() => path.join(packageDir('react'), 'umd', 'react.production.min.js'), JS),
    '/webchat/react-dom.js': lazyAsset(() => path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), JS),
  };
  for (const lng of PAGE_LANGUAGES) {
    assets[`/webchat/i18n/${lng}.json`] = lazyAsset(() => path.join(PROJECT_ROOT, 'locales', lng, 'page.json'), 'application/json; charset=utf-8');
  }

  for (const [route, asset] of Object.entries(assets)) {
    server.get(route, (req: Request, res: Response, next: Next) => {
      let loaded: Asset;
      try {
        loaded = asset();
      } catch (error) {
        // A missing file (e.g. a deployment without src/channels/webchat/static) must not crash the bot.
        options.logger.error({ err: error, route }, 'web chat: file missing');
        sendJson(res, 404, { error: { code: 'NotFound', message: 'Not found' } });
        next();
        return;
      }
      serveAsset(req, res, loaded, headers);
      next();
    });
  }

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    try {
      const session = await options.tokens(req);
      if (!session) {
        sendJson(res, 429, { error: { code: 'TooManyRequests', message: 'Too many conversations; try again later.' } }, { 'Retry-After': '60' });
        return;
      }
      sendJson(res, 200, session);
    } catch (error) {
      options.logger.error({ err: error }, 'web chat: no Direct Line token');
      sendJson(res, 502, { error: { code: 'ServiceError', message: 'The chat service is not available.' } });
    }
  });
}

function serveAsset(req: Request, res: Response, asset: Asset, headers: Record<string, string>): void {
  setHeaders(res, headers);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('ETag', asset.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  const gzip = asset.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip && asset.gzipped ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'Content-Type': asset.contentType,
    'Content-Length': body.length,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(body);
}

/** True when the Web Chat bundle is where the page expects it (checked at start-up). */
export function webChatBundlePresent(): boolean {
  try {
    return existsSync(path.join(packageDir('botframework-webchat'), 'dist', 'webchat.js'));
  } catch {
    return false;
  }
}
