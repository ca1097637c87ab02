# Scheduled maintenance, called over HTTP with the same OIDC identity as the analysis tasks
# (tasks-invoker, audience = the analysis URL): every function checks task calls in code with one
# OidcTaskCallerCheck built from COHERENCE_ANALYSIS_AUDIENCE and COHERENCE_TASKS_SERVICE_ACCOUNT.
# - the reconciliation finalizes stored uploads whose event was lost, deletes stored files no video
#   owns and re-enqueues analyses whose task or lease was lost (it runs before the reservation sweep's
#   next run, so a finished upload is finalized rather than expired);
# - the reservation sweep gives back slots of reservations never uploaded (older than 1 h);
# - the cleanup removes stored files of videos soft-deleted more than the grace period ago.
locals {
  scheduled_jobs = {
    "reconcile-uploads" = {
      function    = "quota"
      path        = "/tasks/reconcile"
      schedule    = var.reconcile_schedule
      description = "Finalize stored uploads whose event was lost, delete unowned files, re-enqueue lost analyses"
      body        = {}
    }
    "sweep-reservations" = {
      function    = "quota"
      path        = "/tasks/sweep-reservations"
      schedule    = var.reservation_sweep_schedule
      description = "Expire upload reservations never uploaded and give their slots back"
      body        = {}
    }
    "cleanup-deleted-videos" = {
      function    = "api"
      path        = "/tasks/cleanup-deleted"
      schedule    = var.deleted_cleanup_schedule
      description = "Remove stored files of soft-deleted videos after the grace period"
      body        = { graceDays = var.deleted_video_grace_days }
    }
  }
}

resource "google_cloud_scheduler_job" "maintenance" {
  for_each    = local.scheduled_jobs
  name        = each.key
  region      = var.region
  description = each.value.description
  schedule    = each.value.schedule
  time_zone   = "Etc/UTC"

  retry_config {
    retry_count = 3
  }

  http_target {
    http_method = "POST"
    uri         = "${local.function_urls[each.value.function]}${each.value.path}"
    body        = base64encode(jsonencode(each.value.body))
    headers = {
      "Content-Type" = "application/json"
    }

    oidc_token {
      service_account_email = google_service_account.tasks.email
      audience              = local.analysis_url
    }
  }

  depends_on = [google_project_service.apis, google_cloudfunctions2_function.fn]
}

resource "google_cloud_run_v2_service_iam_member" "scheduler_invoker" {
  for_each = toset(distinct([for job in local.scheduled_jobs : job.function]))
  name     = google_cloudfunctions2_function.fn[each.value].name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.tasks.email}"
}
