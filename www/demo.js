// The help-desk switch of the demo's help-desk page (helpdesks.html): it points the widget at one of the help desks the sandbox
// plays, through the widget's JS API, as a host page would.
(() => {
  const desks = {
    klantportaal: ["klantportaal", { apiBase: "/api/klantportaal/v1", ticketId: "tic_abc12345def678" }],
    hostile: ["klantportaal", { apiBase: "/api/klantportaal/v1", ticketId: "tic_hostile000001" }],
    series: ["series", { apiBase: "/api/series", ticketId: "TICKET-1234567890-ABCD", staffUserId: 987654321 }],
    unclaimed: ["series", { apiBase: "/api/series", ticketId: "TICKET-1234567890-OPEN", staffUserId: 987654321 }],
    whmcs: ["whmcs", { apiBase: "/api/whmcs/api/AddTicketReply", ticketId: 1, contactId: 1 }],
  };
  const select = document.getElementById("demo-backend");
  select.value = "";
  select.addEventListener("change", () => {
    const desk = desks[select.value];
    if (desk) FeedbackWidget.setBackend(...desk);
    else FeedbackWidget.setBackend(null);
  });
  document.getElementById("demo-open").addEventListener("click", () => FeedbackWidget.open());
})();
