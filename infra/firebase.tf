# Firebase on top of the project: Auth (email/password), Storage rules on the uploads bucket,
# and the web app whose config the client reads from /config.json.
resource "google_firebase_project" "default" {
  provider = google-beta
  project  = var.project

  depends_on = [google_project_service.apis]
}

resource "google_identity_platform_config" "auth" {
  project                    = var.project
  autodelete_anonymous_users = true

  sign_in {
    allow_duplicate_emails = false
    email {
      enabled           = true
      password_required = true
    }
  }

  authorized_domains = concat(
    ["localhost", "${var.project}.firebaseapp.com", "${var.project}.web.app"],
    [for origin in var.web_origins : trimprefix(trimprefix(origin, "https://"), "http://")],
  )

  depends_on = [google_firebase_project.default]
}

resource "google_firebase_web_app" "web" {
  provider     = google-beta
  project      = var.project
  display_name = "Coherence web"

  depends_on = [google_firebase_project.default]
}

data "google_firebase_web_app_config" "web" {
  provider   = google-beta
  project    = var.project
  web_app_id = google_firebase_web_app.web.app_id
}

# Storage rules apply to Firebase-linked buckets only.
resource "google_firebase_storage_bucket" "uploads" {
  provider  = google-beta
  project   = var.project
  bucket_id = google_storage_bucket.uploads.name

  depends_on = [google_firebase_project.default]
}

resource "google_firebaserules_ruleset" "storage" {
  project = var.project
  source {
    files {
      name    = "storage.rules"
      content = file("${path.module}/storage.rules")
    }
  }

  depends_on = [google_firebase_storage_bucket.uploads]
}

resource "google_firebaserules_release" "storage" {
  project      = var.project
  name         = "firebase.storage/${google_storage_bucket.uploads.name}"
  ruleset_name = "projects/${var.project}/rulesets/${google_firebaserules_ruleset.storage.name}"

  lifecycle {
    replace_triggered_by = [google_firebaserules_ruleset.storage]
  }
}
