"""The test SMTP server receives what Django sends over SMTP (the base of every e-mail test)."""

from django.core.mail import send_mail


def test_mail_sent_over_smtp_arrives(smtp_server):
    send_mail("Hallo", "Link: https://example.org/a?b=1\n", "from@example.org", ["Someone@Example.org"])
    smtp_server.wait_for(1)
    received = smtp_server.to("someone@example.org")
    assert len(received) == 1
    assert received[0].subject == "Hallo"
    assert received[0].links() == ["https://example.org/a?b=1"]
