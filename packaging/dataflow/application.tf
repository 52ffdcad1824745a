# The lakeshift Data Flow application with Terraform (provider oracle/oci). Same settings as application.json.
#   terraform init && terraform apply -var compartment_ocid=... -var namespace=... -var artifact_bucket=... \
#     -var logs_bucket=... -var jar_object=lakeshift/lakeshift-0.1.0-SNAPSHOT-dataflow.jar
# Upload the jar first (deploy.sh does both with the OCI CLI).

variable "compartment_ocid" { type = string }
variable "namespace" { type = string }
variable "artifact_bucket" { type = string }
variable "logs_bucket" { type = string }
variable "jar_object" { type = string }

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

resource "oci_dataflow_application" "lakeshift" {
  compartment_id  = var.compartment_ocid
  display_name    = "lakeshift"
  description     = "lakeshift: copies a data lake into OCI Object Storage and writes the migration log (JSON lines and Parquet)"
  language        = "JAVA"
  spark_version   = "3.5.0"
  class_name      = "io.lakeshift.cli.Main"
  file_uri        = "oci://${var.artifact_bucket}@${var.namespace}/${var.jar_object}"
  logs_bucket_uri = "oci://${var.logs_bucket}@${var.namespace}/"

  # $${name} is Terraform's escape for a literal ${name}: Data Flow substitutes it with the run's parameter.
  arguments = ["migrate", "--source", "$${source}", "--target", "$${target}", "--log", "$${log}", "--mode", "$${mode}", "--oci-auth", "auto"]

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

  configuration = {
    "dataflow.auth"                   = "resource_principal"
    "spark.executor.extraJavaOptions" = "-XX:+UseG1GC"
    "spark.task.maxFailures"          = "4"
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
