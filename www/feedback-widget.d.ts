// Types for window.FeedbackWidget, the API that feedback-widget.js and feedback-widget-helpdesks.js
// define, and for init(), the npm package's ES module (feedback-widget.mjs and
// feedback-widget-helpdesks.mjs), which defines the same.

export type FeedbackEventName = "open" | "close" | "submitted" | "replied" | "error";

/** What went wrong, in `feedback:error`'s `detail.code`:
 * - `config`: an attribute or an API call the widget can't use (the message says which);
 * - `mount`: the widget could not be shown;
 * - `crash`: the widget stopped working (the host page goes on);
 * - a failed ticket or reply: `invalid` (422), `unauthenticated` (401), `forbidden` (403),
 *   `not_found` (404), `refused` (a help desk's refusal, such as a 400), `rate_limited` (429),
 *   `too_many_sent` (the widget's own count of tickets in five minutes), `server` (5xx),
 *   `gateway` (502 or 504: it may have arrived), `offline`, `blocked_or_network` (no answer: an
 *   ad blocker, an unreachable service or a dropped connection), `timeout`, and `unreadable` (an
 *   answer that says neither success nor a known error). */
export type FeedbackErrorCode =
  | "config"
  | "mount"
  | "crash"
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "refused"
  | "rate_limited"
  | "too_many_sent"
  | "server"
  | "gateway"
  | "offline"
  | "blocked_or_network"
  | "timeout"
  | "unreadable";

export interface FeedbackEventDetail {
  /** The channel of the widget that sent the event. */
  channel: string;
  /** `submitted`: the ticket's id and number (null when the server gave none). */
  id?: number;
  ticketNumber?: string | null;
  /** `replied`: the backend and the ticket the help desk confirmed a reply to. */
  backend?: FeedbackBackend;
  ticketId?: string;
  /** `error`: a stable code and an English message. Never the token. */
  code?: FeedbackErrorCode;
  message?: string;
}

export interface FeedbackPrefill {
  subject?: string;
  message?: string;
  /** 1 to 5 stars. */
  rating?: number;
  type?: "bug" | "suggestion" | "other";
  priority?: "low" | "normal" | "high" | "urgent";
}

/** The help desks a widget can reply through. feedback-widget.js has only "default"; the others
 * are in feedback-widget-helpdesks.js. */
export type FeedbackBackend = "default" | "klantportaal" | "series" | "whmcs";

/** The ticket replies go to, and who they are from. */
export interface FeedbackTicket {
  ticketId: string | number;
  /** series: the staff member replying. */
  staffUserId?: number | string;
  /** whmcs: the contact to file the reply under. */
  contactId?: number | string;
  /** whmcs: a name and email for a reply from neither an admin nor a client. */
  name?: string;
  email?: string;
  /** whmcs: render the reply as markdown. */
  markdown?: boolean;
  /** The help desk's API base; default: the one replies went to so far, else data-api-base. */
  apiBase?: string;
}

export interface FeedbackWidgetApi {
  /** The widget's API base and channel, which tell widgets apart. */
  readonly key: string;
  /** Resolves once the widget is loaded and mounted; rejects when it can't start. */
  readonly ready: Promise<FeedbackWidgetApi>;
  open(prefill?: FeedbackPrefill): void;
  close(): void;
  /** A token, a function that returns one (or a promise of one) before each request, or null.
   * Returns false, and reports an error event, for a string that can't go into a header (only
   * visible ASCII can); the old token stays. */
  setToken(token: string | null | (() => string | Promise<string>)): boolean | void;
  /** Returns false, and reports an error event, for a key over 100 characters. */
  setToolKey(key: string | null): boolean | void;
  /** "en" or "nl". */
  setLocale(locale: string): boolean | void;
  /** Texts in place of the built-in ones, by key; replaces earlier labels. */
  setLabels(labels: Record<string, string>): boolean | void;
  /** Replies go through `backend` to `ticket` (the current ticket when left out); null goes back to
   * the form for new tickets. Returns false, and reports an error event, when refused (also for a
   * help desk this build does not have). */
  setBackend(backend: FeedbackBackend | null, ticket?: FeedbackTicket | string | number): boolean | void;
  /** Replies go to another ticket through the current backend. */
  setTicket(ticket: FeedbackTicket | string | number): boolean | void;
  on(event: FeedbackEventName, handler: (detail: FeedbackEventDetail) => void): void;
  off(event: FeedbackEventName, handler: (detail: FeedbackEventDetail) => void): void;
}

export interface FeedbackWidgetRoot extends FeedbackWidgetApi {
  /** Every widget on the page, the first being window.FeedbackWidget itself. */
  readonly all: FeedbackWidgetApi[];
}

/** What init() takes: the script tag's data-* attributes as camelCase keys (`data-api-base` is
 * `apiBase`), with labels as an object. Each key's default is the attribute's. */
export interface FeedbackWidgetOptions {
  /** The API's base URL (required). A path such as "/api" is relative to the page. */
  apiBase: string;
  /** The channel slug tickets go to (at most 50 characters); required unless `backend` is set. */
  channel?: string;
  /** Sent as `tool_key` with every ticket (at most 100 characters). */
  toolKey?: string;
  /** Sent as `Authorization: Bearer …`, a function that returns one before each request, or null;
   * passed to setToken(), never stored, logged or put into the DOM. */
  token?: string | null | (() => string | Promise<string>);
  /** "en" or "nl". Default: the page's `<html lang>`, else English. */
  locale?: string;
  /** Keep the query string in the `page` sent with a ticket. Default: false. */
  keepQuery?: boolean;
  /** Where the button sits; "none" for no button. Default: "bottom-right". */
  position?: "bottom-right" | "bottom-left" | "none";
  /** Clicks on elements matching this CSS selector open the form. */
  openSelector?: string;
  /** Default: "light". */
  theme?: "light" | "dark" | "auto";
  /** Texts in place of the built-in ones, by key. */
  labels?: Record<string, string>;
  /** When the glue and wasm load: "idle" (default, or at intent if sooner) or "intent" only. */
  preload?: "idle" | "intent";
  /** Replies into a ticket instead of new tickets (the others than "default" are in the
   * "/helpdesks" entry). */
  backend?: FeedbackBackend;
  ticketId?: string | number;
  staffUserId?: string | number;
  contactId?: string | number;
  replyName?: string;
  replyEmail?: string;
  markdown?: boolean;
}

/** Shows the widget the options configure and returns its API, the same object as
 * window.FeedbackWidget (for the page's first widget) with the same queue, events and `ready`.
 * Only the small module itself runs now: the glue and wasm load at intent or idle. A second call
 * for the same API base and channel returns the first one's widget and changes nothing. */
export declare function init(options: FeedbackWidgetOptions): FeedbackWidgetApi;

declare global {
  interface Window {
    FeedbackWidget: FeedbackWidgetRoot;
  }
  interface WindowEventMap {
    "feedback:open": CustomEvent<FeedbackEventDetail>;
    "feedback:close": CustomEvent<FeedbackEventDetail>;
    "feedback:submitted": CustomEvent<FeedbackEventDetail>;
    "feedback:replied": CustomEvent<FeedbackEventDetail>;
    "feedback:error": CustomEvent<FeedbackEventDetail>;
  }
}
