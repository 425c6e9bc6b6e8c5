"""The 403, 404 and 500 pages: the site's own, in Vietnamese unless English is chosen."""

import pytest
from django.template import loader
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cnvh.plan.models import Role
from tests import factories


@pytest.mark.django_db
def test_a_refused_page_is_the_sites_own_in_vietnamese(client: Client) -> None:
    client.force_login(factories.user(Role.COORDINATOR))  # no work of their own
    response = client.get(reverse("plan-my-work"))
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page and "web/style.css" in page
    assert "Không có quyền truy cập" in page
    client.cookies["django_language"] = "en"
    assert "Access denied" in client.get(reverse("plan-my-work")).content.decode()


@pytest.mark.django_db
def test_a_missing_page_is_the_sites_own_in_vietnamese(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page and "web/style.css" in page
    assert "Không tìm thấy trang" in page
    client.cookies["django_language"] = "en"
    assert "Page not found" in client.get("/no-such-page/").content.decode()


def test_the_server_error_page_needs_no_request_nor_database() -> None:
    template = loader.get_template("500.html")
    with translation.override("vi"):
        page = template.render()
    assert "Lỗi máy chủ" in page and "web/style.css" in page
    with translation.override("en"):
        assert "Server error" in template.render()
