import { DOMParser } from '@xmldom/xmldom';

/** XML Ward refuses to read: not well-formed, or carrying a DTD (entity expansion, external entities). */
export class XmlRefused extends Error {}

export const NS = {
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;
const COMMENT_NODE = 8;

/**
 * Parses untrusted XML (SAML metadata and responses). A document type declaration is refused
 * before parsing: SAML never needs one, and it is how entity-expansion and external-entity
 * attacks begin. Any parser error or warning refuses the document rather than guessing.
 */
export function parseUntrustedXml(text: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlRefused('a DTD is not allowed');
  const fail = (msg: string): never => {
    throw new XmlRefused(msg);
  };
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    text,
    'text/xml',
  );
  if (!doc?.documentElement || doc.doctype) throw new XmlRefused('not an XML document');
  return doc;
}

/** The element children of `parent` named `{ns}local`. */
export function childElements(parent: Node, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === ns && (n as Element).localName === local)
      out.push(n as Element);
  }
  return out;
}

/** The one child `{ns}local` of `parent`; more than one is refused (a second copy is how wrapping attacks hide). */
export function onlyChild(parent: Node, ns: string, local: string): Element | undefined {
  const found = childElements(parent, ns, local);
  if (found.length > 1) throw new XmlRefused(`more than one ${local}`);
  return found[0];
}

/** Every descendant `{ns}local` of `root` (document order). */
export function descendants(root: Document | Element, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local) as unknown as ArrayLike<Element>);
}

/**
 * The text of a simple-content element. A comment inside it is refused: canonicalization drops
 * comments, so `a<!---->b` verifies as `ab` while a naive reader sees `a` (the NameID comment attack).
 */
export function simpleText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE) text += n.nodeValue ?? '';
    else if (n.nodeType === COMMENT_NODE) throw new XmlRefused(`a comment inside ${el.localName}`);
    else throw new XmlRefused(`markup inside ${el.localName}`);
  }
  return text;
}

/** Whether a comment node occurs anywhere under `root`. */
export function hasComment(root: Node): boolean {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === COMMENT_NODE || hasComment(n)) return true;
  }
  return false;
}

/** An attribute's value, or undefined when the element has none (xmldom answers '' for a missing one). */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name)! : undefined;
}
