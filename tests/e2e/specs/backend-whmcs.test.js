// Replies to a WHMCS ticket through AddTicketReply: the form fields arrive as the host set them,
// files arrive byte for byte, the limits are shown before anything is sent and files that break
// them are left out in the form, and WHMCS's refusals show its own words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { openReply } from "../lib/widget.js";
import { TOKEN } from "../lib/sandbox.js";

const env = useWidget();

const ENDPOINT = "/api/whmcs/api/AddTicketReply";
const LIMITS = "Up to 3 files of type JPG, JPEG, GIF, PNG, PDF, TXT; at most 2 MB each and 4 MB in all.";

/** A PNG signature followed by every byte value, so that no encoding step can go unnoticed. */
const BINARY = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 256 }, (_, n) => n)),
  Buffer.from(Array.from({ length: 256 }, (_, n) => 255 - n)),
]);

/** Opens a host page whose widget replies to a WHMCS ticket and opens its dialog. */
function replyTo({ ticket = "1", extra = `data-contact-id="1"`, token = TOKEN } = {}) {
  return openReply(env.page, env.sandbox.url, {
    ticket,
    attributes: `data-backend="whmcs" data-api-base="${ENDPOINT}" data-ticket-id="${ticket}" data-token="${token}" ${extra}`,
  });
}

/** The multipart bodies the page posts to the endpoint, as text. */
function recordForms(page) {
  const bodies = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(ENDPOINT)) {
      bodies.push({ headers: request.headers(), body: request.postDataBuffer()?.toString("latin1") ?? "" });
    }
  });
  return bodies;
}

/** The value of a text field in a multipart body, or undefined. */
function field(body, name) {
  return body.match(new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`))?.[1];
}

const fieldCases = {
  "as contact 1, without markdown": { extra: `data-contact-id="1"`, contactid: 1, markdown: false },
  "as contact 2, with data-markdown": { extra: `data-contact-id="2" data-markdown="true"`, contactid: 2, markdown: true },
};

for (const [name, fields] of Object.entries(fieldCases)) {
  test(`a reply ${name} arrives with its fields`, async () => {
    const { page, sandbox } = env;
    const forms = recordForms(page);
    const form = await replyTo({ extra: fields.extra });
    await form.reply.fill("The server is **back**.\nThanks!");
    await form.send.click();
    await form.sent.getByText("Your reply was added to ticket 1.").waitFor();

    const [arrived] = await sandbox.arrived("whmcs");
    assert.equal(arrived.ticketid, 1);
    assert.equal(arrived.contactid, fields.contactid);
    assert.equal(arrived.markdown, fields.markdown);
    // A browser's multipart encoding writes every line break as CRLF, as any form post to
    // WHMCS would have it.
    assert.equal(arrived.message, "The server is **back**.\r\nThanks!");
    assert.equal(arrived.name, null);
    assert.equal(arrived.email, null);
    assert.deepEqual(arrived.attachments, []);
    assert.equal(arrived.user, "demo");

    assert.equal(forms.length, 1);
    const { headers, body } = forms[0];
    assert.equal(headers.authorization, `Bearer ${TOKEN}`);
    assert.match(headers["content-type"], /^multipart\/form-data; boundary=/);
    assert.equal(field(body, "action"), "AddTicketReply");
    assert.equal(field(body, "ticketid"), "1");
    assert.equal(field(body, "contactid"), String(fields.contactid));
    assert.equal(field(body, "markdown"), fields.markdown ? "1" : "0");
    assert.equal(field(body, "attachments"), undefined, "no files, no attachments field");
    assert.equal(await form.reply.inputValue(), "");
    assert.deepEqual(await page.evaluate(() => window.replied), [{ channel: "", backend: "whmcs", ticketId: "1" }]);
  });
}

test("a reply from a named guest arrives with the name and email", async () => {
  const { sandbox } = env;
  const form = await replyTo({ extra: `data-reply-name="Gus Guest" data-reply-email="gus@example.com"` });
  await form.reply.fill("A guest's reply.");
  await form.send.click();
  await form.sent.getByText("Your reply was added to ticket 1.").waitFor();
  const [arrived] = await sandbox.arrived("whmcs");
  assert.equal(arrived.contactid, null);
  assert.equal(arrived.name, "Gus Guest");
  assert.equal(arrived.email, "gus@example.com");
  assert.equal(arrived.message, "A guest's reply.");
});

test("the limits are shown before anything is chosen or sent", async () => {
  const { page } = env;
  const forms = recordForms(page);
  const form = await replyTo();
  assert.equal(await form.dialog.locator("#fw-files-limits").textContent(), LIMITS);
  assert.equal(await form.files.getAttribute("accept"), ".jpg,.jpeg,.gif,.png,.pdf,.txt");
  assert.match(await form.files.getAttribute("aria-describedby"), /\bfw-files-limits\b/);
  assert.equal(await form.files.getAttribute("multiple"), "");
  assert.equal(await form.dialog.locator(".fw-files__list").isHidden(), true, "no files listed yet");
  assert.equal(await form.fileErrors.count(), 0);
  assert.deepEqual(forms, []);
});

test("a binary file arrives byte for byte, and a removed one does not go", async () => {
  const { sandbox } = env;
  const form = await replyTo();
  await form.files.setInputFiles([
    { name: "pixels.png", mimeType: "image/png", buffer: BINARY },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Left out on purpose.\n") },
  ]);
  assert.deepEqual(await form.chosen.locator(".fw-files__name").allTextContents(), ["pixels.png", "notes.txt"]);
  assert.deepEqual(await form.chosen.locator(".fw-files__size").allTextContents(), [`${BINARY.length} B`, "21 B"]);
  await form.dialog.getByRole("button", { name: "Remove notes.txt" }).click();
  assert.deepEqual(await form.chosen.locator(".fw-files__name").allTextContents(), ["pixels.png"]);

  await form.reply.fill("Screenshot attached.");
  await form.send.click();
  await form.sent.getByText("Your reply was added to ticket 1.").waitFor();

  const [arrived] = await sandbox.arrived("whmcs");
  assert.equal(arrived.message, "Screenshot attached.");
  assert.equal(arrived.attachments.length, 1);
  const [file] = arrived.attachments;
  assert.equal(file.name, "pixels.png");
  assert.equal(file.size, BINARY.length);
  assert.equal(file.url, `/inbox/attachments/${file.id}`);
  const stored = await sandbox.attachment(file.url);
  assert.ok(stored.equals(BINARY), "the stored bytes are the file's bytes");
  assert.equal(await form.chosen.count(), 0, "the sent files leave the list");
});

test("a disallowed type and a file over 2 MB are left out in the form and never posted", async () => {
  const { page, sandbox } = env;
  const forms = recordForms(page);
  const form = await replyTo();
  const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0x41);
  await form.files.setInputFiles([
    { name: "x.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
    { name: "big.png", mimeType: "image/png", buffer: big },
    { name: "ok.txt", mimeType: "text/plain", buffer: Buffer.from("fine") },
  ]);
  assert.deepEqual(await form.fileErrors.allTextContents(), [
    "x.exe was not added: only JPG, JPEG, GIF, PNG, PDF, TXT files can be attached.",
    "big.png was not added: a file can be at most 2 MB.",
  ]);
  assert.deepEqual(await form.chosen.locator(".fw-files__name").allTextContents(), ["ok.txt"]);
  assert.deepEqual(forms, [], "choosing files sends nothing");

  await form.reply.fill("Only the text file.");
  await form.send.click();
  await form.sent.getByText("Your reply was added to ticket 1.").waitFor();
  const [arrived] = await sandbox.arrived("whmcs");
  assert.deepEqual(arrived.attachments.map((file) => [file.name, file.size]), [["ok.txt", 4]]);
  assert.equal(forms.length, 1);
  assert.ok(!forms[0].body.includes("x.exe") && !forms[0].body.includes("big.png"), "neither file is in the request");
  assert.ok(forms[0].body.length < 4096, `the request is small (${forms[0].body.length} bytes)`);
});

const UNAUTHENTICATED = "The help desk did not accept this site's sign-in, so your reply was not sent.";
const REFUSED = "The help desk did not accept your message, so it was not sent.";

const refusals = {
  "an unknown ticket": { options: { ticket: "99" }, sentence: REFUSED, said: "Ticket ID Not Found" },
  "another client's contact": { options: { extra: `data-contact-id="3"` }, sentence: REFUSED, said: "Contact ID Not Found" },
  "a wrong token (401)": { options: { token: "wrong-token" }, sentence: UNAUTHENTICATED, said: "Authentication Failed" },
};

for (const [name, refusal] of Object.entries(refusals)) {
  test(`${name} shows WHMCS's words and keeps the text and files`, async () => {
    const { sandbox } = env;
    const before = (await sandbox.arrived("whmcs")).length;
    const form = await replyTo(refusal.options);
    await form.files.setInputFiles([{ name: "log.txt", mimeType: "text/plain", buffer: Buffer.from("log") }]);
    await form.reply.fill("Keep me and my file.");
    await form.send.click();
    await form.status.getByText(refusal.sentence).waitFor();
    assert.equal(await form.status.locator(".fw-status__server").textContent(), `The service said: ${refusal.said}`);
    await form.status.getByText("Your text is still here.").waitFor();
    assert.equal(await form.reply.inputValue(), "Keep me and my file.");
    assert.deepEqual(await form.chosen.locator(".fw-files__name").allTextContents(), ["log.txt"]);
    assert.equal(await form.sent.textContent(), "");
    assert.equal((await sandbox.arrived("whmcs")).length, before, "nothing was stored");
  });
}
