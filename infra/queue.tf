# The analysis task queue: one task per video (task name = videoId), delivered to the analysis
# Cloud Run service with an OIDC token of the tasks service account.
resource "google_cloud_tasks_queue" "analysis" {
  name     = "analysis"
  location = var.region

  rate_limits {
    max_dispatches_per_second = var.queue_max_dispatches_per_second
    max_concurrent_dispatches = var.queue_max_concurrent_dispatches
  }

  retry_config {
    max_attempts  = 5
    min_backoff   = "10s"
    max_backoff   = "300s"
    max_doublings = 4
  }

  stackdriver_logging_config {
    sampling_ratio = 1.0
  }

  depends_on = [google_project_service.apis]
}
