// The widget through the npm package: init() takes the script tag's options as one typed object,
// and returns the same API as window.FeedbackWidget. Importing it costs the page only the small
// module; the glue and wasm, which Vite copies into the build beside the app's own files, load when
// the reader reaches for the widget (with preload "intent", only then).
import { init, type FeedbackEventDetail } from "feedback-widget";

const widget = init({
  apiBase: "/api",
  channel: "feedback",
  toolKey: "vite_app",
  // The sandbox's demo token. A real app gets its own, or lets a same-origin proxy add it.
  token: "demo-token",
  preload: "intent",
  labels: { intro: "What works for you, and what gets in your way?" },
});

document.querySelector<HTMLButtonElement>(".app-ask")!.addEventListener("click", () => widget.open({ type: "suggestion" }));

const sent = document.querySelector<HTMLUListElement>(".app-sent")!;
widget.on("submitted", (detail: FeedbackEventDetail) => {
  const item = document.createElement("li");
  item.textContent = detail.ticketNumber ?? `#${detail.id}`;
  sent.append(item);
});
