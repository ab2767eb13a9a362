"""Running audits: a whole run (``run.py``), which a website scan (``website.py``) and a
stand audit (``stand.py``) share, each a plan of what differs; and one page in a browser
someone else drives, a test's (``page.py``)."""
