// A post to several channels is published on each on its own: where it stands on each (published with
// its link, not published and why, or in doubt), for the author's posts and the Needs attention page.

import { h } from "./dom.js";
import { safeHref } from "./layout.js";
import { deliveryLabel } from "./text.js";

/** The list of `deliveries` (from the API), each channel named by `nameOf(id)`. */
export function deliveriesList(deliveries, nameOf) {
  return h(
    "ul",
    { class: "deliveries", "aria-label": "On each channel" },
    deliveries.map((d) => {
      const href = d.state === "published" ? safeHref(d.url) : null;
      return h(
        "li",
        { class: `delivery delivery-${d.state}`, dataset: { channel: d.channel } },
        h("strong", { text: `${nameOf(d.channel)}: ` }),
        deliveryLabel(d.state),
        href ? [" · ", h("a", { href, rel: "noopener noreferrer", target: "_blank", text: "See it live" })] : null,
        d.error && d.state !== "published" ? h("span", { class: "user-text delivery-error", text: ` (${d.error})` }) : null,
      );
    }),
  );
}
