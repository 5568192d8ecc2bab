// Sentry's feedback widget in its smallest npm setup: the browser SDK with no default
// integrations and only the feedback integration. The DSN points at the benchmark's own server.
import { init, feedbackIntegration } from "@sentry/browser";

init({
  dsn: window.SENTRY_DSN,
  defaultIntegrations: false,
  integrations: [feedbackIntegration({ colorScheme: "light" })],
});
