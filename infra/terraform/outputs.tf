output "api_url" {
  description = "Base URL of the HTTP API (try <api_url>/health/ready)."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "ecr_repository_url" {
  description = "Push the application image here (tag = var.image_tag)."
  value       = aws_ecr_repository.app.repository_url
}

output "data_bucket" {
  description = "Bucket for input data (raw/) and job outputs (outputs/)."
  value       = aws_s3_bucket.this["data"].bucket
}

output "artifacts_bucket" {
  description = "Bucket for served model bundles (models/) and tracking artifacts (mlartifacts/)."
  value       = aws_s3_bucket.this["artifacts"].bucket
}

output "model_s3_uri" {
  description = "The bundle Lambda serves: upload the champion's .mhib here."
  value       = "s3://${aws_s3_bucket.this["artifacts"].bucket}/${local.model_prefix}/${var.model_key}"
}

output "artifact_uri" {
  description = "MHI_ARTIFACT_URI for training runs (tracking artifacts in S3)."
  value       = "s3://${aws_s3_bucket.this["artifacts"].bucket}/${local.tracking_prefix}"
}

output "lambda_function_name" {
  description = "The API function (for logs, aliases and roll-back)."
  value       = aws_lambda_function.api.function_name
}

output "batch_autoscaling_group" {
  description = "Set its desired capacity to 1 to run the batch job now."
  value       = aws_autoscaling_group.batch.name
}

output "batch_log_group" {
  description = "CloudWatch log group of the batch jobs."
  value       = aws_cloudwatch_log_group.batch.name
}

output "storage_kms_key_arn" {
  description = "KMS key encrypting both buckets."
  value       = aws_kms_key.storage.arn
}
