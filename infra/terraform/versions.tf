# Mental Health Insights on AWS: S3 (data, artifacts), ECR, Lambda (+ Web Adapter) behind an
# API Gateway HTTP API, an EC2 launch template and scheduled Auto Scaling group for batch and
# training jobs, IAM with least privilege, CloudWatch logs. See docs/deploy-aws.md.
#
# State: local by default. For a team, copy backend.tf.example to backend.tf (S3 remote state
# with native locking) before `terraform init`.

terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = merge(
      {
        Project     = var.project
        Environment = var.environment
        ManagedBy   = "terraform"
        DataClass   = "health-sensitive"
      },
      var.tags
    )
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  name       = "${var.project}-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  data_bucket      = "${local.name}-data-${local.account_id}"
  artifacts_bucket = "${local.name}-artifacts-${local.account_id}"

  # Key prefixes: the IAM policies below are scoped to them.
  model_prefix    = trimsuffix(var.model_prefix, "/")
  raw_prefix      = trimsuffix(var.raw_data_prefix, "/")
  outputs_prefix  = trimsuffix(var.outputs_prefix, "/")
  tracking_prefix = trimsuffix(var.tracking_prefix, "/")

  image_uri = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"
}
