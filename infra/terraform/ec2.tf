# Batch scoring and training on EC2: an Auto Scaling group of 0..1 instances from a launch
# template. A schedule raises it to 1; the instance pulls the image, runs the job in a
# container, ships logs to CloudWatch and scales the group back to 0 (a second schedule is the
# safety stop). No SSH: no key pair and no inbound rule; operators use SSM Session Manager.

data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_security_group" "batch" {
  name        = "${local.name}-batch"
  description = "Batch instances: no inbound traffic; HTTPS out to S3, ECR, SSM and CloudWatch."
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "batch_https" {
  security_group_id = aws_security_group.batch.id
  description       = "HTTPS to AWS APIs (through NAT or VPC endpoints)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_launch_template" "batch" {
  name_prefix   = "${local.name}-batch-"
  image_id      = data.aws_ssm_parameter.al2023.value
  instance_type = var.batch_instance_type

  # The job ends by shutting down or scaling in: either way the instance goes away.
  instance_initiated_shutdown_behavior = "terminate"

  iam_instance_profile {
    arn = aws_iam_instance_profile.batch.arn
  }

  vpc_security_group_ids = [aws_security_group.batch.id]

  # IMDSv2 only; hop limit 2 so the job's container can reach it for role credentials.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = var.batch_volume_gb
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  user_data = base64encode(templatefile("${path.module}/batch-user-data.sh.tftpl", {
    region           = var.region
    image_uri        = local.image_uri
    registry         = split("/", aws_ecr_repository.app.repository_url)[0]
    log_group        = aws_cloudwatch_log_group.batch.name
    group_name       = "${local.name}-batch"
    data_bucket      = aws_s3_bucket.this["data"].bucket
    artifacts_bucket = aws_s3_bucket.this["artifacts"].bucket
    artifact_uri     = "s3://${aws_s3_bucket.this["artifacts"].bucket}/${local.tracking_prefix}"
    command          = var.batch_command
  }))

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${local.name}-batch" }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Name = "${local.name}-batch" }
  }
}

resource "aws_autoscaling_group" "batch" {
  name                = "${local.name}-batch"
  min_size            = 0
  max_size            = 1
  desired_capacity    = 0
  vpc_zone_identifier = var.batch_subnet_ids
  health_check_type   = "EC2"

  launch_template {
    id      = aws_launch_template.batch.id
    version = aws_launch_template.batch.latest_version
  }

  # The schedules and the job itself change the desired capacity.
  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_autoscaling_schedule" "batch_start" {
  scheduled_action_name  = "${local.name}-batch-start"
  autoscaling_group_name = aws_autoscaling_group.batch.name
  recurrence             = var.batch_schedule
  time_zone              = "Etc/UTC"
  min_size               = 0
  max_size               = 1
  desired_capacity       = 1
}

resource "aws_autoscaling_schedule" "batch_stop" {
  scheduled_action_name  = "${local.name}-batch-stop"
  autoscaling_group_name = aws_autoscaling_group.batch.name
  recurrence             = var.batch_stop_schedule
  time_zone              = "Etc/UTC"
  min_size               = 0
  max_size               = 1
  desired_capacity       = 0
}
