// Progressive enhancement only: every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  // Registration: show the new-firm fields only when "new firm" is chosen.
  const newFirm = document.querySelector(".new-firm");
  if (newFirm) {
    const radios = document.querySelectorAll("input[name=firm_choice]");
    const sync = () => {
      const checked = document.querySelector("input[name=firm_choice]:checked");
      newFirm.hidden = checked && checked.value === "join";
    };
    radios.forEach((r) => r.addEventListener("change", sync));
    sync();
  }
  // Booking: a new day or duration shows its free times at once (the button stays for no-JS).
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.querySelectorAll("select, input[type=date]").forEach((el) => {
      el.addEventListener("change", () => { if (!el.value) return; form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
  });
  // The header menu and the directory's filters are <details>: browsers that cannot style
  // ::details-content open them on a wide screen.
  if (!CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 641px)").matches) {
    document.querySelectorAll("details.menu, details.more-filters").forEach((d) => { d.open = true; });
  }
  // Confirm destructive actions.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (ev) => { if (!window.confirm(el.dataset.confirm)) ev.preventDefault(); });
  });
});
