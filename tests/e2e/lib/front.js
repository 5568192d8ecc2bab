// A front server before the sandbox, for browsers driven over WebDriver, which can neither see
// nor change a page's requests. Pages load from the front server's origin; it passes every
// request on to the sandbox unchanged, except where a test routes it, and tells listeners what
// went through. Its routes take the part of Playwright's `page.route` that the specs use:
// `continue({ postData })`, `fulfill({ status, contentType, headers, body })` and `abort()`, which
// drops the connection as a refusing or blocked server would.
import http from "node:http";

/** Playwright's URL globs: `**` is anything, `*` anything but a slash. */
export function urlMatcher(pattern) {
  if (pattern instanceof RegExp) return (url) => pattern.test(url);
  if (typeof pattern !== "string") throw new TypeError(`a route is a string or a RegExp, not ${pattern}`);
  if (!pattern.includes("*")) return (url) => url === pattern;
  const source = pattern
    .split("**")
    .map((part) => part.split("*").map((text) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
    .join(".*");
  const regex = new RegExp(`^${source}$`);
  return (url) => regex.test(url);
}

/** What a route handler and a request listener see of a request, named as in Playwright. */
class SeenRequest {
  constructor(incoming, url, body) {
    this.incoming = incoming;
    this.address = url;
    this.body = body;
  }
  method() {
    return this.incoming.method;
  }
  url() {
    return this.address;
  }
  headers() {
    return { ...this.incoming.headers };
  }
  postData() {
    return this.body.length ? this.body.toString("utf8") : null;
  }
  postDataBuffer() {
    return this.body.length ? this.body : null;
  }
}

/** The front server's own empty page (see startFront). */
export const BLANK = "/__harness/blank";

/** Starts a front server for the sandbox at `target` (its URL). */
export async function startFront(target) {
  const upstream = new URL(target);
  const routes = [];
  const listeners = new Set();

  function forward(incoming, response, body) {
    const headers = { ...incoming.headers, "content-length": String(body.length) };
    delete headers["transfer-encoding"];
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      },
    );
    out.on("error", () => incoming.socket.destroy());
    out.end(body);
  }

  const server = http.createServer(async (incoming, response) => {
    // A page of the origin without the widget, which the harness clears storage from: the demo
    // page's widget could write a restored draft back after the clearing.
    if (incoming.url == BLANK) return response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>blank</title>");
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const request = new SeenRequest(incoming, `${front.url}${incoming.url}`, body);
    for (const listener of listeners) listener(request);
    // The newest matching route wins, as in Playwright.
    const route = routes.findLast((entry) => entry.matches(request.url()));
    if (!route) return forward(incoming, response, body);
    let handled = false;
    const once = (what) => {
      if (handled) throw new Error(`${request.url()}: the route was already handled, cannot ${what}`);
      handled = true;
    };
    await route.handler({
      request: () => request,
      continue: async ({ postData } = {}) => {
        once("continue");
        forward(incoming, response, postData === undefined ? body : Buffer.from(postData));
      },
      fulfill: async ({ status = 200, contentType, headers = {}, body: content = "" } = {}) => {
        once("fulfill");
        response.writeHead(status, { ...(contentType ? { "content-type": contentType } : {}), ...headers });
        response.end(content);
      },
      abort: async () => {
        once("abort");
        incoming.socket.destroy();
      },
    });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const front = {
    url: `http://127.0.0.1:${server.address().port}`,
    route(pattern, handler) {
      routes.push({ pattern, matches: urlMatcher(pattern), handler });
    },
    unroute(pattern) {
      for (let n = routes.length - 1; n >= 0; n--) if (routes[n].pattern === pattern) routes.splice(n, 1);
    },
    /** Calls `listener` with each request from now on; returns a function that stops it. */
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Forgets every route and listener, between tests. */
    reset() {
      routes.length = 0;
      listeners.clear();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
  return front;
}
