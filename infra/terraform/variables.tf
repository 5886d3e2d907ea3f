variable "project" {
  description = "Short project name used in resource names."
  type        = string
  default     = "mhi"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.project))
    error_message = "project: 2-16 lower-case letters, digits or '-', starting with a letter."
  }
}

variable "environment" {
  description = "Deployment stage (dev, staging, prod): part of every name."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment: 2-10 lower-case letters or digits."
  }
}

variable "region" {
  description = "AWS region for every resource."
  type        = string
  default     = "eu-west-1"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "image_tag" {
  description = "Tag of the application image in ECR that Lambda and the batch instances run (immutable tags: deploy a new tag to roll out, the previous one to roll back)."
  type        = string
}

variable "model_prefix" {
  description = "Key prefix in the artifacts bucket holding the served model bundles; the Lambda role can read nothing else."
  type        = string
  default     = "models/"
}

variable "model_key" {
  description = "Key (under model_prefix) of the bundle archive Lambda serves, e.g. mental-health-classifier/champion.mhib."
  type        = string
  default     = "mental-health-classifier/champion.mhib"
}

variable "raw_data_prefix" {
  description = "Key prefix in the data bucket with input datasets (read by batch/training)."
  type        = string
  default     = "raw/"
}

variable "outputs_prefix" {
  description = "Key prefix in the data bucket where batch and training jobs write outputs."
  type        = string
  default     = "outputs/"
}

variable "tracking_prefix" {
  description = "Key prefix in the artifacts bucket for tracking run artifacts (MHI_ARTIFACT_URI)."
  type        = string
  default     = "mlartifacts/"
}

variable "lambda_memory_mb" {
  description = "Lambda memory (MB); CPU scales with it. 2048 keeps XGBoost scoring and cold starts quick."
  type        = number
  default     = 2048
}

variable "lambda_timeout_seconds" {
  description = "Lambda timeout (API Gateway HTTP APIs stop waiting after 30 s)."
  type        = number
  default     = 29
}

variable "lambda_reserved_concurrency" {
  description = "Cap on concurrent Lambda executions (cost and abuse guard); -1 for no cap."
  type        = number
  default     = 20
}

variable "lambda_environment" {
  description = "Extra environment variables for the served app (e.g. MLFLOW_TRACKING_URI for an MLflow server)."
  type        = map(string)
  default     = {}
}

variable "api_throttling_rate_limit" {
  description = "Steady-state requests per second API Gateway lets through (default stage route settings)."
  type        = number
  default     = 50
}

variable "api_throttling_burst_limit" {
  description = "Burst of requests API Gateway lets through."
  type        = number
  default     = 100
}

variable "log_retention_days" {
  description = "CloudWatch log retention (must be a value CloudWatch accepts)."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch's retention values."
  }
}

variable "noncurrent_version_days" {
  description = "Days before old object versions are deleted."
  type        = number
  default     = 90
}

variable "outputs_expiration_days" {
  description = "Days before batch/training outputs under outputs_prefix expire (0 keeps them)."
  type        = number
  default     = 180
}

variable "batch_instance_type" {
  description = "EC2 instance type for batch scoring and training jobs."
  type        = string
  default     = "c7i.large"
}

variable "batch_volume_gb" {
  description = "Root volume size (GB) of batch instances (image + staged data)."
  type        = number
  default     = 30
}

variable "batch_subnet_ids" {
  description = "Private subnets (with a NAT gateway or VPC endpoints for S3, ECR, SSM, CloudWatch Logs) for batch instances."
  type        = list(string)
}

variable "vpc_id" {
  description = "VPC of batch_subnet_ids."
  type        = string
}

variable "batch_schedule" {
  description = "When the scheduled batch job starts (Auto Scaling recurrence, cron in UTC)."
  type        = string
  default     = "0 2 * * *"
}

variable "batch_stop_schedule" {
  description = "Safety stop (cron in UTC): the group is scaled back to 0 then even if the job hung; keep it after batch_schedule plus the longest run."
  type        = string
  default     = "0 5 * * *"
}

variable "batch_command" {
  description = "The mhi command the scheduled instance runs in the container (arguments after `mhi`); placeholders {data}, {artifacts} (bucket names) and {date} (UTC, YYYY-MM-DD) are filled in by the user data."
  type        = string
  default     = "batch --input s3://{data}/raw/incoming/ --output s3://{data}/outputs/{date}/predictions.csv --model s3://{artifacts}/models/mental-health-classifier/champion.mhib"
}
