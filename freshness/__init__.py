"""
Content stays current without heroes: who owns what, when it is due for review, what is
stale, which links broke (issue 15). A volunteer platform died of stale data before; this
app says what is stale before readers find out.
"""
