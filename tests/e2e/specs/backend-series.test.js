// Replies to a Series ticket as the staff member the host names: the reply arrives with its
// content and staff user id, signed by the apikey header alone; each of the document's errors
// shows its sentence and Series's own words with the text kept; and the widget keeps within the
// documented 25 requests a second per key.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { openHost, HELPDESKS } from "../lib/host.js";
import { openReply } from "../lib/widget.js";
import { TOKEN } from "../lib/sandbox.js";

const env = useWidget();

const BASE = "/api/series";
const CLAIMED = "TICKET-1234567890-ABCD";
const GAME_REPORT = "TICKET-1234567890-GAME";
const UNCLAIMED = "TICKET-1234567890-OPEN";
const STAFF = 987654321;

/** The attributes of a widget that replies to `ticket` on Series. */
function attributes({ ticket = CLAIMED, staff = STAFF, key = TOKEN } = {}) {
  return `data-backend="series" data-api-base="${BASE}" data-ticket-id="${ticket}" data-staff-user-id="${staff}" data-token="${key}"`;
}

/** Opens a host page whose widget replies to a Series ticket and opens its dialog. */
function replyTo(options = {}) {
  return openReply(env.page, env.sandbox.url, {
    ticket: options.ticket ?? CLAIMED,
    attributes: attributes(options),
  });
}

/** The POSTs the page sends to Series, with their headers and bodies. */
function recordRequests(page) {
  const requests = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes(`${BASE}/`)) {
      requests.push({ url: request.url(), headers: request.headers(), body: request.postData() });
    }
  });
  return requests;
}

test("a staff reply to the claimed ticket arrives, signed by the apikey header only", async () => {
  const { page, sandbox } = env;
  const requests = recordRequests(page);
  const form = await replyTo();
  await form.reply.fill("  I'll help you with your ranking. Please join the training center.  ");
  await form.send.click();
  await form.sent.getByText(`Your reply was added to ticket ${CLAIMED}.`).waitFor();

  const [arrived] = await sandbox.arrived("series");
  assert.equal(arrived.ticketId, CLAIMED);
  assert.equal(arrived.content, "I'll help you with your ranking. Please join the training center.");
  assert.equal(arrived.staffUserId, STAFF);
  assert.equal(arrived.type, "staff_message");
  assert.equal(arrived.user, "demo", "the key of the data-token signed it");
  assert.equal(requests.length, 1);
  assert.equal(requests[0].url, `${sandbox.url}${BASE}/tickets/${CLAIMED}/reply`);
  assert.equal(requests[0].headers.apikey, TOKEN);
  assert.equal(requests[0].headers.authorization, undefined, "no Authorization header");
  assert.deepEqual(JSON.parse(requests[0].body), { content: arrived.content, staffUserId: STAFF });
  assert.equal(await form.reply.inputValue(), "");
  assert.equal(await form.dialog.locator(".fw-thread").count(), 0, "Series sends no thread back");
  assert.deepEqual(await page.evaluate(() => window.replied), [
    { channel: "", backend: "series", ticketId: CLAIMED },
  ]);
});

const UNAUTHENTICATED = "The help desk did not accept this site's sign-in, so your reply was not sent.";
const FORBIDDEN = "The help desk does not allow this site to reply to this ticket, so your reply was not sent.";
const NOT_FOUND = "The help desk did not find this ticket, so your reply was not sent.";
const REFUSED = "The help desk did not accept your message, so it was not sent.";

const refusals = {
  "an invalid API key (401)": {
    options: { key: "not-a-key" },
    sentence: UNAUTHENTICATED,
    code: "unauthenticated",
    said: "Invalid API key",
  },
  "a Free plan's key (403)": {
    options: { key: "free-plan-key" },
    sentence: FORBIDDEN,
    code: "forbidden",
    said: "Tickets module requires a Premium or Enterprise subscription",
  },
  "an unknown ticket (404)": {
    options: { ticket: "TICKET-0000000000-NONE" },
    sentence: NOT_FOUND,
    code: "not_found",
    said: "Ticket not found",
  },
  "a game report (403)": {
    options: { ticket: GAME_REPORT },
    sentence: FORBIDDEN,
    code: "forbidden",
    said: "Cannot reply to game reports",
  },
  "an unclaimed ticket (400)": {
    options: { ticket: UNCLAIMED },
    sentence: REFUSED,
    code: "refused",
    said: "You must claim this ticket before replying",
  },
  "a ticket another staff member claimed (400)": {
    options: { staff: 123 },
    sentence: REFUSED,
    code: "refused",
    said: "You must claim this ticket before replying",
  },
};

for (const [name, refusal] of Object.entries(refusals)) {
  test(`${name} shows Series's words and keeps the text`, async () => {
    const { page, sandbox } = env;
    const before = (await sandbox.arrived("series")).length;
    const form = await replyTo(refusal.options);
    await form.reply.fill("Keep this reply.");
    await form.send.click();
    await form.status.getByText(refusal.sentence).waitFor();
    assert.equal(await form.status.locator(".fw-status__server").textContent(), `The service said: ${refusal.said}`);
    await form.status.getByText("Your text is still here.").waitFor();
    assert.equal(await form.reply.inputValue(), "Keep this reply.");
    assert.equal(await form.sent.textContent(), "");
    assert.equal((await sandbox.arrived("series")).length, before, "nothing was stored");
    assert.deepEqual((await page.evaluate(() => window.errors)).map((e) => e.code), [refusal.code]);
    assert.deepEqual(await page.evaluate(() => window.replied), []);
  });
}

test("a 429 with Retry-After names the wait and keeps the text", async () => {
  const { page } = env;
  let answered = 0;
  await page.route(`**${BASE}/tickets/*/reply`, (route) => {
    answered += 1;
    return route.fulfill({
      status: 429,
      headers: { "retry-after": "7" },
      contentType: "application/json",
      body: JSON.stringify({ success: false, error: { code: 429, message: "Too many requests" } }),
    });
  });
  const form = await replyTo();
  await form.reply.fill("Not too fast.");
  await form.send.click();
  await form.status.getByText("Too many messages in a short time. You can send again in 0:07.").first().waitFor();
  await form.status.getByText("Your text is still here.").waitFor();
  assert.equal(await form.reply.inputValue(), "Not too fast.");
  assert.equal(await form.sent.textContent(), "");
  assert.equal(answered, 1);
  // Until the wait is over, Send is held back, also after typing.
  await form.reply.fill("Not too fast, really.");
  assert.equal(await form.send.getAttribute("aria-disabled"), "true");
  // Forced: Playwright itself waits for an aria-disabled button to be enabled.
  await form.send.click({ force: true });
  await page.waitForTimeout(300);
  assert.equal(answered, 1, "nothing was sent during the wait");
  await form.status.getByText(/You can send again in 0:0[56]\./).first().waitFor();
});

test("thirty replies at once go out at most 25 in any second", async () => {
  const { page, sandbox } = env;
  const count = 30;
  // Thirty widgets on one page reply through the same key; each sends when its form is
  // submitted. The page notes when each request is handed to fetch and when its answer is in.
  await page.addInitScript(() => {
    window.sentAt = [];
    window.answeredAt = [];
    const fetch = window.fetch;
    window.fetch = function (...args) {
      const url = String(args[0]?.url ?? args[0]);
      if (!url.endsWith("/reply")) return fetch.apply(this, args);
      const n = window.sentAt.push(performance.now()) - 1;
      const done = () => (window.answeredAt[n] = performance.now());
      return fetch.apply(this, args).then(
        (response) => (done(), response),
        (error) => {
          done();
          throw error;
        },
      );
    };
  });
  const tags = Array.from({ length: count }, (_, n) =>
    `<script src="${HELPDESKS}" defer data-position="none" data-channel="w${n}" ${attributes()}></script>`,
  ).join("\n");
  const answers = [];
  page.on("response", (response) => response.url().endsWith("/reply") && answers.push(response.status()));
  const before = (await sandbox.arrived("series")).length;
  await openHost(page, sandbox.url, `<!doctype html><html lang="en"><head><title>Many</title></head><body>${tags}</body></html>`);
  await page.waitForFunction((count) => window.FeedbackWidget?.all?.length === count, count);
  await page.evaluate(() => Promise.all(FeedbackWidget.all.map((widget) => widget.ready)));
  // Each widget builds its form while the page is idle after mounting.
  await page.waitForFunction(
    (count) => [...document.querySelectorAll("feedback-widget")].filter((host) => host.shadowRoot.querySelector("#fw-reply")).length === count,
    count,
  );
  await page.evaluate(() => {
    const roots = [...document.querySelectorAll("feedback-widget")].map((host) => host.shadowRoot);
    roots.forEach((root, n) => {
      const area = root.querySelector("#fw-reply");
      area.value = `Reply number ${n}`;
      area.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    });
    for (const root of roots) root.querySelector("form").requestSubmit();
  });
  await page.waitForFunction((count) => window.sentAt.length === count, count);
  await page.waitForFunction((count) => {
    const roots = [...document.querySelectorAll("feedback-widget")].map((host) => host.shadowRoot);
    return roots.filter((root) => root.querySelector(".fw-reply__sent").textContent || root.querySelector(".fw-status--error")).length === count;
  }, count);

  const { sentAt, answeredAt } = await page.evaluate(() => ({ sentAt: window.sentAt, answeredAt: window.answeredAt }));
  assert.equal(sentAt.length, count, "every reply was sent");
  // The help desk counts each request from when it arrives, which is before its answer is in and
  // after it was sent, however long the browser queued it. So when a request goes out, at most 24
  // of the ones before it may be on their way or answered less than a second before.
  for (let n = 0; n < count; n++) {
    const counting = sentAt
      .slice(0, n)
      .filter((_, m) => !(answeredAt[m] <= sentAt[n] - 1000)).length;
    assert.ok(counting < 25, `request ${n + 1} went out while ${counting} others counted`);
  }
  // The first 25 were not held back: holding one back would keep it a second after an answer.
  assert.ok(sentAt[24] - sentAt[0] < 1000, `the first 25 were not held back (${sentAt[24] - sentAt[0]} ms)`);
  // The sandbox, which counts from each request's arrival, took every one, each once.
  const all = await sandbox.arrived("series");
  const arrived = all.slice(0, all.length - before);
  assert.deepEqual(answers.filter((status) => status !== 200), [], "no reply was refused");
  assert.equal(arrived.length, count);
  assert.equal(new Set(arrived.map((reply) => reply.content)).size, arrived.length);
  const outcomes = await page.evaluate(() =>
    [...document.querySelectorAll("feedback-widget")].map((host) => {
      const root = host.shadowRoot;
      return root.querySelector(".fw-reply__sent").textContent || root.querySelector(".fw-status__text").textContent;
    }),
  );
  assert.equal(outcomes.filter((text) => text === `Your reply was added to ticket ${CLAIMED}.`).length, arrived.length);
  for (const text of outcomes.filter((text) => !text.startsWith("Your reply"))) {
    assert.match(text, /^Too many messages in a short time\. You can send again in 0:01\.$/);
  }
});
