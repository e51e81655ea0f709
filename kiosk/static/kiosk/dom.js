// A tiny element builder: h("p", {class: "x"}, "text", child). Text is always set as
// text (never parsed as HTML), so content from the API cannot inject markup here. Children
// may come in nested arrays (a view made of parts); null, undefined and false are left out.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// Rich text from the API is HTML made by Wagtail's editor; keep only its harmless
// elements (no scripts, no event handlers, no styles) before showing it.
const SAFE = new Set(["P", "A", "STRONG", "EM", "B", "I", "UL", "OL", "LI", "BR", "H2", "H3", "H4"]);

export function safeHtml(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const clean = (node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        if (!SAFE.has(child.tagName)) {
          child.replaceWith(...child.childNodes);
          clean(node);
          return;
        }
        for (const attribute of [...child.attributes]) child.removeAttribute(attribute.name);
        clean(child);
      } else if (child.nodeType !== Node.TEXT_NODE) {
        child.remove();
      }
    }
  };
  clean(template.content);
  // Links cannot be followed on a kiosk: they become plain text.
  for (const link of template.content.querySelectorAll("a")) link.replaceWith(...link.childNodes);
  return template.content;
}
