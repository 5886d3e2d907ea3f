using System.Globalization;
using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    /// <summary>
    /// Reads the trees of an XGBoost JSON model (the format <see cref="XGBoostModel.ToJson"/> and
    /// Python's <c>save_model("m.json")</c> write).
    /// </summary>
    /// <param name="json">The model bytes (UTF-8 JSON).</param>
    /// <param name="reason">Why the model cannot be evaluated here, when the result is null.</param>
    /// <returns>
    /// The ensemble, or null when the model uses something this evaluator does not implement
    /// (another objective, dart, several targets, categorical splits) or is not a readable model.
    /// </returns>
    public static XGBoostTreeEnsemble? TryParse(ReadOnlySpan<byte> json, out string? reason) =>
        TryParseWithTableBudget(json, DefaultShapTableBudgetBytes, out reason);

    /// <summary>
    /// <see cref="TryParse(ReadOnlySpan{byte}, out string?)"/> with another bound on the memory
    /// of the TreeSHAP tables (trees beyond it keep the reference algorithm; 0 = none tabled).
    /// </summary>
    internal static XGBoostTreeEnsemble? TryParseWithTableBudget(
        ReadOnlySpan<byte> json,
        long shapTableBudgetBytes,
        out string? reason
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shapTableBudgetBytes);
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return Parse(document.RootElement, shapTableBudgetBytes, out reason);
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or KeyNotFoundException
                        or InvalidOperationException
                        or FormatException
                        or OverflowException
                        or IndexOutOfRangeException
            )
        {
            reason = "The model JSON does not have the expected XGBoost layout.";
            return null;
        }
    }

    private static XGBoostTreeEnsemble? Parse(
        JsonElement root,
        long shapTableBudgetBytes,
        out string? reason
    )
    {
        var learner = root.GetProperty("learner");
        var objective = learner.GetProperty("objective").GetProperty("name").GetString();
        if (!string.Equals(objective, "binary:logistic", StringComparison.Ordinal))
        {
            reason = "Only binary:logistic models are evaluated in managed code.";
            return null;
        }

        var booster = learner.GetProperty("gradient_booster");
        if (
            booster.TryGetProperty("name", out var boosterName)
            && !string.Equals(boosterName.GetString(), "gbtree", StringComparison.Ordinal)
        )
        {
            reason = "Only the gbtree booster is evaluated in managed code.";
            return null;
        }

        var parameters = learner.GetProperty("learner_model_param");
        var featureCount = int.Parse(
            parameters.GetProperty("num_feature").GetString()!,
            CultureInfo.InvariantCulture
        );
        if (
            parameters.TryGetProperty("num_target", out var targets)
            && targets.GetString() is { } t
            && t != "1"
        )
        {
            reason = "Only single-target models are evaluated in managed code.";
            return null;
        }

        var baseScore = float.Parse(
            parameters.GetProperty("base_score").GetString()!,
            NumberStyles.Float,
            CultureInfo.InvariantCulture
        );
        if (!(baseScore > 0f && baseScore < 1f))
        {
            reason = "base_score must be in (0, 1) for binary:logistic.";
            return null;
        }

        // XGBoost 1.7's LogisticRegression::ProbToMargin, in float.
        var baseMargin = -MathF.Log((1.0f / baseScore) - 1.0f);
        var trees = booster.GetProperty("model").GetProperty("trees");
        return Build(featureCount, baseMargin, trees, shapTableBudgetBytes, out reason);
    }

    private static XGBoostTreeEnsemble? Build(
        int featureCount,
        float baseMargin,
        JsonElement trees,
        long shapTableBudgetBytes,
        out string? reason
    )
    {
        var treeCount = trees.GetArrayLength();
        var starts = new int[treeCount + 1];
        var total = 0;
        var index = 0;
        foreach (var tree in trees.EnumerateArray())
        {
            starts[index++] = total;
            total += tree.GetProperty("left_children").GetArrayLength();
        }

        starts[treeCount] = total;
        var left = new int[total];
        var right = new int[total];
        var feature = new int[total];
        var threshold = new float[total];
        var defaultLeft = new bool[total];
        var cover = new float[total];
        var maxDepth = 0;
        index = 0;
        foreach (var tree in trees.EnumerateArray())
        {
            var offset = starts[index++];
            if (HasCategoricalSplit(tree))
            {
                reason = "Categorical splits are not evaluated in managed code.";
                return null;
            }

            var count = tree.GetProperty("left_children").GetArrayLength();
            ReadInts(tree.GetProperty("left_children"), left.AsSpan(offset, count), offset);
            ReadInts(tree.GetProperty("right_children"), right.AsSpan(offset, count), offset);
            ReadInts(tree.GetProperty("split_indices"), feature.AsSpan(offset, count), 0);
            ReadFloats(tree.GetProperty("split_conditions"), threshold.AsSpan(offset, count));
            ReadFloats(tree.GetProperty("sum_hessian"), cover.AsSpan(offset, count));
            var k = offset;
            foreach (var flag in tree.GetProperty("default_left").EnumerateArray())
            {
                defaultLeft[k++] =
                    flag.ValueKind == JsonValueKind.True
                    || (flag.ValueKind == JsonValueKind.Number && flag.GetInt32() != 0);
            }

            if (!CheckTree(left, right, feature, offset, count, featureCount, out var depth))
            {
                reason = "A tree's node links or split features are inconsistent.";
                return null;
            }

            maxDepth = Math.Max(maxDepth, depth);
        }

        reason = null;
        return new XGBoostTreeEnsemble(
            featureCount,
            baseMargin,
            starts,
            left,
            right,
            feature,
            threshold,
            defaultLeft,
            cover,
            maxDepth,
            shapTableBudgetBytes
        );
    }

    private static bool HasCategoricalSplit(JsonElement tree)
    {
        if (!tree.TryGetProperty("split_type", out var types))
        {
            return false;
        }

        foreach (var type in types.EnumerateArray())
        {
            if (type.GetInt32() != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadInts(JsonElement array, Span<int> destination, int offset)
    {
        var i = 0;
        foreach (var value in array.EnumerateArray())
        {
            var v = value.GetInt32();
            destination[i++] = v < 0 ? -1 : v + offset;
        }
    }

    private static void ReadFloats(JsonElement array, Span<float> destination)
    {
        var i = 0;
        foreach (var value in array.EnumerateArray())
        {
            destination[i++] = value.GetSingle();
        }
    }

    // Walks the tree from its root: every child inside the tree and reached once (no cycles or
    // shared nodes), every split feature an input column. Returns the depth of the deepest leaf.
    private static bool CheckTree(
        int[] left,
        int[] right,
        int[] feature,
        int offset,
        int count,
        int featureCount,
        out int depth
    )
    {
        depth = 0;
        var end = offset + count;
        var seen = new bool[count];
        var stack = new Stack<(int Node, int Depth)>();
        stack.Push((offset, 0));
        while (stack.Count > 0)
        {
            var (node, d) = stack.Pop();
            if (node < offset || node >= end || seen[node - offset])
            {
                return false;
            }

            seen[node - offset] = true;
            depth = Math.Max(depth, d);
            if (left[node] < 0 && right[node] < 0)
            {
                continue;
            }

            if (
                left[node] < 0
                || right[node] < 0
                || feature[node] < 0
                || feature[node] >= featureCount
            )
            {
                return false;
            }

            stack.Push((left[node], d + 1));
            stack.Push((right[node], d + 1));
        }

        return true;
    }
}
