# The analysis service: the Cloud Tasks target (POST /tasks/analyze). One video per instance at a
# time (the pipeline uses both CPUs), up to 30 minutes per task, reachable only with the tasks
# account's OIDC token (no allUsers binding; iam.tf grants run.invoker to that account only).
resource "google_artifact_registry_repository" "images" {
  location      = var.region
  repository_id = var.artifact_repository
  format        = "DOCKER"
  description   = "Coherence container images"

  depends_on = [google_project_service.apis]
}

resource "google_cloud_run_v2_service" "analysis" {
  name     = "analysis"
  location = var.region
  # Cloud Tasks reaches the service from outside the VPC; IAM keeps everyone else out.
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = false

  template {
    service_account                  = google_service_account.analysis.email
    timeout                          = "1800s"
    max_instance_request_concurrency = 1
    # Cloud Storage volumes need the second generation environment
    execution_environment = "EXECUTION_ENVIRONMENT_GEN2"

    # The uploads bucket mounted read-only: videos are read in place (streamed by Cloud Storage FUSE)
    # instead of downloaded into the instance's in-memory disk, where a video of gigabytes would not fit.
    volumes {
      name = "uploads"
      gcs {
        bucket    = google_storage_bucket.uploads.name
        read_only = true
      }
    }

    scaling {
      min_instance_count = 0
      max_instance_count = var.analysis_max_instances
    }

    containers {
      image = local.analysis_image

      resources {
        limits = {
          cpu    = "2"
          memory = var.analysis_memory
        }
        cpu_idle = true
      }

      ports {
        container_port = 8080
      }

      volume_mounts {
        name       = "uploads"
        mount_path = "/mnt/uploads"
      }

      env {
        name  = "COHERENCE_UPLOADS_MOUNT"
        value = "/mnt/uploads"
      }

      dynamic "env" {
        for_each = local.common_env
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        tcp_socket {
          port = 8080
        }
        initial_delay_seconds = 0
        period_seconds        = 3
        failure_threshold     = 40
      }
    }
  }

  depends_on = [
    google_artifact_registry_repository.images,
    google_project_iam_member.datastore_user,
  ]
}
