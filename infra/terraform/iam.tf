# Least privilege. Two roles:
# - lambda: reads the served model bundles (artifacts bucket, model prefix only) and writes
#   its own logs. No write access to S3 at all.
# - batch (EC2 instance profile): reads input data, writes outputs, reads/writes model bundles
#   and tracking artifacts, pulls the image, writes its logs, is reachable through SSM, and may
#   scale its own Auto Scaling group back to zero when the job ends.

# ---- Lambda ---------------------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  name               = "${local.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "lambda" {
  statement {
    sid       = "ReadServedModels"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.this["artifacts"].arn}/${local.model_prefix}/*"]
  }

  statement {
    sid       = "ListServedModels"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["artifacts"].arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.model_prefix}/*"]
    }
  }

  statement {
    sid       = "DecryptModels"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.storage.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "WriteOwnLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.lambda.arn}:*"]
  }
}

resource "aws_iam_role_policy" "lambda" {
  name   = "${local.name}-lambda"
  role   = aws_iam_role.lambda.id
  policy = data.aws_iam_policy_document.lambda.json
}

# ---- Batch / training instances -------------------------------------------------------------

data "aws_iam_policy_document" "batch_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "batch" {
  name               = "${local.name}-batch"
  assume_role_policy = data.aws_iam_policy_document.batch_assume.json
}

data "aws_iam_policy_document" "batch" {
  statement {
    sid       = "ReadInputData"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.this["data"].arn}/${local.raw_prefix}/*"]
  }

  statement {
    sid    = "WriteOutputs"
    effect = "Allow"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${aws_s3_bucket.this["data"].arn}/${local.outputs_prefix}/*"]
  }

  statement {
    sid       = "ListData"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["data"].arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.raw_prefix}/*", "${local.outputs_prefix}/*"]
    }
  }

  statement {
    sid    = "ReadWriteModelsAndTrackingArtifacts"
    effect = "Allow"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [
      "${aws_s3_bucket.this["artifacts"].arn}/${local.model_prefix}/*",
      "${aws_s3_bucket.this["artifacts"].arn}/${local.tracking_prefix}/*",
    ]
  }

  statement {
    sid       = "ListArtifacts"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["artifacts"].arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.model_prefix}/*", "${local.tracking_prefix}/*"]
    }
  }

  statement {
    sid       = "UseStorageKey"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.storage.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com"]
    }
  }

  # GetAuthorizationToken has no resource-level permissions: AWS requires "*" for it alone.
  statement {
    sid       = "EcrLogin"
    effect    = "Allow"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid    = "PullImage"
    effect = "Allow"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [aws_ecr_repository.app.arn]
  }

  statement {
    sid       = "WriteOwnLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.batch.arn}:*"]
  }

  statement {
    sid       = "StopOwnGroup"
    effect    = "Allow"
    actions   = ["autoscaling:SetDesiredCapacity"]
    resources = ["arn:${local.partition}:autoscaling:${var.region}:${local.account_id}:autoScalingGroup:*:autoScalingGroupName/${local.name}-batch"]
  }
}

resource "aws_iam_role_policy" "batch" {
  name   = "${local.name}-batch"
  role   = aws_iam_role.batch.id
  policy = data.aws_iam_policy_document.batch.json
}

# Session Manager instead of SSH: no key pair, no inbound port.
resource "aws_iam_role_policy_attachment" "batch_ssm" {
  role       = aws_iam_role.batch.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "batch" {
  name = "${local.name}-batch"
  role = aws_iam_role.batch.name
}
