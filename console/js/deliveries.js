// Where a post goes, and, since a post to several channels is published on each on its own, where it
// stands on each (published with its link, not published and why, or in doubt).

import { api } from "./config.js";
import { h } from "./dom.js";
import { safeHref } from "./layout.js";
import { deliveryLabel, listOf } from "./text.js";

/** id → every channel ({id, name, kind, maxCharacters?}, GET /channels); empty if they cannot be read, and ids stand in. */
export async function channelsById() {
  try {
    const answer = await api("/channels");
    return new Map((answer.items || []).map((c) => [c.id, c]));
  } catch {
    return new Map();
  }
}

/** The post's channels in words ("News desk and Library"), named from `channels` (channelsById). */
export function whereItGoes(post, channels) {
  return listOf((post.channels || [post.channel]).map((id) => channels.get(id)?.name || id));
}

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
