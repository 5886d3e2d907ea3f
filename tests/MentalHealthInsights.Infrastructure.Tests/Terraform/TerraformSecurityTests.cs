using System.Text.Json.Nodes;

namespace MentalHealthInsights.Infrastructure.Tests.Terraform;

/// <summary>
/// What CI can check without a terraform binary: every file parses, and the security
/// properties of issue 8 hold on the parsed configuration.
/// </summary>
public sealed class TerraformSecurityTests(TerraformConfiguration terraform)
    : IClassFixture<TerraformConfiguration>
{
    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static JsonObject First(JsonObject body, string block) =>
        body[block]!.AsArray()[0]!.AsObject();

    private IEnumerable<(string Name, JsonObject Body)> PerBucket(string type) =>
        terraform.Resources(type);

    [Fact]
    public void Parse_EveryTfFile_ParsedWithTheExamples()
    {
        Assert.True(terraform.TfFiles.Count >= 10, string.Join(", ", terraform.TfFiles));
        foreach (var file in terraform.TfFiles)
        {
            Assert.True(terraform.Files.ContainsKey(Path.GetFileName(file)), file);
        }
        Assert.NotNull(terraform.Files["backend.tf.example"]?["terraform"]?[0]?["backend"]?["s3"]);
    }

    [Fact]
    public async Task Parse_BrokenFile_FailsWithFileAndLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mhi-broken-{Guid.NewGuid():N}.tf");
        await File.WriteAllTextAsync(
            file,
            "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"a\"\n"
        );
        try
        {
            var (files, error) = await Hcl2Json.ParseAsync([file]);

            Assert.Null(files);
            Assert.Contains(Path.GetFileName(file) + ":", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void S3Buckets_EveryBucket_EncryptedVersionedPrivateWithLifecycle()
    {
        var buckets = terraform.Resources("aws_s3_bucket");
        Assert.NotEmpty(buckets);
        foreach (var (name, bucket) in buckets)
        {
            var reference = "${aws_s3_bucket." + name + "}";
            Assert.Equal("${local.buckets}", Text(bucket["for_each"]));
            Assert.False(bucket["force_destroy"]?.GetValue<bool>() ?? false);

            var encryption = Assert
                .Single(
                    PerBucket("aws_s3_bucket_server_side_encryption_configuration"),
                    r => Text(r.Body["for_each"]) == reference
                )
                .Body;
            var defaults = First(
                First(encryption, "rule"),
                "apply_server_side_encryption_by_default"
            );
            Assert.Equal("aws:kms", Text(defaults["sse_algorithm"]));
            Assert.StartsWith(
                "${aws_kms_key.",
                Text(defaults["kms_master_key_id"]),
                StringComparison.Ordinal
            );

            var block = Assert
                .Single(
                    PerBucket("aws_s3_bucket_public_access_block"),
                    r => Text(r.Body["for_each"]) == reference
                )
                .Body;
            foreach (
                var setting in new[]
                {
                    "block_public_acls",
                    "block_public_policy",
                    "ignore_public_acls",
                    "restrict_public_buckets",
                }
            )
            {
                Assert.True(block[setting]!.GetValue<bool>(), setting);
            }

            var versioning = Assert
                .Single(
                    PerBucket("aws_s3_bucket_versioning"),
                    r => Text(r.Body["for_each"]) == reference
                )
                .Body;
            Assert.Equal("Enabled", Text(First(versioning, "versioning_configuration")["status"]));

            var lifecycle = Assert
                .Single(
                    PerBucket("aws_s3_bucket_lifecycle_configuration"),
                    r => Text(r.Body["for_each"]) == reference
                )
                .Body;
            var rules = lifecycle["rule"]!.AsArray().Select(r => r!.AsObject()).ToList();
            Assert.Contains(rules, r => r["abort_incomplete_multipart_upload"] is not null);
            Assert.Contains(rules, r => r["noncurrent_version_expiration"] is not null);

            var ownership = Assert
                .Single(
                    PerBucket("aws_s3_bucket_ownership_controls"),
                    r => Text(r.Body["for_each"]) == reference
                )
                .Body;
            Assert.Equal("BucketOwnerEnforced", Text(First(ownership, "rule")["object_ownership"]));
        }
        Assert.True(
            terraform.Resource("aws_kms_key", "storage")["enable_key_rotation"]!.GetValue<bool>()
        );
    }

    [Fact]
    public void S3Buckets_PolicyDeniesPlainHttp()
    {
        var document = terraform
            .Blocks("data", "aws_iam_policy_document")
            .Single(d => d.Name == "bucket")
            .Body;

        var deny = IamPolicyChecks
            .Statements(document)
            .Single(s => Text(s["sid"]) == "DenyInsecureTransport");

        Assert.Equal("Deny", Text(deny["effect"]));
        var condition = deny["condition"]![0]!;
        Assert.Equal("aws:SecureTransport", Text(condition["variable"]));
        Assert.Equal("false", Text(condition["values"]![0]));
    }

    [Fact]
    public void LaunchTemplates_ImdsV2RequiredNoKeyPairEncryptedDisk()
    {
        var templates = terraform.Resources("aws_launch_template");
        Assert.NotEmpty(templates);
        foreach (var (name, template) in templates)
        {
            var metadata = First(template, "metadata_options");
            Assert.Equal("required", Text(metadata["http_tokens"]));
            Assert.Null(template["key_name"]);
            Assert.NotNull(template["iam_instance_profile"]);
            Assert.All(
                template["block_device_mappings"]!.AsArray(),
                d => Assert.True(First(d!.AsObject(), "ebs")["encrypted"]!.GetValue<bool>(), name)
            );
        }
    }

    [Fact]
    public void SecurityGroups_NoInboundRules()
    {
        Assert.DoesNotContain("aws_vpc_security_group_ingress_rule", terraform.ResourceTypes());
        Assert.DoesNotContain("aws_security_group_rule", terraform.ResourceTypes());
        Assert.All(terraform.Resources("aws_security_group"), g => Assert.Null(g.Body["ingress"]));
    }

    [Fact]
    public void BatchRole_HasSsmAccessForSessionsInsteadOfSsh()
    {
        var attachments = terraform
            .Resources("aws_iam_role_policy_attachment")
            .Select(a => a.Body)
            .ToList();

        Assert.Contains(
            attachments,
            a =>
                Text(a["role"]) == "${aws_iam_role.batch.name}"
                && Text(a["policy_arn"])
                    .EndsWith(
                        ":iam::aws:policy/AmazonSSMManagedInstanceCore",
                        StringComparison.Ordinal
                    )
        );
    }

    [Fact]
    public void IamPolicies_NoWildcardActionOnWildcardResource()
    {
        var documents = terraform.Blocks("data", "aws_iam_policy_document");
        Assert.NotEmpty(documents);

        var violations = documents
            .SelectMany(d => IamPolicyChecks.WildcardActionOnWildcardResource(d.Name, d.Body))
            .ToList();

        Assert.Empty(violations);
        // Inline policies all come from policy documents, so the check above covers them.
        Assert.All(
            terraform.Resources("aws_iam_role_policy"),
            p =>
                Assert.StartsWith(
                    "${data.aws_iam_policy_document.",
                    Text(p.Body["policy"]),
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void LambdaRole_ReadsOnlyTheModelPrefix()
    {
        var function = Assert.Single(terraform.Resources("aws_lambda_function")).Body;
        var role = Text(function["role"]); // ${aws_iam_role.<name>.arn}
        var roleName = role["${aws_iam_role.".Length..^".arn}".Length];
        var policies = terraform
            .Resources("aws_iam_role_policy")
            .Where(p => Text(p.Body["role"]) == $"${{aws_iam_role.{roleName}.id}}")
            .ToList();
        Assert.Single(policies);
        Assert.DoesNotContain(
            terraform.Resources("aws_iam_role_policy_attachment"),
            a =>
                Text(a.Body["role"])
                    .StartsWith($"${{aws_iam_role.{roleName}.", StringComparison.Ordinal)
        );
        var documentName = Text(policies[0].Body["policy"])[
            "${data.aws_iam_policy_document.".Length..^".json}".Length
        ];
        var document = terraform
            .Blocks("data", "aws_iam_policy_document")
            .Single(d => d.Name == documentName)
            .Body;

        Assert.Empty(IamPolicyChecks.BeyondModelPrefixReads(document));
        Assert.Contains(
            IamPolicyChecks.Statements(document),
            s => s["actions"]!.AsArray().Any(a => Text(a) == "s3:GetObject")
        );
    }

    [Fact]
    public async Task IamChecks_BadPolicies_AreFlagged()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mhi-bad-{Guid.NewGuid():N}.tf");
        await File.WriteAllTextAsync(
            file,
            """
            data "aws_iam_policy_document" "bad" {
              statement {
                actions   = ["s3:*"]
                resources = ["*"]
              }
              statement {
                actions   = ["s3:PutObject"]
                resources = ["${aws_s3_bucket.this["artifacts"].arn}/${local.model_prefix}/*"]
              }
              statement {
                actions   = ["s3:GetObject"]
                resources = ["${aws_s3_bucket.this["data"].arn}/raw/*"]
              }
            }
            """
        );
        try
        {
            var (files, _) = await Hcl2Json.ParseAsync([file]);
            var document = files![Path.GetFileName(file)]!["data"]!["aws_iam_policy_document"]![
                "bad"
            ]![0]!.AsObject();

            Assert.Single(IamPolicyChecks.WildcardActionOnWildcardResource("bad", document));
            // s3:* (action and '*' resource), s3:PutObject, and a key outside the model prefix.
            Assert.Equal(4, IamPolicyChecks.BeyondModelPrefixReads(document).Count());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Lambda_ContainerImageWithWebAdapterBehindHttpApi()
    {
        var function = Assert.Single(terraform.Resources("aws_lambda_function")).Body;
        Assert.Equal("Image", Text(function["package_type"]));
        var variables = First(function, "environment")["variables"]!.ToJsonString();
        Assert.Contains("AWS_LWA_PORT", variables, StringComparison.Ordinal);
        Assert.Contains("AWS_LWA_READINESS_CHECK_PATH", variables, StringComparison.Ordinal);

        var api = Assert.Single(terraform.Resources("aws_apigatewayv2_api")).Body;
        Assert.Equal("HTTP", Text(api["protocol_type"]));
        var integration = Assert.Single(terraform.Resources("aws_apigatewayv2_integration")).Body;
        Assert.Equal("AWS_PROXY", Text(integration["integration_type"]));
    }

    [Fact]
    public void ApiStage_ThrottledWithAccessLogs()
    {
        var stage = Assert.Single(terraform.Resources("aws_apigatewayv2_stage")).Body;

        var throttling = First(stage, "default_route_settings");
        Assert.NotNull(throttling["throttling_rate_limit"]);
        Assert.NotNull(throttling["throttling_burst_limit"]);
        var logs = First(stage, "access_log_settings");
        Assert.StartsWith(
            "${aws_cloudwatch_log_group.",
            Text(logs["destination_arn"]),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void LogGroups_AllHaveRetention()
    {
        var groups = terraform.Resources("aws_cloudwatch_log_group");

        Assert.True(groups.Count >= 3);
        Assert.All(
            groups,
            g => Assert.Equal("${var.log_retention_days}", Text(g.Body["retention_in_days"]))
        );
    }

    [Fact]
    public void Ecr_ScanOnPushAndImmutableTags()
    {
        var repository = Assert.Single(terraform.Resources("aws_ecr_repository")).Body;

        Assert.Equal("IMMUTABLE", Text(repository["image_tag_mutability"]));
        Assert.True(
            First(repository, "image_scanning_configuration")["scan_on_push"]!.GetValue<bool>()
        );
    }

    [Fact]
    public void TfvarsExample_SetsEveryVariableWithoutDefault()
    {
        var required = terraform
            .Files.Where(f => f.Key.EndsWith(".tf", StringComparison.Ordinal))
            .SelectMany(f => f.Value?["variable"] is JsonObject v ? v : [])
            .Where(v => v.Value![0]!["default"] is null)
            .Select(v => v.Key)
            .ToList();
        var example = terraform.Files["terraform.tfvars.example"]!.AsObject();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(example.ContainsKey(name), name));
    }
}
