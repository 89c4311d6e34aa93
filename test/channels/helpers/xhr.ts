import { WebSocket } from 'ws';

/**
 * Just enough XMLHttpRequest, over Node's fetch, for the rxjs 5 ajax that botframework-directlinejs
 * uses (its README suggests the xhr2 package; this avoids a dependency for tests only).
 */
export class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  // rxjs only wires onerror when `upload` exists.
  readonly upload = {};
  onreadystatechange: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  ontimeout: ((event: unknown) => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private aborted = false;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getAllResponseHeaders(): string {
    return '';
  }

  abort(): void {
    this.aborted = true;
    this.controller.abort();
  }

  send(body?: string | null): void {
    let timedOut = false;
    const timer =
      this.timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            this.controller.abort();
          }, this.timeout)
        : undefined;
    fetch(this.url, { method: this.method, headers: this.headers, body: body ?? null, signal: this.controller.signal })
      .then(async (res) => {
        this.status = res.status;
        this.responseText = await res.text();
        this.response = this.responseType === 'json' ? (this.responseText ? (JSON.parse(this.responseText) as unknown) : null) : this.responseText;
        this.readyState = 4;
        this.onreadystatechange?.call(this, {});
      })
      .catch((error: unknown) => {
        if (this.aborted) return;
        this.readyState = 4;
        if (timedOut) this.ontimeout?.call(this, {});
        else this.onerror?.call(this, error);
      })
      .finally(() => clearTimeout(timer));
  }
}

/** Installs the globals botframework-directlinejs expects in a browser. */
export function installDirectLineGlobals(): void {
  Object.assign(globalThis, { XMLHttpRequest: FetchXMLHttpRequest, WebSocket });
}
