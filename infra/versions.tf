# Providers and state. State lives in a GCS bucket given at init time:
#   terraform init -backend-config="bucket=<state-bucket>" -backend-config="prefix=coherence"
terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
    google-beta = {
      source  = "hashicorp/google-beta"
      version = "~> 6.0"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }

  backend "gcs" {}
}

provider "google" {
  project = var.project
  region  = var.region
}

# Firebase resources (project, storage bucket link, web app) exist only in google-beta.
provider "google-beta" {
  project               = var.project
  region                = var.region
  user_project_override = true
  billing_project       = var.project
}

data "google_project" "this" {
  project_id = var.project
}
