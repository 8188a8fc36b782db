// Registration: send the browser's time zone (an IANA name such as "Asia/Baku") with the form, so a
// new account shows times on its own clock. Without JavaScript the server uses the firm's country.
document.addEventListener("DOMContentLoaded", () => {
  const field = document.querySelector("input[name=timezone][type=hidden]");
  if (!field || field.value) return;
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    field.value = "";
  }
});
