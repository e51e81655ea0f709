"""
A Content-Security-Policy on every response: our own origin only for the public parts
(the browser tests of the kiosk, widget and GraphiQL run under it), with the additions
the Wagtail admin needs only on admin pages.
"""

import pytest


def policy(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }


@pytest.mark.django_db
def test_public_responses_allow_only_our_own_origin(client):
    response = client.get("/graphql/", headers={"Accept": "text/html"})
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_admin_gets_what_wagtail_needs(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"] and "'self'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert b"gravatar" not in response.content
