# Stripe secrets. Terraform creates the secrets, never their values (they would land in state):
#   printf %s "$KEY" | gcloud secrets versions add STRIPE_API_KEY --data-file=-
locals {
  secrets = ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET"]
}

resource "google_secret_manager_secret" "stripe" {
  for_each  = toset(local.secrets)
  secret_id = each.value

  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}
