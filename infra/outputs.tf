output "function_urls" {
  description = "HTTPS URL of each function."
  value       = { for name, fn in google_cloudfunctions2_function.fn : name => fn.service_config[0].uri }
}

output "analysis_url" {
  description = "URL of the analysis Cloud Run service (task target and OIDC audience)."
  value       = google_cloud_run_v2_service.analysis.uri
}

output "uploads_bucket" {
  value = google_storage_bucket.uploads.name
}

output "analysis_queue" {
  value = google_cloud_tasks_queue.analysis.id
}

output "notifier_trigger" {
  description = "Eventarc trigger of the notifier; its Pub/Sub subscription gets the dead-letter policy after apply."
  value       = google_cloudfunctions2_function.fn["notifier"].event_trigger[0].trigger
}

# The web client's /config.json in GCP (written by cloudbuild.yaml before the Hosting deploy).
output "web_config" {
  description = "Firebase web config for web/config.json."
  value = {
    firebase = {
      apiKey     = data.google_firebase_web_app_config.web.api_key
      authDomain = data.google_firebase_web_app_config.web.auth_domain
      projectId  = var.project
    }
  }
}
