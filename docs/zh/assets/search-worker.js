// Material's search, answered from Pagefind's index of this language (scripts/plugin/search.py).
//
// This module runs in the web worker that Material starts for its search: overrides/main.html gives
// Material a worker that imports it at the first query, so nothing is loaded before a reader searches.
// It speaks Material's worker protocol (a query in, the result items out: the blocks that matched,
// best first, those of one page in a row under its title), so Material keeps its look, keyboard and
// screen-reader behaviour. Each result is one block of the text and links to it: `part2/#part2-a1-p1`.
//
// A query is split the way its index was: in Chinese each Han character is a word of the index, so a
// word of the query (电信诈骗, 李春生) is its characters, and a result must hold them in a row
// (punctuation and spaces between them aside), which is what is highlighted; English words are
// Pagefind's (stemmed: drugs finds Drug Crime).

const RESULT = 3; // Material's message types: 1 ready, 2 query, 3 result (the stub in overrides/main.html)
const ZWS = "\u200b";
const META = "zqxj";
const SHOWN = 20; // results per query
const LOOKED_AT = 80; // candidate blocks whose text is fetched to find them
const BATCH = 10;
const EXCERPT = { zh: 90, en: 200 }; // characters of a block shown around its first match
const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})\p{L})+|\p{N}+/gu;

let pagefind = null;
let latest = 0;

// Material's worker protocol: answer each query; a later query makes an earlier answer moot.
export async function answer(query, post, site) {
  const id = ++latest;
  let items = [];
  try {
    items = await search(query, site);
  } catch (err) {
    console.error(`search: ${err}`);
  }
  if (id === latest) post({ type: RESULT, data: { items } });
}

function load(site) {
  pagefind ??= import(site.bundle + "pagefind.js").then(async (module) => {
    await module.options({ basePath: site.bundle, ranking: site.ranking });
    return module;
  });
  return pagefind;
}

// The words of a query: split at white space, without the punctuation around them.
export function words(query) {
  return query
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ""))
    .filter(Boolean);
}

// A word as its index holds it: in Chinese, each Han character, and letters and digits in runs.
function tokens(word, lang) {
  return lang === "zh" ? word.match(TOKEN) || [] : [word];
}

async function search(query, site) {
  const terms = words(query);
  const parts = terms.map((w) => tokens(w, site.lang));
  if (!parts.flat().length) return [];
  const pf = await load(site);
  const found = await pf.search(parts.flat().join(" "));
  // a word of several tokens must stand whole in the text: checked on the text itself
  const whole = terms.filter((w, i) => parts[i].length > 1);
  const hits = [];
  const candidates = found.results.filter((r) => r.words.length).slice(0, LOOKED_AT);
  for (let i = 0; i < candidates.length && hits.length < SHOWN; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const blocks = await Promise.all(batch.map((r) => r.data()));
    blocks.forEach((block, n) => {
      const hit = match(block, batch[n], terms, whole, site);
      if (hit && hits.length < SHOWN) hits.push(hit);
    });
  }
  return group(hits.sort((a, b) => b.score - a.score), terms, site);
}

// A block that matched: its text, marks and score, or null when a whole word is not in it.
function match(block, result, terms, whole, site) {
  const text = block.content.replaceAll(ZWS, "");
  const view = project(text);
  if (!whole.every((w) => occurrences(view, w).length)) return null;
  // Chinese: each word where it stands whole; English: the words Pagefind matched, and Chinese words whole
  const marks =
    site.lang === "zh"
      ? terms.flatMap((w) => occurrences(view, w))
      : terms.filter((w) => HAN.test(w)).flatMap((w) => occurrences(view, w)).concat(located(text, result.words));
  const meta = block.meta || {};
  const kind = unhex(meta.kind);
  return {
    url: block.raw_url || block.url, // the record's own URL (`url` has Pagefind's base prepended)
    score: result.score * (site.weights[kind] ?? 1),
    text,
    marks: merge(marks),
    page: unhex(meta.page),
    section: unhex(meta.section),
    heading: kind === "heading",
  };
}

// A value of a record's metadata, which scripts/plugin/search.py writes as META and its UTF-8 in hex,
// a word no query holds (Pagefind searches metadata too).
function unhex(value) {
  const bytes = (value || "").slice(META.length).match(/../g) || [];
  return new TextDecoder().decode(Uint8Array.from(bytes, (h) => parseInt(h, 16)));
}

// The text as words are compared: case and width folded, without punctuation and spaces; `at` maps
// each of its characters back to the text.
function project(text) {
  let plain = "";
  const at = [];
  for (let i = 0; i < text.length; i++) {
    for (const c of text[i].normalize("NFKC").toLowerCase()) {
      if (!/[\p{P}\s]/u.test(c)) {
        plain += c;
        at.push(i);
      }
    }
  }
  return { plain, at };
}

// Where a word stands in the text, as [start, end) of the text: its characters in a row, and a number
// not part of a longer one (13号 is not in 113号).
function occurrences(view, word) {
  const w = project(word).plain;
  const out = [];
  if (!w) return out;
  const digit = (s, i) => i >= 0 && i < s.length && /\p{N}/u.test(s[i]);
  for (let i = view.plain.indexOf(w); i >= 0; i = view.plain.indexOf(w, i + 1)) {
    const end = i + w.length;
    if (digit(w, 0) && digit(view.plain, i - 1)) continue;
    if (digit(w, w.length - 1) && digit(view.plain, end)) continue;
    out.push([view.at[i], view.at[end - 1] + 1]);
  }
  return out;
}

// The words Pagefind matched (by their position among the text's words), without their punctuation.
function located(text, positions) {
  const spans = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
  return positions
    .filter((p) => p < spans.length)
    .map((p) => {
      const [start, end] = spans[p];
      const word = text.slice(start, end);
      const lead = word.search(/[\p{L}\p{N}]/u);
      const tail = word.length - [...word].reverse().join("").search(/[\p{L}\p{N}]/u);
      return lead < 0 ? [start, end] : [start + lead, start + tail];
    });
}

function merge(marks) {
  const out = [];
  for (const [start, end] of marks.sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function escape(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function marked(text, marks, start = 0, end = text.length) {
  let out = "";
  let at = start;
  for (const [s, e] of marks) {
    if (e <= start || s >= end) continue;
    out += escape(text.slice(at, Math.max(s, start))) + `<mark>${escape(text.slice(Math.max(s, start), Math.min(e, end)))}</mark>`;
    at = Math.min(e, end);
  }
  return out + escape(text.slice(at, end));
}

// A part of the text around its first match, cut at words in English.
function excerpt(hit, lang) {
  const { text, marks } = hit;
  const size = EXCERPT[lang] || EXCERPT.en;
  if (text.length <= size) return marked(text, marks);
  let start = Math.max(0, densest(text, marks, size) - Math.floor(size / 4));
  let end = Math.min(text.length, start + size);
  start = Math.max(0, end - size);
  if (lang !== "zh") {
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  }
  return (start > 0 ? "…" : "") + marked(text, marks, start, end) + (end < text.length ? "…" : "");
}

// Where the window of `size` characters begins (at a mark) that holds the most different words of the
// query, then the most marked text.
function densest(text, marks, size) {
  let best = 0;
  let most = [-1, -1];
  for (const [start] of marks) {
    const inside = marks.filter(([s, e]) => s >= start && e <= start + size);
    const words = new Set(inside.map(([s, e]) => text.slice(s, e).toLowerCase())).size;
    const chars = inside.reduce((sum, [s, e]) => sum + e - s, 0);
    if (words > most[0] || (words === most[0] && chars > most[1])) [best, most] = [start, [words, chars]];
  }
  return best;
}

// Material's result items, in the order of the results: each run of results from one page is an
// item, the page first (linking to its top; Material lists it by its title), then its blocks, each
// linking to itself. (Material folds the blocks scored below the page's, and Enter opens the best of
// the first item: the page scores just under its blocks.)
function group(hits, terms, site) {
  const seen = Object.fromEntries(terms.map((w) => [w, true]));
  const items = [];
  for (const hit of hits) {
    const url = new URL(hit.url.replace(/^\//, ""), site.root).href;
    const page = url.split("#")[0];
    const doc = {
      location: url,
      title: hit.heading ? marked(hit.text, hit.marks) : escape(hit.section || hit.page),
      text: hit.heading ? "" : `<p>${excerpt(hit, site.lang)}</p>`,
      score: hit.score,
      terms: seen,
    };
    const last = items[items.length - 1];
    if (last && last[0].location === page) last.push(doc);
    else items.push([{ location: page, title: escape(hit.page), text: "", terms: seen }, doc]);
    items[items.length - 1][0].score = doc.score - 0.01;
  }
  return items;
}
