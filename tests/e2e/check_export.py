#!/usr/bin/env python3
"""`knotrelief log export` read by the tools a professional would use:
Python's csv module (notes with commas, quotes and newlines keep their
columns) and a JSON Schema validator (docs/journal-export.schema.json).

    check_export.py BINARY SCHEMA
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, schema_path = sys.argv[1], sys.argv[2]
notes = [
    'plain',
    'comma, inside',
    'a "quoted" word',
    'two\nlines, "and" a comma',
    ' leading space',
    '=SUM(A1:A2)',
]
columns = ['time', 'routine', 'area', 'status', 'planned_s', 'actual_s',
           'steps_done', 'steps_total', 'hold', 'pain_before', 'pain_after',
           'tingling', 'checked', 'tighter', 'note', 'extra']


def knotrelief(journal, *args):
    return subprocess.run([binary, '--journal', journal, *args], check=True,
                          capture_output=True, text=True,
                          env={**os.environ, 'TZ': 'UTC'}).stdout


with tempfile.TemporaryDirectory() as work:
    journal = os.path.join(work, 'journal.txt')
    for score, note in enumerate(notes):
        knotrelief(journal, 'log', 'add', 'neck', '--pain-before', str(score),
                   '--note', note)
    with open(journal, 'a', encoding='utf-8') as extra:
        extra.write('2026-11-20T08:00:00+01:00 routine=neck,back status=quit '
                    'tighter=right hold=low,mid later_field="a, b" x=1\n')

    rows = list(csv.reader(io.StringIO(knotrelief(journal, 'log', 'export'),
                                       newline='')))
    assert rows[0] == columns, rows[0]
    assert all(len(row) == len(columns) for row in rows), rows
    got = [dict(zip(columns, row)) for row in rows[1:]]
    # A note a spreadsheet would run as a formula starts with ' in CSV.
    shown = [("'" + n if n[0] in '=+-@' else n) for n in notes]
    assert [row['note'] for row in got[:len(notes)]] == shown, got
    assert [row['pain_before'] for row in got[:len(notes)]] == \
        [str(i) for i in range(len(notes))]
    last = got[-1]
    assert last['routine'] == 'neck,back' and last['hold'] == 'low,mid', last
    assert last['tighter'] == 'right' and last['status'] == 'quit', last
    assert last['extra'] == 'later_field="a, b" x=1', last

    exported = json.loads(knotrelief(journal, 'log', 'export', '--format',
                                     'json'))
    with open(schema_path, encoding='utf-8') as schema_file:
        schema = json.load(schema_file)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(exported, schema,
                        cls=jsonschema.Draft202012Validator)
    assert [e['note'] for e in exported['entries'][:len(notes)]] == notes
    assert exported['entries'][-1]['extra'] == [['later_field', 'a, b'],
                                               ['x', '1']]
    # The schema does reject what is not an export.
    broken = json.loads(json.dumps(exported))
    broken['entries'][0]['tighter'] = 'both'
    try:
        jsonschema.validate(broken, schema,
                            cls=jsonschema.Draft202012Validator)
        raise AssertionError('the schema accepted tighter="both"')
    except jsonschema.ValidationError:
        pass
print(f'ok: {len(rows) - 1} rows, {len(exported["entries"])} entries')
