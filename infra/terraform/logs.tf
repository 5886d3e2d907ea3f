# Every log group is created here with a retention, so nothing logs forever by default.
# Logs never contain record values (the application's rule); they may contain request ids.

resource "aws_cloudwatch_log_group" "lambda" {
  name              = "/aws/lambda/${local.name}-api"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.name}-api/access"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "batch" {
  name              = "/${var.project}/${var.environment}/batch"
  retention_in_days = var.log_retention_days
}
