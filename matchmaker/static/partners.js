// Partners page: answer ("Interested", "No thanks", "Undo") without leaving the place in the list.
// Progressive enhancement: without this file the same forms post and the server redirects back to
// the row's anchor. With it, the form is posted with fetch, the page the server redirects to is read,
// and only the row (and the tab counts) are replaced in place.
(() => {
  "use strict";

  const swap = (doc, id, row) => {
    const fresh = doc.getElementById(id);
    if (fresh) {
      row.replaceWith(document.importNode(fresh, true));
    } else {
      row.remove();
    }
    const tabs = doc.getElementById("partner-tabs");
    const here = document.getElementById("partner-tabs");
    if (tabs && here) here.replaceWith(document.importNode(tabs, true));
    const moved = document.getElementById(id);
    if (moved) {
      const button = moved.querySelector("button") || moved.querySelector("a");
      if (button) button.focus({ preventScroll: true });
    }
  };

  document.addEventListener("submit", async (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.inplace) return;
    const row = document.getElementById(form.dataset.inplace);
    if (!row) return;
    ev.preventDefault();
    form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      swap(doc, form.dataset.inplace, row);
    } catch (err) {
      form.submit(); // let the browser do it the plain way (and show any error page)
    }
  });
})();
