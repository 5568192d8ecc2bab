// Host pages made up for a test, served on the sandbox's own origin through request routing,
// so that they load the real built widget from the sandbox.

/** A page with `head` and `body` HTML around the widget's script tag with `attributes`. */
export function hostPage({ attributes = "", head = "", body = "" }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head>
<body><h1>Host page</h1>${body}
<script src="/feedback-widget/feedback-widget.js" defer ${attributes}></script>
</body></html>`;
}

/** Serves `html` at `path` on the sandbox's origin and opens it. */
export async function openHost(page, sandboxUrl, html, path = "/host.html") {
  await page.route(`${sandboxUrl}${path}`, (route) =>
    route.fulfill({ contentType: "text/html", body: html }),
  );
  await page.goto(`${sandboxUrl}${path}`);
}
