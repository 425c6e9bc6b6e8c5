import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_switch_to_english_and_back() -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/").content.decode()
    assert '<html lang="vi">' in page
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert '<html lang="en">' in client.get("/").content.decode()

    client.post("/i18n/setlang/", {"language": "vi", "next": "/", "csrfmiddlewaretoken": token})
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_the_switch_is_a_post_form_with_csrf(client: Client) -> None:
    page = client.get("/").content.decode()
    assert '<form class="language-switch" action="/i18n/setlang/" method="post">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'name="language" value="en"' in page


def test_without_csrf_token_is_refused() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 403


def test_does_not_redirect_off_site() -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_vietnamese_whatever_the_browser_asks_for(client: Client) -> None:
    page = client.get("/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="vi">' in page


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client: Client) -> None:
    client.cookies["django_language"] = "fr"
    assert '<html lang="vi">' in client.get("/").content.decode()
