// Replies to a Mijn Klantportaal ticket the host names: the user's text arrives in the sandbox as
// escaped HTML paragraphs, the ticket's thread comes back and is shown as text only (a hostile
// thread runs nothing), and each refusal shows its sentence with the help desk's own words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { openReply } from "../lib/widget.js";
import { TOKEN } from "../lib/sandbox.js";

const env = useWidget();

const BASE = "/api/klantportaal/v1";
const EXAMPLE = "tic_abc12345def678";
const HOSTILE = "tic_hostile000001";

/** Opens a host page whose widget replies to `ticket` and opens its dialog. */
function replyTo(ticket, { token = TOKEN } = {}) {
  return openReply(env.page, env.sandbox.url, {
    ticket,
    attributes: `data-backend="klantportaal" data-api-base="${BASE}" data-ticket-id="${ticket}" data-token="${token}"`,
  });
}

/** The requests the page sends to the Klantportaal endpoint, with their bodies and headers. */
function recordRequests(page) {
  const requests = [];
  page.on("request", (request) => {
    if (request.url().includes(`${BASE}/`)) {
      requests.push({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() });
    }
  });
  return requests;
}

test("a reply arrives as escaped HTML paragraphs and the thread comes back", async () => {
  const { page, sandbox } = env;
  const requests = recordRequests(page);
  const form = await replyTo(EXAMPLE);
  const text = "Please check <b>invoice</b> 42 & \"43\".\n\nThanks, Ann";
  await form.reply.fill(text);
  await form.send.click();
  await form.sent.getByText(`Your reply was added to ticket ${EXAMPLE}.`).waitFor();

  const [arrived] = await sandbox.arrived("klantportaal");
  assert.equal(arrived.ticketId, EXAMPLE);
  assert.equal(
    arrived.message,
    "<p>Please check &lt;b&gt;invoice&lt;/b&gt; 42 &amp; &quot;43&quot;.</p><p>Thanks, Ann</p>",
  );
  assert.equal(arrived.isPostedByCustomer, true);
  assert.equal(arrived.user, "demo", "the data-token signed the request");
  assert.equal(requests.length, 1);
  assert.equal(requests[0].method, "POST");
  assert.equal(requests[0].url, `${sandbox.url}${BASE}/tickets/${EXAMPLE}`);
  assert.equal(requests[0].headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(JSON.parse(requests[0].body), { message: arrived.message });

  const thread = form.dialog.locator(".fw-thread");
  assert.equal(await thread.getByRole("heading").textContent(), "Conversation");
  const messages = thread.locator(".fw-thread__message");
  assert.equal(await messages.count(), 3, "the two seeded messages and the new one");
  const first = messages.nth(0);
  assert.equal(await first.locator(".fw-thread__author").textContent(), "John Appleseed");
  assert.equal(await first.locator("time").getAttribute("datetime"), "2024-04-29T21:00:00+02:00");
  assert.match(await first.locator("time").textContent(), /2024/, "the time is shown as a date");
  assert.equal(await first.locator(".fw-thread__text").textContent(), "Hello, help me with my invoice please");
  assert.deepEqual(await first.locator(".fw-thread__files li").allTextContents(), ["Screenshot.png 1.2 KB"]);
  assert.equal(
    await messages.nth(1).locator(".fw-thread__text").textContent(),
    "Thanks, John. Which invoice number is it about?",
  );
  assert.equal(await messages.nth(1).locator(".fw-thread__files").count(), 0, "no attachments, no list");
  const mine = messages.nth(2);
  assert.equal(await mine.locator(".fw-thread__author").textContent(), "demo");
  assert.equal(await mine.locator("time").getAttribute("datetime"), arrived.postedAt);
  assert.equal(
    await mine.locator(".fw-thread__text").textContent(),
    "Please check <b>invoice</b> 42 & \"43\".\nThanks, Ann",
    "the user's own words come back as they typed them",
  );

  assert.equal(await form.reply.inputValue(), "", "the box empties for the next reply");
  assert.equal(await form.live.textContent(), `Your reply was added to ticket ${EXAMPLE}.`);
  assert.deepEqual(await page.evaluate(() => window.replied), [
    { channel: "", backend: "klantportaal", ticketId: EXAMPLE },
  ]);
});

test("a hostile thread is shown as text and runs nothing", async () => {
  const { page, sandbox } = env;
  await page.addInitScript(() => {
    window.alert = () => {
      window.__pwned = "alert";
    };
  });
  const form = await replyTo(HOSTILE);
  await form.reply.fill("Is this safe?");
  await form.send.click();
  await form.sent.getByText(`Your reply was added to ticket ${HOSTILE}.`).waitFor();
  // An image's onerror would fire after loading fails; give it the time.
  await page.waitForTimeout(500);

  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "no script ran");
  const elements = await page.evaluate(() =>
    document.querySelector("feedback-widget").shadowRoot.querySelector(".fw-thread")
      .querySelectorAll("img, script, iframe, object, a, i, b").length,
  );
  assert.equal(elements, 0, "no element came from the thread's HTML");
  const hostile = form.dialog.locator(".fw-thread__message").first();
  assert.equal(await hostile.locator(".fw-thread__author").textContent(), "<i>Mallory</i>");
  assert.equal(await hostile.locator(".fw-thread__text").textContent(), "Visible words");
  assert.equal(await hostile.locator(".fw-thread__file").textContent(), "<img src=x onerror=alert(1)>.png");
  assert.equal(await hostile.locator(".fw-thread__size").textContent(), "2 KB");
  const [arrived] = await sandbox.arrived("klantportaal");
  assert.equal(arrived.ticketId, HOSTILE);
  assert.equal(arrived.message, "<p>Is this safe?</p>");
});

const refusals = {
  "a wrong token": {
    ticket: EXAMPLE,
    token: "wrong-token",
    sentence: "The help desk did not accept this site's sign-in, so your reply was not sent.",
    code: "unauthenticated",
    said: "Unauthenticated.",
  },
  "an unknown ticket": {
    ticket: "tic_doesnotexist0",
    token: TOKEN,
    sentence: "The help desk did not find this ticket, so your reply was not sent.",
    code: "not_found",
    said: "Ticket not found.",
  },
};

for (const [name, refusal] of Object.entries(refusals)) {
  test(`${name} shows the help desk's answer and keeps the text`, async () => {
    const { page, sandbox } = env;
    const before = (await sandbox.arrived("klantportaal")).length;
    const form = await replyTo(refusal.ticket, { token: refusal.token });
    await form.reply.fill("This must not be lost.");
    await form.send.click();
    await form.status.getByText(refusal.sentence).waitFor();
    assert.equal(await form.status.locator(".fw-status__server").textContent(), `The service said: ${refusal.said}`);
    await form.status.getByText("Your text is still here.").waitFor();
    assert.equal(await form.reply.inputValue(), "This must not be lost.");
    assert.equal(await form.sent.textContent(), "", "no success line");
    assert.equal(await form.dialog.locator(".fw-thread").count(), 0);
    assert.equal(await form.live.textContent(), `${refusal.sentence} Your text is still here.`);
    assert.equal((await sandbox.arrived("klantportaal")).length, before, "nothing was stored");
    const errors = await page.evaluate(() => window.errors);
    assert.deepEqual(errors.map((e) => e.code), [refusal.code]);
    assert.ok(!JSON.stringify(errors).includes(TOKEN), "the token is in no event");
  });
}

test("a blank reply is refused in the form and never posted", async () => {
  const { page, sandbox } = env;
  const requests = recordRequests(page);
  const before = (await sandbox.arrived("klantportaal")).length;
  const form = await replyTo(EXAMPLE);
  const errors = form.dialog.locator("#fw-reply-errors li");
  assert.equal(await errors.count(), 0, "no complaint before trying");
  await form.reply.fill("  \n\n  ");
  await form.send.click();
  assert.deepEqual(await errors.allTextContents(), ["Fill in the message."]);
  assert.equal(await form.reply.getAttribute("aria-invalid"), "true");
  await form.send.click();
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], "nothing was posted");
  assert.equal((await sandbox.arrived("klantportaal")).length, before);

  // Typing words clears the complaint, and the reply goes out.
  await form.reply.fill("Now with words.");
  assert.equal(await errors.count(), 0);
  await form.send.click();
  await form.sent.getByText(`Your reply was added to ticket ${EXAMPLE}.`).waitFor();
  assert.equal(requests.length, 1);
});

test("the help desk's 422 reaches the user beside the message box", async () => {
  const { page, sandbox } = env;
  const body = {
    message: "The message field is required.",
    errors: { message: ["The message field is required."] },
  };
  await page.route(`**${BASE}/tickets/*`, (route) =>
    route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify(body) }),
  );
  const before = (await sandbox.arrived("klantportaal")).length;
  const form = await replyTo(EXAMPLE);
  await form.reply.fill("The server will say this is empty.");
  await form.send.click();
  await form.status.getByText("The service did not accept some fields. Check the marked fields.").waitFor();
  assert.deepEqual(
    await form.dialog.locator("#fw-reply-errors li").allTextContents(),
    ["The message field is required."],
  );
  assert.equal(await form.reply.getAttribute("aria-invalid"), "true");
  await form.status.getByText("Your text is still here.").waitFor();
  assert.equal(await form.reply.inputValue(), "The server will say this is empty.");
  assert.equal((await sandbox.arrived("klantportaal")).length, before, "the route answered, not the sandbox");
});
