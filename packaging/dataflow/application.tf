# The lakeshift Data Flow application with Terraform (provider oracle/oci). Same settings as application.json.
#   terraform init && terraform apply -var compartment_ocid=... -var namespace=... -var artifact_bucket=... \
#     -var logs_bucket=... -var jar_object=lakeshift/lakeshift-0.1.0-SNAPSHOT-dataflow.jar
#   (add -var archive_object=lakeshift/lakeshift-0.1.0-SNAPSHOT-dataflow-archive.zip for s3a:// sources)
# Upload the jar (and the archive) first (deploy.sh does both with the OCI CLI).

terraform {
  required_providers {
    # Oracle's provider; without this block terraform init looks for hashicorp/oci, which is deprecated.
    oci = {
      source = "oracle/oci"
    }
  }
}

variable "compartment_ocid" { type = string }
variable "namespace" { type = string }
variable "artifact_bucket" { type = string }
variable "logs_bucket" { type = string }
variable "jar_object" { type = string }

variable "archive_object" {
  description = "archive.zip in the artifact bucket (hadoop-aws and the AWS SDK, for s3a:// sources); empty: none"
  type        = string
  default     = ""
}

variable "source_uri" {
  type    = string
  default = "abfss://lake@myaccount.dfs.core.windows.net/tables"
}

variable "target_uri" {
  type    = string
  default = "oci://lake@mytenancy/tables/"
}

variable "mode" {
  type    = string
  default = "copy"
}

variable "log_uri" {
  type    = string
  default = "oci://migration-logs@mytenancy/lakeshift/"
}

# The source's credentials: secrets only as oci-vault:<secret OCID> references, read by the run's resource principal.
variable "azure_auth" {
  type    = string
  default = "service_principal"
}

variable "azure_tenant_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

variable "azure_client_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

variable "azure_client_secret" {
  type    = string
  default = "oci-vault:ocid1.vaultsecret.oc1.iad.example-azure-client-secret"
}

variable "s3_access_key" {
  type    = string
  default = "oci-vault:ocid1.vaultsecret.oc1.iad.example-aws-access-key-id"
}

variable "s3_secret_key" {
  type    = string
  default = "oci-vault:ocid1.vaultsecret.oc1.iad.example-aws-secret-access-key"
}

resource "oci_dataflow_application" "lakeshift" {
  compartment_id  = var.compartment_ocid
  display_name    = "lakeshift"
  description     = "lakeshift: copies a data lake into OCI Object Storage and writes the migration log (JSON lines and Parquet)"
  language        = "JAVA"
  spark_version   = "3.5.0"
  class_name      = "io.lakeshift.cli.Main"
  file_uri        = "oci://${var.artifact_bucket}@${var.namespace}/${var.jar_object}"
  logs_bucket_uri = "oci://${var.logs_bucket}@${var.namespace}/"
  archive_uri     = var.archive_object == "" ? null : "oci://${var.artifact_bucket}@${var.namespace}/${var.archive_object}"
  # The provider takes this number as a string (its schema: TypeString, validated as an int64).
  max_duration_in_minutes = "1440"

  # $${name} is Terraform's escape for a literal ${name}: Data Flow substitutes it with the run's parameter.
  arguments = ["migrate", "--source", "$${source}", "--target", "$${target}", "--log", "$${log}", "--mode", "$${mode}", "--oci-auth", "auto", "--azure-auth", "$${azure_auth}", "--azure-tenant-id", "$${azure_tenant_id}", "--azure-client-id", "$${azure_client_id}", "--azure-client-secret", "$${azure_client_secret}", "--s3-access-key", "$${s3_access_key}", "--s3-secret-key", "$${s3_secret_key}"]

  parameters {
    name  = "source"
    value = var.source_uri
  }
  parameters {
    name  = "target"
    value = var.target_uri
  }
  parameters {
    name  = "log"
    value = var.log_uri
  }
  parameters {
    name  = "mode"
    value = var.mode
  }
  parameters {
    name  = "azure_auth"
    value = var.azure_auth
  }
  parameters {
    name  = "azure_tenant_id"
    value = var.azure_tenant_id
  }
  parameters {
    name  = "azure_client_id"
    value = var.azure_client_id
  }
  parameters {
    name  = "azure_client_secret"
    value = var.azure_client_secret
  }
  parameters {
    name  = "s3_access_key"
    value = var.s3_access_key
  }
  parameters {
    name  = "s3_secret_key"
    value = var.s3_secret_key
  }

  configuration = {
    "dataflow.auth"                   = "resource_principal"
    "spark.executor.extraJavaOptions" = "-XX:+UseG1GC"
    "spark.task.maxFailures"          = "4"
    "spark.oracle.deltalake.version"  = "3.1.0"
  }

  driver_shape = "VM.Standard.E4.Flex"
  driver_shape_config {
    ocpus         = 1
    memory_in_gbs = 16
  }
  executor_shape = "VM.Standard.E4.Flex"
  executor_shape_config {
    ocpus         = 2
    memory_in_gbs = 32
  }
  num_executors = 4
}

output "application_id" {
  value = oci_dataflow_application.lakeshift.id
}
