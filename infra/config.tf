# Names and environment shared by every function and the analysis service. The variable names
# are the ones GcpPortsConfiguration (shared/gcp) reads.
locals {
  # Entry point of every function: the GCP hosting bridge in shared/gcp, which starts the Spring
  # application of the module and routes to the bean named by spring.cloud.function.definition.
  function_entry_point = "app.coherence.gcp.function.CoherenceFunctionInvoker"

  # Cloud Run's deterministic URL; known before the service exists, so the analysis service can
  # check the OIDC audience of its own tasks without a dependency cycle.
  analysis_url = "https://analysis-${data.google_project.this.number}.${var.region}.run.app"

  # A gen2 function also answers at this deterministic URL (known before the function exists).
  function_urls = { for name in keys(local.functions) : name => "https://${var.region}-${var.project}.cloudfunctions.net/${name}" }

  analysis_image = "${var.region}-docker.pkg.dev/${var.project}/${var.artifact_repository}/analysis:${var.analysis_image_tag}"

  common_env = {
    GOOGLE_CLOUD_PROJECT              = var.project
    COHERENCE_UPLOADS_BUCKET          = google_storage_bucket.uploads.name
    COHERENCE_TASKS_LOCATION          = var.region
    COHERENCE_TASKS_QUEUE             = google_cloud_tasks_queue.analysis.name
    COHERENCE_ANALYSIS_URL            = "${local.analysis_url}/tasks/analyze"
    COHERENCE_ANALYSIS_AUDIENCE       = local.analysis_url
    COHERENCE_TASKS_SERVICE_ACCOUNT   = google_service_account.tasks.email
    COHERENCE_EVENTS_TOPIC            = google_pubsub_topic.analysis_events.name
    LOGGING_STRUCTURED_FORMAT_CONSOLE = "app.coherence.gcp.logging.CloudLoggingFormat"
    # No trace exporter is configured: the Firestore client's spans (on by default) only cost CPU on every call.
    FIRESTORE_ENABLE_TRACING          = "off"
  }

  # Stripe prices and where Checkout / the Customer Portal send the user back (BillingSettings).
  stripe_env = {
    APP_URL                 = local.web_origins[0]
    STRIPE_PRICE_INDIVIDUAL = var.stripe_price_individual
    STRIPE_PRICE_PRO        = var.stripe_price_pro
  }
}
