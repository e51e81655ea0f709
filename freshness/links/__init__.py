"""
The link checker (issue 15): find the addresses content uses (``collect``), check them
politely (``check``), keep the results (``run``), and show editors what broke (``admin``).
"""
