import { BASE_SECURITY_HEADERS } from '../http';

export interface PageSecurityOptions {
  /** Extra origins the page may connect to (Azure Direct Line), e.g. https://directline.botframework.com. */
  connectOrigins: readonly string[];
}

/**
 * Content-Security-Policy for the chat page. Everything comes from the bot's own origin.
 * - script-src has no 'unsafe-inline': the page script is its own file. Web Chat's bundle
 *   runs without 'unsafe-eval' (the browser test runs under this exact policy and fails on a violation).
 * - style-src needs 'unsafe-inline': Web Chat injects its styles at run time as <style>
 *   elements (emotion), whose content is generated per instance, so neither a hash nor a
 *   nonce can be known in advance. Styles cannot run code; scripts stay locked down.
 * - img-src allows data: and blob: for Web Chat's own inline icons and avatars.
 * - connect-src 'self' covers ws:/wss: to the same host (CSP Level 3).
 */
export function contentSecurityPolicy(options: PageSecurityOptions): string {
  const connect = ["'self'", ...options.connectOrigins].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

export function pageHeaders(options: PageSecurityOptions): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  };
}

/** For a Direct Line domain (https://host/v3/directline), the origins its REST calls and stream use. */
export function directLineOrigins(domain: string): string[] {
  const url = new URL(domain);
  return [url.origin, `wss://${url.host}`];
}
