import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_tells_how_to_load_an_estimate(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Chưa có ước tính nào được lưu" in page
    assert "cnvh load-demo var/demo" in page
    assert "cnvh estimate" in page
    assert "echarts" not in page


def test_in_english(client: Client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/").content.decode()
    assert "No estimate has been stored yet" in page
