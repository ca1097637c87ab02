variable "project" {
  description = "GCP project id that hosts Coherence."
  type        = string
}

variable "region" {
  description = "Region for functions, Cloud Run, the task queue, the scheduler and the uploads bucket."
  type        = string
  default     = "europe-west1"
}

variable "firestore_location" {
  description = "Firestore location (a region such as europe-west1, or a multi-region such as eur3)."
  type        = string
  default     = "eur3"
}

variable "uploads_bucket" {
  description = "Bucket that receives the users' videos at uploads/{uid}/{videoId}. Globally unique."
  type        = string
}

variable "function_sources_bucket" {
  description = "Bucket that holds the zipped function jars Terraform deploys. Globally unique."
  type        = string
}

variable "web_origins" {
  description = "Origins allowed to PUT to the signed upload URLs (CORS). Empty means the default Firebase Hosting origins of the project."
  type        = list(string)
  default     = []
}

variable "artifact_repository" {
  description = "Artifact Registry Docker repository that holds the analysis image."
  type        = string
  default     = "coherence"
}

variable "analysis_image_tag" {
  description = "Tag of the analysis image in Artifact Registry (Cloud Build passes the commit SHA)."
  type        = string
  default     = "latest"
}

variable "functions_dir" {
  description = "Directory holding the function modules; each function's deployable jar is in <module>/target/deploy (built by mvn package)."
  type        = string
  default     = "../functions"
}

variable "analysis_max_instances" {
  description = "Upper bound of analysis Cloud Run instances (each analyses one video at a time)."
  type        = number
  default     = 10
}

variable "analysis_memory" {
  description = "Memory of an analysis instance. Cloud Run's /tmp is in memory and the job stages the video there, so the largest upload must fit next to the pipeline (8Gi is the most 2 CPUs allow)."
  type        = string
  default     = "4Gi"
}

variable "queue_max_dispatches_per_second" {
  description = "Cloud Tasks dispatch rate of the analysis queue."
  type        = number
  default     = 2
}

variable "queue_max_concurrent_dispatches" {
  description = "Analyses running at once; keep at or below analysis_max_instances."
  type        = number
  default     = 10
}

variable "stripe_price_individual" {
  description = "Stripe price id of the Individual plan."
  type        = string
  default     = ""
}

variable "stripe_price_pro" {
  description = "Stripe price id of the Pro plan."
  type        = string
  default     = ""
}

variable "deleted_video_grace_days" {
  description = "Days a soft-deleted video's stored file is kept before the scheduled cleanup removes it."
  type        = number
  default     = 7
}

variable "reconcile_schedule" {
  description = "Cron schedule (UTC) of the reconciliation of stored uploads and video documents."
  type        = string
  default     = "5,15,25,35,45,55 * * * *"
}

variable "reservation_sweep_schedule" {
  description = "Cron schedule (UTC) of the sweep that expires reservations never uploaded."
  type        = string
  default     = "*/10 * * * *"
}

variable "deleted_cleanup_schedule" {
  description = "Cron schedule (UTC) of the cleanup that removes stored files of soft-deleted videos."
  type        = string
  default     = "30 3 * * *"
}
