"""Datasets imported before BLAKE3 keep their SHA-256, named as such."""

import importlib
from typing import Any

import pytest
from django.apps import apps

from cnvh.exchange.models import Dataset

from .test_synthetic_flag import dataset

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cnvh.exchange.migrations.0003_dataset_checksum")


def test_a_bare_sha256_is_named_and_named_back(statistician: Any) -> None:
    old = dataset("units", "units.csv", statistician)
    new = dataset("totals", "totals.csv", statistician)
    Dataset.objects.filter(pk=old.pk).update(checksum="ab" * 32)

    migration.name_the_algorithm(apps, None)
    assert Dataset.objects.get(pk=old.pk).checksum == "sha256:" + "ab" * 32
    assert Dataset.objects.get(pk=new.pk).checksum == "blake3:" + "cd" * 32

    migration.bare_digests(apps, None)
    assert Dataset.objects.get(pk=old.pk).checksum == "ab" * 32
    assert Dataset.objects.get(pk=new.pk).checksum == "blake3:" + "cd" * 32
