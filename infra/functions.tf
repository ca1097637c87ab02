# Cloud Functions (2nd gen). Each function module builds a deployable jar into
# functions/<module>/target/deploy (mvn package); Terraform zips it, uploads it to the sources
# bucket and deploys it with the common entry point and the module's function bean.
locals {
  functions = {
    quota = {
      module     = "quota"
      definition = "uploads" # POST /v1/uploads, GET /v1/usage
      memory     = "1Gi"
      timeout    = 60
      max        = 20
      secrets    = []
      env        = {}
      trigger    = null
    }
    "upload-trigger" = {
      module     = "upload-trigger"
      definition = "uploadTrigger" # Storage object finalized -> queued -> analysis task
      memory     = "1Gi"
      timeout    = 60
      max        = 10
      secrets    = []
      env        = {}
      trigger = {
        event_type   = "google.cloud.storage.object.v1.finalized"
        pubsub_topic = null
        filters      = { bucket = google_storage_bucket.uploads.name }
      }
    }
    api = {
      module     = "api"
      definition = "api" # everything else under /v1/ (delegates /v1/billing/** to bean billing)
      memory     = "1Gi"
      timeout    = 60
      max        = 20
      secrets    = ["STRIPE_API_KEY"]
      env        = local.stripe_env
      trigger    = null
    }
    "stripe-webhook" = {
      module     = "stripe-webhook"
      definition = "stripeWebhook" # POST /v1/stripe/webhook
      memory     = "1Gi"
      timeout    = 60
      max        = 5
      secrets    = ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"]
      env        = local.stripe_env
      trigger    = null
    }
    notifier = {
      module     = "notifier"
      definition = "analysisEventsNotifier" # analysis-events -> user stats, failure notices
      memory     = "1Gi"
      timeout    = 60
      max        = 5
      secrets    = []
      env        = {}
      trigger = {
        event_type   = "google.cloud.pubsub.topic.v1.messagePublished"
        pubsub_topic = google_pubsub_topic.analysis_events.id
        filters      = {}
      }
    }
  }
}

data "archive_file" "function" {
  for_each    = local.functions
  type        = "zip"
  source_dir  = "${path.module}/${var.functions_dir}/${each.value.module}/target/deploy"
  output_path = "${path.module}/.build/${each.key}.zip"
}

resource "google_storage_bucket_object" "function" {
  for_each = local.functions
  bucket   = google_storage_bucket.function_sources.name
  name     = "${each.key}-${data.archive_file.function[each.key].output_md5}.zip"
  source   = data.archive_file.function[each.key].output_path
}

resource "google_cloudfunctions2_function" "fn" {
  for_each = local.functions
  name     = each.key
  location = var.region

  build_config {
    runtime     = "java17"
    entry_point = local.function_entry_point
    source {
      storage_source {
        bucket = google_storage_bucket.function_sources.name
        object = google_storage_bucket_object.function[each.key].name
      }
    }
  }

  service_config {
    available_memory                 = each.value.memory
    available_cpu                    = "1"
    timeout_seconds                  = each.value.timeout
    max_instance_count               = each.value.max
    max_instance_request_concurrency = 1
    ingress_settings                 = "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.fn[each.key].email

    environment_variables = merge(local.common_env, each.value.env, {
      SPRING_CLOUD_FUNCTION_DEFINITION = each.value.definition
      # The class archive cloudbuild.yaml made by a training run (functions/class-archive.sh) ships
      # beside the jar; a JVM that cannot use it warns and starts without it (-Xshare:auto).
      JAVA_TOOL_OPTIONS = "-XX:SharedArchiveFile=/workspace/function-${each.value.module}.jsa -Xshare:auto"
    })

    dynamic "secret_environment_variables" {
      for_each = toset(each.value.secrets)
      content {
        key        = secret_environment_variables.value
        project_id = var.project
        secret     = google_secret_manager_secret.stripe[secret_environment_variables.value].secret_id
        version    = "latest"
      }
    }
  }

  dynamic "event_trigger" {
    for_each = each.value.trigger == null ? [] : [each.value.trigger]
    content {
      trigger_region        = var.region
      event_type            = event_trigger.value.event_type
      pubsub_topic          = event_trigger.value.pubsub_topic
      retry_policy          = "RETRY_POLICY_RETRY" # handlers are idempotent
      service_account_email = google_service_account.fn[each.key].email

      dynamic "event_filters" {
        for_each = event_trigger.value.filters
        content {
          attribute = event_filters.key
          value     = event_filters.value
        }
      }
    }
  }

  depends_on = [
    google_project_iam_member.datastore_user,
    google_project_iam_member.event_receiver,
    google_project_iam_member.gcs_pubsub_publisher,
    google_secret_manager_secret_iam_member.readers,
  ]
}
