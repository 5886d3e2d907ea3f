# Two buckets: "data" (input datasets, batch and training outputs) and "artifacts" (model
# bundles served by Lambda, tracking run artifacts). Both: versioned, encrypted with a
# customer-managed KMS key, public access blocked, ACLs disabled, TLS required, and lifecycle
# rules that clean up old versions and abandoned multipart uploads (mhi aborts its own on
# failure; the rule covers crashed processes).

locals {
  buckets = {
    data      = local.data_bucket
    artifacts = local.artifacts_bucket
  }
}

resource "aws_kms_key" "storage" {
  description             = "${local.name}: S3 data and artifacts"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "storage" {
  name          = "alias/${local.name}-storage"
  target_key_id = aws_kms_key.storage.key_id
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets

  bucket = each.value

  # Health-related data: never let `terraform destroy` delete a bucket that still has objects.
  force_destroy = false
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this

  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.storage.arn
    }
    # S3 Bucket Keys cut KMS request costs by ~99% for many small objects.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }
  }

  dynamic "rule" {
    for_each = each.key == "data" && var.outputs_expiration_days > 0 ? [1] : []

    content {
      id     = "expire-outputs"
      status = "Enabled"

      filter {
        prefix = "${local.outputs_prefix}/"
      }

      expiration {
        days = var.outputs_expiration_days
      }
    }
  }

  dynamic "rule" {
    for_each = each.key == "data" ? [1] : []

    content {
      id     = "raw-data-to-infrequent-access"
      status = "Enabled"

      filter {
        prefix = "${local.raw_prefix}/"
      }

      transition {
        days          = 30
        storage_class = "STANDARD_IA"
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

# Deny anything not over TLS, and uploads that are not encrypted with our key.
data "aws_iam_policy_document" "bucket" {
  for_each = aws_s3_bucket.this

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      each.value.arn,
      "${each.value.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyOtherEncryptionKeys"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${each.value.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.storage.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  policy = data.aws_iam_policy_document.bucket[each.key].json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
