// The profile's sector picker (progressive enhancement). Without this script the field is a plain
// multi-select. With it: a search box (any language, a product or an activity, or a code) asking
// /companies/sectors.json, a list of matches to choose from with the mouse or the keyboard, and the
// chosen activities with a remove button each. The hidden multi-select stays the form's field.
(() => {
  "use strict";

  const fill = (template, value) => template.replace("{}", value);

  function setUp(box) {
    const select = box.querySelector("select");
    const label = box.querySelector("label");
    const hint = box.querySelector(".hint");
    if (!select || !label) return;
    const ds = box.dataset;
    const base = select.id;

    const chosenTitle = document.createElement("p");
    chosenTitle.className = "sector-chosen-title";
    chosenTitle.id = `${base}-chosen-title`;
    chosenTitle.textContent = ds.chosen;
    const chosen = document.createElement("ul");
    chosen.className = "sector-chosen";
    chosen.setAttribute("aria-labelledby", chosenTitle.id);

    const input = document.createElement("input");
    input.type = "search";
    input.id = `${base}-search`;
    input.className = "sector-search";
    input.autocomplete = "off";
    input.placeholder = ds.placeholder;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${base}-results`);
    if (hint) input.setAttribute("aria-describedby", hint.id);

    const results = document.createElement("ul");
    results.id = `${base}-results`;
    results.className = "sector-results";
    results.setAttribute("role", "listbox");
    results.setAttribute("aria-label", label.textContent);
    results.hidden = true;

    const status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("role", "status");

    const titles = new Map([...select.options].map((o) => [o.value, o.textContent]));
    let items = [];
    let active = -1;
    let timer = 0;
    let pending = null;

    function renderChosen() {
      chosen.replaceChildren();
      const picked = [...select.options].filter((o) => o.selected);
      if (!picked.length) {
        const li = document.createElement("li");
        li.className = "muted";
        li.textContent = ds.noneChosen;
        chosen.append(li);
      }
      for (const opt of picked) {
        const li = document.createElement("li");
        li.className = "sector-chip";
        const text = document.createElement("span");
        text.textContent = opt.textContent;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "linklike";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `${ds.remove}: ${opt.textContent}`);
        remove.addEventListener("click", () => {
          opt.selected = false;
          status.textContent = fill(ds.removed, opt.textContent);
          renderChosen();
          input.focus();
        });
        li.append(text, remove);
        chosen.append(li);
      }
    }

    function close() {
      results.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      const options = results.querySelectorAll("[role=option]");
      options.forEach((o, j) => o.setAttribute("aria-selected", String(j === i)));
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(code) {
      const opt = [...select.options].find((o) => o.value === code);
      if (!opt) return;
      opt.selected = true;
      status.textContent = fill(ds.added, opt.textContent);
      renderChosen();
      input.value = "";
      close();
      input.focus();
    }

    function renderResults() {
      results.replaceChildren();
      if (!items.length) {
        const li = document.createElement("li");
        li.className = "muted";
        li.textContent = ds.noMatch;
        results.append(li);
      }
      items.forEach((item, i) => {
        const li = document.createElement("li");
        li.id = `${base}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.code = item.code;
        li.textContent = titles.get(item.code) || `${item.code} ${item.title}`;
        li.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the focus in the box
        li.addEventListener("click", () => choose(item.code));
        results.append(li);
      });
      results.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(items.length ? 0 : -1);
    }

    async function search() {
      const q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      if (pending) pending.abort();
      pending = new AbortController();
      try {
        const url = `${ds.url}?q=${encodeURIComponent(q)}`;
        const response = await fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const data = await response.json();
        if (input.value.trim() !== q) return; // a newer query is on its way
        items = (data.items || []).filter((item) => titles.has(item.code));
        renderResults();
      } catch (err) {
        if (err.name !== "AbortError") close();
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (results.hidden) return;
        ev.preventDefault();
        const n = items.length;
        if (n) highlight((active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n);
      } else if (ev.key === "Enter") {
        if (!results.hidden && active >= 0 && items[active]) {
          ev.preventDefault(); // choosing, not submitting the form
          choose(items[active].code);
        } else if (!results.hidden) {
          ev.preventDefault();
        }
      } else if (ev.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));

    select.hidden = true;
    select.removeAttribute("aria-describedby");
    label.htmlFor = input.id;
    if (hint) hint.textContent = ds.hint;
    label.after(chosenTitle, chosen, input, results, status);
    box.classList.add("enhanced");
    renderChosen();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-sector-picker]").forEach(setUp);
  });
})();
