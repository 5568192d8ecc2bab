// Types for window.FeedbackWidget, the API that feedback-widget.js defines.

export type FeedbackEventName = "open" | "close" | "submitted" | "error";

export interface FeedbackEventDetail {
  /** The channel of the widget that sent the event. */
  channel: string;
  /** `submitted`: the ticket's id and number (null when the server gave none). */
  id?: number;
  ticketNumber?: string | null;
  /** `error`: a stable code (config, load, mount, send, crash) and an English message. Never the token. */
  code?: string;
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

export interface FeedbackWidgetApi {
  /** The widget's API base and channel, which tell widgets apart. */
  readonly key: string;
  /** Resolves once the widget is loaded and mounted; rejects when it can't start. */
  readonly ready: Promise<FeedbackWidgetApi>;
  open(prefill?: FeedbackPrefill): void;
  close(): void;
  /** A token, a function that returns one (or a promise of one) before each request, or null. */
  setToken(token: string | null | (() => string | Promise<string>)): void;
  /** Returns false, and reports an error event, for a key over 100 characters. */
  setToolKey(key: string | null): boolean | void;
  /** "en" or "nl". */
  setLocale(locale: string): boolean | void;
  /** Texts in place of the built-in ones, by key; replaces earlier labels. */
  setLabels(labels: Record<string, string>): boolean | void;
  on(event: FeedbackEventName, handler: (detail: FeedbackEventDetail) => void): void;
  off(event: FeedbackEventName, handler: (detail: FeedbackEventDetail) => void): void;
}

export interface FeedbackWidgetRoot extends FeedbackWidgetApi {
  /** Every widget on the page, the first being window.FeedbackWidget itself. */
  readonly all: FeedbackWidgetApi[];
}

declare global {
  interface Window {
    FeedbackWidget: FeedbackWidgetRoot;
  }
  interface WindowEventMap {
    "feedback:open": CustomEvent<FeedbackEventDetail>;
    "feedback:close": CustomEvent<FeedbackEventDetail>;
    "feedback:submitted": CustomEvent<FeedbackEventDetail>;
    "feedback:error": CustomEvent<FeedbackEventDetail>;
  }
}
