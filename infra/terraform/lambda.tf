# The API on Lambda: the container image runs `mhi serve` unchanged; the AWS Lambda Web
# Adapter (an extension inside the image, see docs/deploy-aws.md) turns Lambda events into
# HTTP requests to it on port 8080 and waits for /health/ready before the first request.

resource "aws_lambda_function" "api" {
  function_name = "${local.name}-api"
  role          = aws_iam_role.lambda.arn
  package_type  = "Image"
  image_uri     = local.image_uri
  architectures = ["x86_64"]
  memory_size   = var.lambda_memory_mb
  timeout       = var.lambda_timeout_seconds

  reserved_concurrent_executions = var.lambda_reserved_concurrency

  # The image's entry point is `mhi`; /tmp is the only writable folder on Lambda.
  image_config {
    command           = ["serve"]
    working_directory = "/tmp"
  }

  environment {
    variables = merge(
      {
        AWS_LWA_PORT                  = "8080"
        AWS_LWA_READINESS_CHECK_PATH  = "/health/ready"
        AWS_LWA_ASYNC_INIT            = "true"
        ASPNETCORE_URLS               = "http://0.0.0.0:8080"
        ASPNETCORE_ENVIRONMENT        = "Production"
        DOTNET_gcServer               = "0"
        # The served bundle; override (or set MLFLOW_TRACKING_URI) through lambda_environment.
        Serving__Model = "s3://${aws_s3_bucket.this["artifacts"].bucket}/${local.model_prefix}/${var.model_key}"
      },
      var.lambda_environment
    )
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.lambda.name
  }

  tracing_config {
    mode = "PassThrough"
  }

  depends_on = [
    aws_iam_role_policy.lambda,
    aws_cloudwatch_log_group.lambda,
    aws_ecr_repository_policy.app,
  ]
}

resource "aws_lambda_permission" "api_gateway" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
