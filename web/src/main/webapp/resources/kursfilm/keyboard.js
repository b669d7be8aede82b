// Enter on a link inside a PrimeFaces data table must follow the link. The table's own keydown
// handlers (sorting, row toggling, selection) take Enter and cancel it, so a keyboard user could
// not open a video from the catalogue. Stopped here, in the capture phase, before they see it; the
// browser's default action, following the link, still happens.
document.addEventListener(
  "keydown",
  function (event) {
    if (event.key === "Enter" && event.target.matches(".ui-datatable a[href]")) {
      event.stopPropagation();
    }
  },
  true
);
