"""The registry of models and bright spots: its pages (a login, then each checks its
permission) and the public page of recognised models."""

from django.urls import path

from cnvh.brightspots.views import nominations, public, rounds, rubrics, spots

urlpatterns = [
    path("bright-spots/", public.public, name="brightspots-public"),
    path("brightspots/", rounds.index, name="brightspots-index"),
    path(
        "brightspots/replications/download/",
        rounds.replication_download,
        name="brightspots-replications-download",
    ),
    path("brightspots/rubrics/", rubrics.rubric_list, name="brightspots-rubrics"),
    path("brightspots/rubrics/<int:pk>/edit/", rubrics.rubric_edit, name="brightspots-rubric-edit"),
    path("brightspots/rounds/new/", rounds.round_new, name="brightspots-round-new"),
    path("brightspots/rounds/<int:pk>/", rounds.round_detail, name="brightspots-round"),
    path(
        "brightspots/rounds/<int:pk>/nominate/", nominations.nominate, name="brightspots-nominate"
    ),
    path(
        "brightspots/nominations/<int:pk>/",
        nominations.nomination_detail,
        name="brightspots-nomination",
    ),
    path("brightspots/nominations/<int:pk>/screen/", nominations.screen, name="brightspots-screen"),
    path(
        "brightspots/nominations/<int:pk>/site-visit/",
        nominations.site_visit,
        name="brightspots-site-visit",
    ),
    path(
        "brightspots/nominations/<int:pk>/evidence/",
        nominations.add_evidence,
        name="brightspots-evidence",
    ),
    path("brightspots/nominations/<int:pk>/score/", nominations.score, name="brightspots-score"),
    path("brightspots/nominations/<int:pk>/decide/", nominations.decide, name="brightspots-decide"),
    path(
        "brightspots/evidence/<int:pk>/",
        nominations.evidence_file,
        name="brightspots-evidence-file",
    ),
    path("brightspots/models/<int:pk>/", spots.spot_detail, name="brightspots-model"),
    path(
        "brightspots/models/<int:pk>/replications/new/",
        spots.replication_new,
        name="brightspots-replication-new",
    ),
    path(
        "brightspots/models/<int:pk>/follow-up/",
        spots.follow_up_new,
        name="brightspots-follow-up",
    ),
]
