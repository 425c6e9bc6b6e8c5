from django.db import migrations, models


def name_the_algorithm(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Checksums stored before BLAKE3 were bare SHA-256 digests."""
    dataset = apps.get_model("exchange", "Dataset")
    for found in dataset.objects.exclude(checksum__contains=":").only("pk", "checksum"):
        dataset.objects.filter(pk=found.pk).update(checksum=f"sha256:{found.checksum}")


def bare_digests(apps, schema_editor):  # type: ignore[no-untyped-def]
    dataset = apps.get_model("exchange", "Dataset")
    for found in dataset.objects.filter(checksum__startswith="sha256:").only("pk", "checksum"):
        dataset.objects.filter(pk=found.pk).update(checksum=found.checksum.split(":", 1)[1])


class Migration(migrations.Migration):
    dependencies = [("exchange", "0002_datasets_and_estimate_runs")]

    operations = [
        migrations.RenameField("dataset", "sha256", "checksum"),
        migrations.AlterField(
            model_name="dataset",
            name="checksum",
            field=models.CharField(max_length=80, verbose_name="checksum of the canonical file"),
        ),
        migrations.RunPython(name_the_algorithm, bare_digests),
    ]
