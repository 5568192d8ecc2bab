// A page object for the widget on the demo page. Locators pierce the widget's open shadow root,
// and find things by role and label as a user would.
import { hostPage, openHost, HELPDESKS } from "./host.js";

/** The visible content of the widget's dialog, without its live region. */
export function inView(dialog) {
  return dialog.locator(':scope > :not([role="status"])');
}

export class WidgetPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.trigger = page.getByRole("button", { name: "Feedback" });
    this.dialog = page.getByRole("dialog", { name: "Send feedback" });
    this.subject = this.dialog.getByLabel("Subject");
    this.message = this.dialog.getByLabel("Message");
    this.type = this.dialog.getByLabel("Type");
    this.priority = this.dialog.getByLabel("Priority");
    this.send = this.dialog.getByRole("button", { name: "Send", exact: false });
    // What the dialog shows, apart from its live region, which repeats outcomes for screen
    // readers.
    this.view = inView(this.dialog);
    this.live = this.dialog.locator(':scope > [role="status"]');
  }

  /** Opens the demo page (optionally at a path) and waits for the widget's button. */
  async goto(path = "/") {
    await this.page.goto(this.baseUrl + path);
    await this.trigger.waitFor();
  }

  async open() {
    await this.trigger.click();
    await this.dialog.waitFor();
  }

  async fill({ subject = "", message = "", rating, type, priority } = {}) {
    await this.subject.fill(subject);
    await this.message.fill(message);
    if (rating) await this.dialog.getByRole("radio", { name: `${rating} of 5` }).check();
    if (type) await this.type.selectOption(type);
    if (priority) await this.priority.selectOption(priority);
  }

  /** The problems listed under a field, by the field's label. */
  errorsOf(label) {
    return this.page.locator(`feedback-widget`).locator(`#${this.idOf(label)}-errors li`);
  }

  idOf(label) {
    return { Subject: "fw-subject", Message: "fw-message", Type: "fw-type", Priority: "fw-priority", Rating: "fw-rating" }[label];
  }
}

/**
 * Opens a host page whose widget, the help-desk build with `attributes`, replies to `ticket`, and
 * opens its dialog. The page keeps the details of `feedback:replied` and `feedback:error` in
 * `window.replied` and `window.errors`. Returns the reply form's parts.
 */
export async function openReply(page, sandboxUrl, { ticket, attributes }) {
  await openHost(page, sandboxUrl, hostPage({
    loader: HELPDESKS,
    head: `<script>window.replied = []; window.errors = [];
      addEventListener("feedback:replied", (e) => replied.push(e.detail));
      addEventListener("feedback:error", (e) => errors.push(e.detail));</script>`,
    attributes,
  }));
  await page.getByRole("button", { name: "Feedback" }).click();
  const dialog = page.getByRole("dialog", { name: `Reply to ticket ${ticket}` });
  await dialog.waitFor();
  return {
    dialog,
    reply: dialog.getByLabel("Your reply"),
    send: dialog.getByRole("button", { name: "Send reply" }),
    status: dialog.locator(".fw-status"),
    sent: dialog.locator(".fw-reply__sent"),
    live: dialog.locator(':scope > [role="status"]'),
    // The file picker, which only help desks that take attachments show.
    files: dialog.getByLabel("Attach files"),
    chosen: dialog.locator(".fw-files__list .fw-files__item"),
    fileErrors: dialog.locator("#fw-files-errors li"),
  };
}
