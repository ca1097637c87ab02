locals {
  web_origins = length(var.web_origins) > 0 ? var.web_origins : [
    "https://${var.project}.web.app",
    "https://${var.project}.firebaseapp.com",
  ]
}

# The users' videos (uploads/{uid}/{videoId}) and their thumbnails. Clients reach objects only
# through V4 signed URLs; storage.rules closes the Firebase client path.
resource "google_storage_bucket" "uploads" {
  name                        = var.uploads_bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # The browser sends the video straight to the bucket from the web origin: it POSTs a signed URL
  # (x-goog-resumable: start) to open a resumable session, reads the session URI from Location,
  # PUTs chunks with Content-Range and reads Range from the 308 answers to resume after a drop
  # (or PUTs the whole file to the signed PUT URL). The player reads with range requests.
  cors {
    origin          = local.web_origins
    method          = ["PUT", "POST", "GET", "HEAD"]
    # GCS also allows these as request headers in the preflight: the signed requests carry
    # x-goog-content-length-range (the exact reserved size) and x-goog-resumable.
    response_header = ["Content-Type", "Content-Length", "Content-Range", "Range", "Location",
      "x-goog-content-length-range", "x-goog-resumable"]
    max_age_seconds = 3600
  }

  # A reservation lasts 1 h; an upload left unfinished for a day is garbage.
  lifecycle_rule {
    condition {
      age = 1
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  # Old talks are rarely replayed: cheaper storage after 90 days.
  lifecycle_rule {
    condition {
      age                   = 90
      matches_storage_class = ["STANDARD"]
    }
    action {
      type          = "SetStorageClass"
      storage_class = "NEARLINE"
    }
  }

  soft_delete_policy {
    retention_duration_seconds = 7 * 24 * 3600
  }

  depends_on = [google_project_service.apis]
}

# Zipped function jars, one object per build (the name carries the content hash, so a new jar
# redeploys the function).
resource "google_storage_bucket" "function_sources" {
  name                        = var.function_sources_bucket
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  lifecycle_rule {
    condition {
      age = 30
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.apis]
}

# Cloud Storage publishes object events through Pub/Sub for Eventarc.
data "google_storage_project_service_account" "gcs" {
  depends_on = [google_project_service.apis]
}

resource "google_project_iam_member" "gcs_pubsub_publisher" {
  project = var.project
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"
}
