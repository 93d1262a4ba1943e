// A small Markdown renderer for the rules' documentation and the schema's descriptions:
// headings, paragraphs, lists, tables, fenced code, `code`, **bold** and links. It builds DOM
// nodes (never innerHTML), so nothing in a document can inject markup; links open in a new
// tab without a referrer, and only http(s) links are links.

/** @param {string} markdown @returns {DocumentFragment} */
export function renderMarkdown(markdown) {
  const out = document.createDocumentFragment();
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*$/.test(line)) {
      i += 1;
      continue;
    }
    const fence = line.match(/^\s*```(\w*)/);
    if (fence) {
      const body = [];
      i += 1;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i += 1;
      const pre = el('pre');
      const code = el('code', body.join('\n'));
      if (fence[1]) code.dataset.lang = fence[1];
      pre.append(code);
      out.append(pre);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      const level = Math.min(6, heading[1].length + 2); // ## → h4: they sit under the page's own
      const h = el(`h${level}`);
      h.append(inline(heading[2]));
      out.append(h);
      i += 1;
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1])) {
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(lines[i++]);
      out.append(table(rows));
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = el(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
        let text = lines[i].replace(/^\s*([-*]|\d+\.)\s+/, '');
        i += 1;
        // Continuation lines of the item (indented, not a new item).
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
          text += ` ${lines[i].trim()}`;
          i += 1;
        }
        const li = el('li');
        li.append(inline(text));
        list.append(li);
      }
      out.append(list);
      continue;
    }
    const para = [];
    while (
      i < lines.length &&
      !/^\s*$/.test(lines[i]) &&
      !/^\s*```/.test(lines[i]) &&
      !/^#{1,6}\s/.test(lines[i]) &&
      !/^\s*([-*]|\d+\.)\s+/.test(lines[i]) &&
      !/^\s*\|/.test(lines[i])
    ) {
      para.push(lines[i].trim());
      i += 1;
    }
    const p = el('p');
    p.append(inline(para.join(' ')));
    out.append(p);
  }
  return out;
}

function table(rows) {
  const cells = (row) =>
    row
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  const t = el('table');
  const head = el('thead');
  const tr = el('tr');
  for (const c of cells(rows[0])) {
    const th = el('th');
    th.append(inline(c));
    tr.append(th);
  }
  head.append(tr);
  t.append(head);
  const body = el('tbody');
  for (const row of rows.slice(2)) {
    const r = el('tr');
    for (const c of cells(row)) {
      const td = el('td');
      td.append(inline(c));
      r.append(td);
    }
    body.append(r);
  }
  t.append(body);
  return t;
}

/** Inline Markdown: `code`, **bold**, [text](url), bare http(s) URLs. */
export function inline(text) {
  const frag = document.createDocumentFragment();
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)]+[^\s).,;:])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) frag.append(text.slice(last, m.index));
    if (m[1] !== undefined) frag.append(el('code', m[1]));
    else if (m[2] !== undefined) frag.append(el('strong', m[2]));
    else if (m[3] !== undefined) frag.append(link(m[3], m[4]));
    else frag.append(link(m[5], m[5]));
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}

function link(text, href) {
  if (!/^https?:\/\//.test(href)) return document.createTextNode(text);
  const a = el('a', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}
