// Progressive enhancement only: every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  // Sector picker: filter the long NACE list as you type (any language, code or words).
  const fold = (s) => s.toLocaleLowerCase("az").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/ə/g, "e").replace(/ı/g, "i").replace(/ё/g, "е");
  document.querySelectorAll("input.sector-filter").forEach((input) => {
    const select = document.getElementById(input.dataset.target);
    if (!select) return;
    input.addEventListener("input", () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      for (const opt of select.options) {
        const text = fold(opt.textContent);
        opt.hidden = !(opt.selected || words.every((w) => text.includes(w)));
      }
    });
  });
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
  // Confirm destructive actions.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (ev) => { if (!window.confirm(el.dataset.confirm)) ev.preventDefault(); });
  });
});
