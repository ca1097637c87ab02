# Firestore (native mode), its security rules and the composite indexes the API's queries need.
resource "google_firestore_database" "default" {
  name        = "(default)"
  location_id = var.firestore_location
  type        = "FIRESTORE_NATIVE"

  depends_on = [google_project_service.apis]
}

resource "google_firebaserules_ruleset" "firestore" {
  project = var.project
  source {
    files {
      name    = "firestore.rules"
      content = file("${path.module}/firestore.rules")
    }
  }

  depends_on = [google_firestore_database.default, google_project_service.apis]
}

resource "google_firebaserules_release" "firestore" {
  project      = var.project
  name         = "cloud.firestore"
  ruleset_name = "projects/${var.project}/rulesets/${google_firebaserules_ruleset.firestore.name}"

  lifecycle {
    replace_triggered_by = [google_firebaserules_ruleset.firestore]
  }
}

# Indexes come from firestore.indexes.json (the file the Firestore emulator and `firebase deploy`
# read too), so there is one list of indexes.
locals {
  firestore_index_file = jsondecode(file("${path.module}/firestore.indexes.json"))
  firestore_indexes = {
    for index in try(local.firestore_index_file.indexes, []) :
    join("-", concat([index.collectionGroup, lower(try(index.queryScope, "COLLECTION"))],
    [for f in index.fields : "${f.fieldPath}.${lower(try(f.order, try(f.arrayConfig, "")))}"])) => index
  }
  firestore_field_overrides = {
    for override in try(local.firestore_index_file.fieldOverrides, []) :
    "${override.collectionGroup}.${override.fieldPath}" => override
  }
}

resource "google_firestore_index" "indexes" {
  for_each = local.firestore_indexes

  database    = google_firestore_database.default.name
  collection  = each.value.collectionGroup
  query_scope = try(each.value.queryScope, "COLLECTION")

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path   = fields.value.fieldPath
      order        = try(fields.value.order, null)
      array_config = try(fields.value.arrayConfig, null)
    }
  }
}

resource "google_firestore_field" "overrides" {
  for_each = local.firestore_field_overrides

  database   = google_firestore_database.default.name
  collection = each.value.collectionGroup
  field      = each.value.fieldPath

  index_config {
    dynamic "indexes" {
      for_each = try(each.value.indexes, [])
      content {
        query_scope  = try(indexes.value.queryScope, "COLLECTION")
        order        = try(indexes.value.order, null)
        array_config = try(indexes.value.arrayConfig, null)
      }
    }
  }

  dynamic "ttl_config" {
    for_each = try(each.value.ttl, false) ? [1] : []
    content {}
  }
}
