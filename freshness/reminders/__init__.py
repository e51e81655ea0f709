"""
The weekly digest and the escalation to the editorial lead (issue 15).

Once a week (``cms.schedule``) every owner gets one e-mail with what they must look at:
their items due or overdue for review, the broken links in their pages; each language's
translators get that language's outdated and missing translations in the same e-mail.
Who is asked (``recipients``): the item's responsible person, else every active member
of its responsible team, else the editorial lead. What was reminded is recorded
(``freshness.models.Reminder``) so the digest is sent once a week however often it runs,
and an item overdue in two digests in a row goes to the editorial lead (``escalation``).
"""
