// The language menu and the link to the other view keep the reader's paragraph: on the way out,
// each link gets the ID of the paragraph (or side-by-side row, or heading) at the top of the screen
// as its fragment. Paragraph IDs are the same in both languages and both views (see README.md).
(() => {
  "use strict";
  const LINKS = "a.md-select__link[hreflang], a[data-keep-paragraph]";
  // What carries a paragraph ID: any element with an ID except a translator's note and its numbered
  // reference (English only, so never a place on the twin page).
  const BLOCK = "[id]:not([id^='fnref:']):not(.footnote):not(.footnote [id])";

  // The first element with a block ID and no block ID inside it that reaches below the line where the browser
  // puts a linked paragraph (Material's scroll margin for :target, 3.6rem), so that switching back
  // and forth never drifts to the paragraph above. The browser puts it there to a fraction of a pixel
  // (side-by-side rows touch: the row above ends where the linked one starts), hence the SLACK.
  const SLACK = 2; // px
  function topParagraph() {
    if (window.scrollY < 1) return "";
    const header = document.querySelector(".md-header");
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const line = Math.max(header ? header.getBoundingClientRect().bottom : 0, 3.6 * rem) + SLACK;
    for (const el of document.querySelectorAll(`article ${BLOCK}`)) {
      if (!el.querySelector(BLOCK) && el.getBoundingClientRect().bottom > line) return el.id;
    }
    return "";
  }

  function keepParagraph(event) {
    const link = event.target instanceof Element ? event.target.closest(LINKS) : null;
    if (!link) return;
    const url = new URL(link.href);
    url.hash = topParagraph();
    link.href = url.href;
    // Material's own language handler would send the reader to the twin page's top.
    if (event.type === "click") event.stopPropagation();
  }

  for (const type of ["click", "auxclick", "pointerdown", "focusin", "contextmenu"])
    document.addEventListener(type, keepParagraph, true);

  // Material's search dialog has no accessible name of its own: give it the search field's.
  const dialog = document.querySelector(".md-search[role=dialog]");
  const field = dialog && dialog.querySelector("input[aria-label]");
  if (field && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
})();
