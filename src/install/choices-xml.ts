// The choices.xml that makes Apple's `installer` put the AWS CLI under a folder of the
// user's (AWS guide: "Install and update for current user"). Built with fast-xml-parser's
// builder so a home folder with &, < or quotes is escaped correctly.
import { XMLBuilder } from 'fast-xml-parser';

type Node = Record<string, unknown>;
const text = (tag: string, value: string): Node => ({ [tag]: [{ '#text': value }] });

export function choicesXml(installRoot: string): string {
  // A plist <dict> is an ordered list of <key>/<value> pairs, so element order matters:
  // preserveOrder mode takes the document as an ordered array of nodes.
  const builder = new XMLBuilder({ preserveOrder: true, format: true, indentBy: '  ', ignoreAttributes: false, suppressEmptyNode: false });
  const dict = [
    text('key', 'choiceAttribute'), text('string', 'customLocation'),
    text('key', 'attributeSetting'), text('string', installRoot),
    text('key', 'choiceIdentifier'), text('string', 'default'),
  ];
  const body = builder.build([{ plist: [{ array: [{ dict }] }], ':@': { '@_version': '1.0' } }]) as string;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    body.trim(),
    '',
  ].join('\n');
}
