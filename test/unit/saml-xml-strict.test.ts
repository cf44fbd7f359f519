// XML that fast-xml-parser's validator lets through and an XML parser (STS's, expat) refuses:
// found by the property test's independent reader (test/support/saml-xml-oracle.py). Each is
// refused with where and what, never reported as a readable response.
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/saml/inspect.js';
import { buildSaml, toBase64 } from '../support/saml-builder.js';
import { NOW, at, fails } from '../support/saml-helpers.js';

const xml = buildSaml({ issueInstant: at(0) });

describe('not well-formed XML the validator accepted', () => {
  it.each([
    ['"<" in a namespace declaration', xml.replace('xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"', 'xmlns:saml2="urn:oasis<a>:names:tc:SAML:2.0:assertion"'), 'not well-formed SAML: the value of attribute xmlns:saml2 holds a "<", which XML does not allow there'],
    ['"<" in an attribute the report never reads', xml.replace('ID="_r1"', 'ID="_r<1"'), 'not well-formed SAML: the value of attribute ID holds a "<", which XML does not allow there'],
    ['an "&" that starts no reference, in an attribute the report never reads', xml.replace('ID="_r1"', 'ID="_r&1"'), 'not well-formed SAML: an "&" does not start a reference such as &amp; (&…)'],
    ['a reference to a surrogate, in text the report never reads', xml.replace('PasswordProtectedTransport', 'Password&#xD800;Transport'), 'not well-formed SAML: &#xD800; is not a character XML allows'],
    ['"]]>" in text', xml.replace('PasswordProtectedTransport', 'Password]]>Transport'), 'not well-formed SAML: the text "]]>" stands outside a CDATA section, which XML does not allow'],
    ['"--" inside a comment', xml.replace('<saml2p:Status>', '<!-- a -- b --><saml2p:Status>'), 'not well-formed SAML: a comment holds "--", which XML does not allow inside one (line 4, column 1)'],
    ['a comment ending in "-"', xml.replace('<saml2p:Status>', '<!-- a ---><saml2p:Status>'), 'not well-formed SAML: a comment holds "--", which XML does not allow inside one (line 4, column 1)'],
    ['a processing instruction', xml.replace('<saml2p:Status>', '<?php echo 1 ?><saml2p:Status>'), 'not well-formed SAML: it holds a processing instruction (<?…?>) (line 4, column 1), which SAML responses never have'],
    ['a declaration that is not first (positions count from the first non-blank character)', `\n<!-- c -->${xml}`, 'not well-formed SAML: it holds a processing instruction (<?…?>) (line 1, column 11), which SAML responses never have'],
    ['a broken declaration swallowing the document', xml.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xmla>'), 'not well-formed SAML: it holds a processing instruction (<?…?>) (line 1, column 1), which SAML responses never have'],
    ['a NUL character', xml.replace('PasswordProtectedTransport', 'Password\u0000Transport'), 'not well-formed SAML: it holds a character XML does not allow (U+0000) (line 5, column 908)'],
    ['U+FFFE', xml.replace('https://cloudsso.example.com', 'https://cloudsso\uFFFE.example.com'), 'not well-formed SAML: it holds a character XML does not allow (U+FFFE) (line 3, column 32)'],
  ])('%s', (_name, input, message) => {
    for (const form of [input, toBase64(input)]) {
      const error = fails(() => inspect(form, NOW, false));
      expect(error.message).toBe(message);
      expect(error.exitCode).toBe(1);
    }
  });
});

describe('what XML allows stays readable', () => {
  it.each([
    ['a comment with single dashes', xml.replace('<saml2p:Status>', '<!-- a - b - c --><saml2p:Status>')],
    ['a CDATA section holding "<!--", "<?" and "--"', xml.replace('PasswordProtectedTransport', '<![CDATA[Password<!-- x -- <?y?>]]>')],
    ['">" and "]]" in text and attributes', xml.replace('ID="_r1"', 'ID="_r>1"').replace('PasswordProtectedTransport', 'Password]]Transport>')],
    ['references in attributes the report never reads', xml.replace('ID="_r1"', 'ID="_r&amp;&#x31;&lt;"')],
    ['characters beyond the BMP', xml.replace('jdoe@example.com', 'jdoe@example.com').replace('https://cloudsso.example.com</saml2:Issuer>', 'https://cloudsso.example.com/\u{1F600}</saml2:Issuer>')],
  ])('%s', (_name, input) => {
    expect(inspect(input, NOW, false).doc.roles.map((r) => r.role)).toEqual(['admin']);
  });
});
