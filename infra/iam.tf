# One service account per function and service, each granted only what its code does.
resource "google_service_account" "fn" {
  for_each     = toset(keys(local.functions))
  account_id   = "fn-${each.key}"
  display_name = "Coherence function ${each.key}"

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "analysis" {
  account_id   = "run-analysis"
  display_name = "Coherence analysis service (Cloud Run)"
}

# Identity of the Cloud Tasks OIDC token (and of the scheduled maintenance calls); the only caller
# allowed to invoke the analysis service.
resource "google_service_account" "tasks" {
  account_id   = "tasks-invoker"
  display_name = "Coherence analysis task caller"
}

# --- Firestore: every function and the analysis service read and write documents.
resource "google_project_iam_member" "datastore_user" {
  for_each = merge(
    { for name, sa in google_service_account.fn : name => sa.email },
    { analysis = google_service_account.analysis.email },
  )
  project = var.project
  role    = "roles/datastore.user"
  member  = "serviceAccount:${each.value}"
}

# --- Uploads bucket.
locals {
  bucket_roles = {
    # signs V4 PUT URLs: the URL acts with the signer's rights
    quota = "roles/storage.objectCreator"
    # reads the finalized object's metadata
    "upload-trigger" = "roles/storage.objectViewer"
    # playback URLs, thumbnails, cleanup of deleted videos
    api = "roles/storage.objectUser"
  }
}

resource "google_storage_bucket_iam_member" "functions" {
  for_each = local.bucket_roles
  bucket   = google_storage_bucket.uploads.name
  role     = each.value
  member   = "serviceAccount:${google_service_account.fn[each.key].email}"
}

resource "google_storage_bucket_iam_member" "analysis" {
  bucket = google_storage_bucket.uploads.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.analysis.email}"
}

# V4 signing without a key file goes through IAM signBlob on the function's own account.
resource "google_service_account_iam_member" "self_signer" {
  for_each           = toset(["quota", "api"])
  service_account_id = google_service_account.fn[each.value].name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.fn[each.value].email}"
}

# --- Task queue: upload-trigger enqueues tasks that carry the tasks account's OIDC token.
resource "google_cloud_tasks_queue_iam_member" "enqueuer" {
  name     = google_cloud_tasks_queue.analysis.name
  location = var.region
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.fn["upload-trigger"].email}"
}

resource "google_service_account_iam_member" "enqueuer_acts_as_tasks" {
  service_account_id = google_service_account.tasks.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.fn["upload-trigger"].email}"
}

resource "google_cloud_run_v2_service_iam_member" "tasks_invoke_analysis" {
  name     = google_cloud_run_v2_service.analysis.name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.tasks.email}"
}

# --- Events.
resource "google_pubsub_topic_iam_member" "analysis_publishes_events" {
  topic  = google_pubsub_topic.analysis_events.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.analysis.email}"
}

resource "google_project_iam_member" "event_receiver" {
  for_each = toset(["upload-trigger", "notifier"])
  project  = var.project
  role     = "roles/eventarc.eventReceiver"
  member   = "serviceAccount:${google_service_account.fn[each.value].email}"
}

# Eventarc calls the event functions with their own account's token.
# (A gen2 function runs as the Cloud Run service of the same name.)
resource "google_cloud_run_v2_service_iam_member" "event_invoker" {
  for_each = toset(["upload-trigger", "notifier"])
  name     = google_cloudfunctions2_function.fn[each.value].name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.fn[each.value].email}"
}

# --- Public HTTP functions: they verify Firebase ID tokens (or the Stripe signature) themselves.
resource "google_cloud_run_v2_service_iam_member" "public" {
  for_each = toset(["quota", "api", "stripe-webhook"])
  name     = google_cloudfunctions2_function.fn[each.value].name
  location = var.region
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# --- Stripe secrets.
locals {
  secret_readers = {
    "api-STRIPE_API_KEY"                  = { function = "api", secret = "STRIPE_API_KEY" }
    "stripe-webhook-STRIPE_API_KEY"       = { function = "stripe-webhook", secret = "STRIPE_API_KEY" }
    "stripe-webhook-STRIPE_WEBHOOK_SECRET" = { function = "stripe-webhook", secret = "STRIPE_WEBHOOK_SECRET" }
  }
}

resource "google_secret_manager_secret_iam_member" "readers" {
  for_each  = local.secret_readers
  secret_id = google_secret_manager_secret.stripe[each.value.secret].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.fn[each.value.function].email}"
}
