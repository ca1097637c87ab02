# analysis-events carries completed/failed events from the analysis service to the notifier.
resource "google_pubsub_topic" "analysis_events" {
  name                       = "analysis-events"
  message_retention_duration = "86400s"

  depends_on = [google_project_service.apis]
}

# Events the notifier could not take after 5 deliveries land here and are kept for a week.
resource "google_pubsub_topic" "analysis_events_dead_letter" {
  name = "analysis-events-dead-letter"

  depends_on = [google_project_service.apis]
}

resource "google_pubsub_subscription" "analysis_events_dead_letter" {
  name                       = "analysis-events-dead-letter-hold"
  topic                      = google_pubsub_topic.analysis_events_dead_letter.id
  message_retention_duration = "604800s"
  ack_deadline_seconds       = 60
  expiration_policy {
    ttl = ""
  }
}

# The notifier's subscription is created by Eventarc; the Pub/Sub service agent must be able to
# forward to the dead-letter topic and acknowledge on that subscription. The dead-letter policy
# itself is attached after apply (see README.md and cloudbuild.yaml), since Eventarc owns the
# subscription.
locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  topic  = google_pubsub_topic.analysis_events_dead_letter.id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_agent
}

resource "google_project_iam_member" "pubsub_agent_subscriber" {
  project = var.project
  role    = "roles/pubsub.subscriber"
  member  = local.pubsub_agent
}

# Eventarc push subscriptions mint OIDC tokens as the trigger service accounts.
resource "google_project_iam_member" "pubsub_agent_token_creator" {
  project = var.project
  role    = "roles/iam.serviceAccountTokenCreator"
  member  = local.pubsub_agent
}
