#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Fills tracedelta_de.ts from german.py after `lupdate`; fails when a message has no
# translation or a translation drops a placeholder, so the catalogue stays complete.
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from german import G  # noqa: E402

ts = Path(__file__).parent.parent / 'tracedelta_de.ts'
tree = ET.parse(ts)
missing, broken = [], []
placeholders = re.compile(r'%(?:\d+|n)')
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    translation = message.find('translation')
    value = G.get(source)
    if value is None:
        missing.append(source)
        continue
    translation.attrib.pop('type', None)
    for child in list(translation):
        translation.remove(child)
    forms = value if isinstance(value, list) else [value]
    if message.get('numerus') == 'yes':
        if len(forms) != 2:
            broken.append(source)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, 'numerusform').text = form
    else:
        translation.text = forms[0]
    for form in forms:
        if sorted(set(placeholders.findall(source))) != sorted(set(placeholders.findall(form))):
            broken.append(source)
if missing or broken:
    for s in missing:
        print('missing:', repr(s))
    for s in broken:
        print('placeholders or forms differ:', repr(s))
    sys.exit(1)
tree.write(ts, encoding='utf-8', xml_declaration=True)
text = ts.read_text(encoding='utf-8').replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
ts.write_text(text, encoding='utf-8')
print('filled', ts)
