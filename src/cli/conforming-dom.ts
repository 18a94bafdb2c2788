// A saved page parsed as the HTML standard says browsers parse it, into the DOM the rest of the code
// reads (linkedom). linkedom's own parser (htmlparser2) is not a conforming one: it took the
// <html class="ie ie7"> inside an IE conditional comment for the document's element and left the
// page's real <html> after an empty body, kept a <title> in <head> that a browser moves into the
// body when text comes before <html>, and gave no body at all to markup without <html>. parse5 is
// the WHATWG tree construction (the parser jsdom uses); this tree adapter makes it build linkedom
// nodes directly, so no second parse or serialisation stands between the two.
import { parseHTML } from 'linkedom';
import { parse, type DefaultTreeAdapterMap, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';

type NS = Parameters<TreeAdapter<DefaultTreeAdapterMap>['createElement']>[1];
type Mode = Parameters<TreeAdapter<DefaultTreeAdapterMap>['setDocumentMode']>[1];

interface LinkedomMap extends TreeAdapterTypeMap<Node, ParentNode & Node, ChildNode, Document, DocumentFragment, Element, Comment, Text, Element, DocumentType> {}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/**
 * Past this depth Chromium stops nesting (its parser attaches deeper elements to their
 * grandparent), so a conforming tree is no longer what a browser shows, and parse5's scope checks
 * walk the whole stack of open elements at every tag: 0.2 s at 5,000 levels, 6 s at 20,000 (a
 * hostile page). Such a page is parsed by linkedom's own parser instead (0.3 s at 20,000 levels).
 */
const MAX_DEPTH = 512;

class TooDeep extends Error {}

/** Parses `html` with the HTML standard's tree construction into a linkedom Document. */
export function parseConforming(html: string): Document {
  try {
    return conforming(html);
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return parseHTML(html).document as unknown as Document;
  }
}

function conforming(html: string): Document {
  const doc = parseHTML('').document as unknown as Document; // an empty document, no element yet
  // what parse5 asks of an element, as it gave it (linkedom may spell foreign names otherwise)
  const names = new WeakMap<Element, { tag: string; ns: NS }>();
  const templates = new WeakMap<Element, DocumentFragment>();
  let mode: Mode = 'no-quirks' as Mode;
  const depths = new WeakMap<Node, number>();
  const placed = (parent: Node, node: Node): void => {
    const d = (depths.get(parent) ?? 0) + 1;
    if (d > MAX_DEPTH) throw new TooDeep();
    depths.set(node, d);
  };

  const setAttr = (el: Element, a: Token.Attribute): void => {
    const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
    if (el.hasAttribute(name)) return; // adoptAttributes (a second <html> or <body> tag) adds only new ones
    try {
      el.setAttribute(name, a.value);
    } catch {
      // a name no DOM method accepts (a browser's parser keeps it; nothing here reads it)
    }
  };
  const insertTextAt = (parent: ParentNode & Node, text: string, before: ChildNode | null): void => {
    const prev = before ? before.previousSibling : parent.lastChild;
    if (prev && prev.nodeType === 3) (prev as Text).data += text;
    else parent.insertBefore(doc.createTextNode(text), before);
  };

  const adapter: TreeAdapter<LinkedomMap> = {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),
    createElement(tagName, namespaceURI, attrs) {
      const el = namespaceURI === HTML_NS ? doc.createElement(tagName) : doc.createElementNS(namespaceURI, tagName);
      names.set(el, { tag: tagName, ns: namespaceURI });
      // linkedom puts each new attribute first: set in reverse, they read in the page's order
      for (let i = attrs.length - 1; i >= 0; i--) setAttr(el, attrs[i]!);
      return el;
    },
    createCommentNode: (data) => doc.createComment(data),
    createTextNode: (value) => doc.createTextNode(value),
    appendChild: (parent, node) => {
      placed(parent, node);
      parent.appendChild(node);
    },
    insertBefore: (parent, node, ref) => {
      placed(parent, node);
      parent.insertBefore(node, ref);
    },
    setTemplateContent: (template, content) => void templates.set(template, content),
    // a template's content is inert and not part of the tree, as in a browser
    getTemplateContent: (template) => templates.get(template) ?? doc.createDocumentFragment(),
    setDocumentType: () => undefined, // nothing downstream reads the doctype
    setDocumentMode: (_d, m) => void (mode = m),
    getDocumentMode: () => mode,
    detachNode: (node) => void node.parentNode?.removeChild(node),
    insertText: (parent, text) => insertTextAt(parent, text, null),
    insertTextBefore: (parent, text, ref) => insertTextAt(parent, text, ref),
    adoptAttributes: (el, attrs) => attrs.forEach((a) => setAttr(el, a)),
    getFirstChild: (node) => node.firstChild,
    getChildNodes: (node) => Array.from(node.childNodes),
    getParentNode: (node) => node.parentNode as (ParentNode & Node) | null,
    getAttrList: (el) => Array.from(el.attributes, (a) => ({ name: a.name, value: a.value })),
    getTagName: (el) => names.get(el)?.tag ?? el.localName,
    getNamespaceURI: (el) => names.get(el)?.ns ?? ((el.namespaceURI ?? HTML_NS) as NS),
    getTextNodeContent: (node) => node.data,
    getCommentNodeContent: (node) => node.data,
    getDocumentTypeNodeName: (node) => node.name,
    getDocumentTypeNodePublicId: (node) => node.publicId,
    getDocumentTypeNodeSystemId: (node) => node.systemId,
    isTextNode: (node): node is Text => node.nodeType === 3,
    isCommentNode: (node): node is Comment => node.nodeType === 8,
    isDocumentTypeNode: (node): node is DocumentType => node.nodeType === 10,
    isElementNode: (node): node is Element => node.nodeType === 1,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
  return parse(html, { treeAdapter: adapter });
}
