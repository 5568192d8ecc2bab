// axe-core finds no violation in the widget: closed, open, with errors and after success, in both
// themes and both built-in locales.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost, HELPDESKS } from "../lib/host.js";
import { axeViolations } from "../lib/axe.js";

const env = useWidget({ sandboxArgs: ["--store-limit", "100"] });

for (const theme of ["light", "dark"]) {
  for (const locale of ["en", "nl"]) {
    test(`no axe violations in the ${theme} theme, ${locale}`, async () => {
      const { page, sandbox } = env;
      await openHost(page, sandbox.url, hostPage({
        attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token" data-theme="${theme}" data-locale="${locale}"`,
      }));
      await page.evaluate(() => FeedbackWidget.ready);
      const widget = page.locator("feedback-widget");
      const results = {};

      results.closed = await axeViolations(page);
      await widget.locator("button.fw-trigger").click();
      await widget.locator("dialog[open]").waitFor();
      results.open = await axeViolations(page);

      await widget.locator("button[type=submit]").click();
      await widget.locator("#fw-subject-errors li").waitFor();
      results.errors = await axeViolations(page);

      await widget.locator("#fw-subject").fill("Audit");
      await widget.locator("#fw-message").fill("Checking every state.");
      await widget.locator("button[type=submit]").click();
      await widget.locator(".fw-success").waitFor();
      results.success = await axeViolations(page);

      console.log(`axe ${theme}/${locale}: ` + Object.entries(results).map(([state, v]) => `${state} ${v.length}`).join(", "));
      assert.deepEqual(results, { closed: [], open: [], errors: [], success: [] });
    });
  }
}

for (const theme of ["light", "dark"]) {
  test(`no axe violations in the reply forms, ${theme} theme`, async () => {
    const { page, sandbox } = env;
    await openHost(page, sandbox.url, hostPage({
      loader: HELPDESKS,
      attributes: `data-api-base="/api/whmcs/api/AddTicketReply" data-backend="whmcs" data-ticket-id="1" data-contact-id="1" data-token="demo-token" data-theme="${theme}"`,
    }));
    await page.evaluate(() => FeedbackWidget.ready);
    const widget = page.locator("feedback-widget");
    const results = {};
    await widget.locator("button.fw-trigger").click();
    await widget.locator("dialog[open]").waitFor();
    results.open = await axeViolations(page);

    await widget.locator("#fw-files").setInputFiles([
      { name: "log.txt", mimeType: "text/plain", buffer: Buffer.from("a log") },
      { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
    ]);
    await widget.locator("#fw-files-errors li").waitFor();
    await widget.locator("button[type=submit]").click();
    await widget.locator("#fw-reply-errors li").waitFor();
    results.files = await axeViolations(page);

    // A thread after a reply, on another help desk.
    await page.evaluate(() =>
      FeedbackWidget.setBackend("klantportaal", { apiBase: "/api/klantportaal/v1", ticketId: "tic_abc12345def678" }),
    );
    await widget.locator("#fw-reply").fill("Checking the thread.");
    await widget.locator("button[type=submit]").click();
    await widget.locator(".fw-thread").waitFor();
    results.thread = await axeViolations(page);

    console.log(`axe reply ${theme}: ` + Object.entries(results).map(([state, v]) => `${state} ${v.length}`).join(", "));
    assert.deepEqual(results, { open: [], files: [], thread: [] });
  });
}
