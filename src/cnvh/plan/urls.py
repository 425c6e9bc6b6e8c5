"""The plan's working pages. Every one needs a login; each checks its permission."""

from django.urls import path

from cnvh.plan.views import approvals, auth, editing, reports, tasks, work

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="web-login"),
    path("logout/", auth.LogoutView.as_view(), name="web-logout"),
    path("plan/", tasks.plan_list, name="plan-list"),
    path("plan/tasks/new/", editing.task_create, name="plan-task-new"),
    path("plan/tasks/<int:pk>/", tasks.task_detail, name="plan-task"),
    path("plan/tasks/<int:pk>/edit/", editing.task_edit, name="plan-task-edit"),
    path(
        "plan/indicators/<slug:code>/targets/",
        editing.indicator_targets,
        name="plan-indicator-targets",
    ),
    path("my-work/", work.my_work, name="plan-my-work"),
    path("reports/start/", work.start_report, name="plan-report-start"),
    path("reports/<int:pk>/", reports.report_page, name="plan-report"),
    path("evidence/<int:pk>/", reports.evidence_download, name="plan-evidence"),
    path("evidence/<int:pk>/delete/", reports.evidence_delete, name="plan-evidence-delete"),
    path("approvals/", approvals.approvals, name="plan-approvals"),
    path("approvals/<int:pk>/", approvals.review, name="plan-approval"),
    path("approvals/<int:pk>/approve/", approvals.approve, name="plan-approve"),
    path("approvals/<int:pk>/return/", approvals.return_report, name="plan-return"),
    path("notifications/", work.notifications, name="plan-notifications"),
    path("notifications/read/", work.mark_read, name="plan-notifications-read"),
]
