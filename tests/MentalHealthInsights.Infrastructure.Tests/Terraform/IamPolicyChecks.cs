using System.Text.Json.Nodes;

namespace MentalHealthInsights.Infrastructure.Tests.Terraform;

/// <summary>
/// Checks on parsed <c>aws_iam_policy_document</c> statements, written as functions that
/// return violations so the tests can show they fire on a bad policy too.
/// </summary>
internal static class IamPolicyChecks
{
    /// <summary>Allow statements granting a wildcard action ("*" or "service:*") on the "*" resource.</summary>
    public static IEnumerable<string> WildcardActionOnWildcardResource(
        string policy,
        JsonObject document
    )
    {
        foreach (var statement in Statements(document))
        {
            if (Effect(statement) != "Allow")
            {
                continue;
            }
            var actions = Strings(statement, "actions");
            var resources = Strings(statement, "resources");
            var wildcardAction = actions.Any(a =>
                a == "*" || a.EndsWith(":*", StringComparison.Ordinal)
            );
            if (wildcardAction && resources.Contains("*"))
            {
                yield return $"{policy}/{statement["sid"]}: {string.Join(",", actions)} on *";
            }
            if (actions.Contains("*"))
            {
                yield return $"{policy}/{statement["sid"]}: action '*'";
            }
            if (Strings(statement, "not_actions").Count > 0)
            {
                yield return $"{policy}/{statement["sid"]}: NotAction in an Allow";
            }
        }
    }

    /// <summary>
    /// S3 grants in <paramref name="document"/> beyond reading objects under the model prefix
    /// (and listing that prefix): any write or delete action, any other key.
    /// </summary>
    public static IEnumerable<string> BeyondModelPrefixReads(JsonObject document)
    {
        foreach (var statement in Statements(document))
        {
            if (Effect(statement) != "Allow")
            {
                continue;
            }
            var actions = Strings(statement, "actions");
            foreach (
                var action in actions.Where(a =>
                    a.StartsWith("s3:", StringComparison.Ordinal) || a == "*"
                )
            )
            {
                if (action is not ("s3:GetObject" or "s3:GetObjectVersion" or "s3:ListBucket"))
                {
                    yield return $"{statement["sid"]}: {action}";
                }
            }
            if (!actions.Any(a => a.StartsWith("s3:", StringComparison.Ordinal)))
            {
                continue;
            }
            var resources = Strings(statement, "resources");
            if (actions.Contains("s3:ListBucket"))
            {
                // Listing is scoped by the s3:prefix condition, not the resource.
                var prefixes = (statement["condition"]?.AsArray() ?? [])
                    .Where(c => c?["variable"]?.GetValue<string>() == "s3:prefix")
                    .SelectMany(c => Strings(c!.AsObject(), "values"))
                    .ToList();
                if (
                    prefixes.Count == 0
                    || prefixes.Any(p =>
                        !p.StartsWith("${local.model_prefix}/", StringComparison.Ordinal)
                    )
                )
                {
                    yield return $"{statement["sid"]}: ListBucket not limited to the model prefix";
                }
            }
            else if (
                resources.Any(r => !r.Contains("/${local.model_prefix}/", StringComparison.Ordinal))
            )
            {
                yield return $"{statement["sid"]}: {string.Join(",", resources)}";
            }
        }
    }

    public static IEnumerable<JsonObject> Statements(JsonObject document) =>
        (document["statement"]?.AsArray() ?? []).Select(s => s!.AsObject());

    private static string Effect(JsonObject statement) =>
        statement["effect"]?.GetValue<string>() ?? "Allow";

    private static List<string> Strings(JsonObject node, string name) =>
        (node[name]?.AsArray() ?? []).Select(v => v!.GetValue<string>()).ToList();
}
