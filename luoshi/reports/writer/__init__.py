"""The report writer: a town's work report (政府工作报告) drafted from Luoshi's records.

* ``compose``   — pure: figures and plan data → blocks of wording with ``{{field}}`` tokens;
  checking and merging edited wording;
* ``docx``      — pure: the .docx in the official layout (GB/T 9704);
* ``roundtrip`` — pure: does the report reader find every number the writer put in;
* ``gather``    — Django: the records → ``compose.Inputs`` (numbers from ``luoshi.accounts``);
* ``services`` / ``selectors`` / ``views`` / ``cli`` — drafts with versions, pages, ``luoshi write-report``.

It lives inside ``reports`` because it writes the very documents that app reads: the reader is its
test (``roundtrip``), and the accountability table compares reports of both kinds. See docs/accounts.md.
"""
