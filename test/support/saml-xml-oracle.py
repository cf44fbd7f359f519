# An independent reader of SAML XML for the property tests: Python's expat, not fast-xml-parser,
# checking XML 1.0 well-formedness (not namespaces: like the tool, it matches local names). Reads a JSON list of XML texts on stdin; writes, for each, whether it is
# well-formed, its root element's local name, and every value of the AWS Role and
# RoleSessionName attributes anywhere in it. A document with a DOCTYPE is not parsed (SAML
# never has one, and the tool refuses it by rule): it is reported as such.
import json
import re
import sys
import xml.parsers.expat

AWS = "https://aws.amazon.com/SAML/Attributes/"


def local(tag):
    return tag.rsplit(":", 1)[-1]


def read(text):
    if re.search(r"<!DOCTYPE", text, re.I):
        return {"wellFormed": None, "doctype": True}
    values = {"Role": [], "RoleSessionName": []}
    state = {"root": None, "attribute": None, "value": None}

    def start(name, attrs):
        if state["root"] is None:
            state["root"] = local(name)
        if local(name) == "Attribute":
            n = attrs.get("Name", "")
            state["attribute"] = n[len(AWS):] if n.startswith(AWS) and n[len(AWS):] in values else None
        elif local(name) == "AttributeValue" and state["attribute"] and state["value"] is None:
            state["value"] = (state["attribute"], [])

    def end(name):
        if local(name) == "AttributeValue" and state["value"] is not None:
            attribute, parts = state["value"]
            values[attribute].append("".join(parts).strip())
            state["value"] = None
        elif local(name) == "Attribute":
            state["attribute"] = None

    def chars(data):
        if state["value"] is not None:
            state["value"][1].append(data)

    # The text is already decoded: the declaration's encoding label does not apply to it.
    parser = xml.parsers.expat.ParserCreate(encoding="UTF-8")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    data = text.encode("utf-8", "surrogatepass")
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        # The character expat stopped at: a non-ASCII one in a name is where XML 1.0's 4th
        # edition (expat) and 5th edition (wider name characters) disagree.
        at = data[parser.ErrorByteIndex:parser.ErrorByteIndex + 4].decode("utf-8", "ignore")[:1]
        return {"wellFormed": False, "error": str(error), "at": at}
    return {"wellFormed": True, "root": state["root"], "roles": values["Role"], "roleSessionNames": values["RoleSessionName"]}


json.dump([read(t) for t in json.load(sys.stdin)], sys.stdout)
