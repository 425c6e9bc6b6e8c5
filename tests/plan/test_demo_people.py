"""Known demo passwords exist only in demo mode."""

import pytest
from django.contrib.auth import get_user_model

from cnvh.plan.demo import catalogue
from cnvh.plan.demo.people import load_people

pytestmark = pytest.mark.django_db


def test_demo_passwords_only_in_demo_mode() -> None:
    agencies = catalogue.load_agencies()
    documents = catalogue.load_documents(agencies)
    catalogue.load_plan(agencies, documents, catalogue.load_indicators(documents))
    load_people(agencies, demo_mode=False)
    people = get_user_model().objects.all()
    assert people.count() > 100
    assert not any(person.has_usable_password() for person in people)
    assert not people.filter(is_superuser=True).exists()
