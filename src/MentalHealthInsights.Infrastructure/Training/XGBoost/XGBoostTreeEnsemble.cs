using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// A binary:logistic gbtree model evaluated in managed code from XGBoost's own JSON model
/// (<see cref="XGBoostModel.ToJson"/>): margins, probabilities and exact TreeSHAP contributions
/// (XGBoost's <c>pred_contribs</c>), with XGBoost 1.7's float arithmetic in the same order, so
/// results match the native library to float rounding (tested to 1e-6 on thousands of rows).
/// </summary>
/// <remarks>
/// <para>
/// Why: one native call costs a DMatrix round trip (~30 µs for one row) and native one-row
/// TreeSHAP ~1.6 ms; here a one-row prediction is a walk over flat arrays and TreeSHAP a pass
/// over precomputed per-leaf tables (Fast TreeSHAP v2, exact), neither of which allocates
/// managed memory (see docs/xgboost.md).
/// </para>
/// <para>
/// Read-only after construction (the TreeSHAP tables are built once, on the first
/// <see cref="Contributions"/> call, whichever thread makes it) and safe for any number of
/// concurrent callers. Supported:
/// numerical splits only (no categorical splits), one target, gbtree (not dart);
/// <see cref="TryParse"/> returns null for anything else so the caller keeps the native path.
/// </para>
/// </remarks>
public sealed partial class XGBoostTreeEnsemble
{
    // All trees' nodes concatenated; tree t's nodes are [treeStart[t], treeStart[t + 1]).
    // Child indices are absolute (already offset); -1 marks a leaf.
    private readonly int[] treeStart;
    private readonly int[] left;
    private readonly int[] right;
    private readonly int[] feature;
    private readonly float[] threshold;
    private readonly bool[] defaultLeft;
    private readonly float[] cover;
    private readonly float[] meanValue;
    private readonly int maxDepth;

    // The contributions' bias slot, the same for every row: the trees' mean values summed in
    // float in tree order, then the base margin, as XGBoost adds them.
    private readonly float contributionBias;

    // The same nodes packed one per struct for the prediction walk: one cache line per visit
    // instead of one per array.
    private readonly WalkNode[] walk;

    // Fast TreeSHAP v2 tables, built on the first Contributions call (batch-only users never
    // pay for them); Lazy's default mode builds them once however many threads ask.
    private readonly Lazy<ShapTables> shapTables;

    // The tables' answers per cell for rows without missing values, built on a thread of their
    // own after the tables have answered CellsAfterRows such rows, within what the tables left
    // of the budget; until then the tables answer, with the same floats.
    private readonly BuiltInBackground<ShapCells> shapCells;

    private XGBoostTreeEnsemble(
        int featureCount,
        float baseMargin,
        int[] treeStart,
        int[] left,
        int[] right,
        int[] feature,
        float[] threshold,
        bool[] defaultLeft,
        float[] cover,
        int maxDepth,
        long shapTableBudgetBytes
    )
    {
        FeatureCount = featureCount;
        BaseMargin = baseMargin;
        this.treeStart = treeStart;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.threshold = threshold;
        this.defaultLeft = defaultLeft;
        this.cover = cover;
        this.maxDepth = maxDepth;
        walk = new WalkNode[threshold.Length];
        for (var n = 0; n < walk.Length; n++)
        {
            walk[n] = new WalkNode(
                threshold[n],
                feature[n],
                left[n],
                right[n],
                defaultLeft[n] ? left[n] : right[n]
            );
        }

        meanValue = new float[threshold.Length];
        for (var t = 0; t < TreeCount; t++)
        {
            FillMeanValues(treeStart[t]);
        }

        var bias = 0f;
        for (var t = 0; t < TreeCount; t++)
        {
            bias += meanValue[treeStart[t]];
        }

        contributionBias = bias + baseMargin;

        (blockNodes, blockLeafValue, blockRoot, blockDepth) = BuildBlockLayout();
        vector = BuildVectorLayout(WidestVectorLanes);
        shapTables = new Lazy<ShapTables>(() => BuildShapTables(shapTableBudgetBytes));
        shapCells = new BuiltInBackground<ShapCells>(
            () => BuildShapCells(shapTables.Value, shapTableBudgetBytes - shapTables.Value.Bytes),
            CellsAfterRows
        );
    }

    /// <summary>Number of input features.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => treeStart.Length - 1;

    /// <summary>Total number of nodes over all trees.</summary>
    public int NodeCount => threshold.Length;

    /// <summary>The margin every row starts from: logit(base_score), in float as XGBoost computes it.</summary>
    public float BaseMargin { get; }

    /// <summary>
    /// The raw score (log-odds) of one row: <see cref="BaseMargin"/> plus each tree's leaf value,
    /// summed in float in tree order as XGBoost 1.7's CPU predictor does. NaN = missing.
    /// </summary>
    /// <param name="row">Exactly <see cref="FeatureCount"/> values.</param>
    public float Margin(ReadOnlySpan<float> row)
    {
        ModelGuard.CheckRow(row, FeatureCount);
        var sum = BaseMargin;
        for (var t = 0; t < TreeCount; t++)
        {
            sum += walk[Leaf(treeStart[t], row)].Threshold;
        }

        return sum;
    }

    /// <summary>P(y = 1) of one row: the logistic of <see cref="Margin"/>, in float like XGBoost's.</summary>
    public float Probability(ReadOnlySpan<float> row) => Sigmoid(Margin(row));

    /// <summary>
    /// XGBoost 1.7's logistic transform (common::Sigmoid): <c>1 / (exp(min(−x, 88.7)) + 1)</c> in
    /// float, the clamp keeping exp finite.
    /// </summary>
    public static float Sigmoid(float margin) =>
        1.0f / (MathF.Exp(MathF.Min(-margin, 88.7f)) + 1.0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Leaf(int node, ReadOnlySpan<float> row)
    {
        var nodes = walk;
        ref readonly var n = ref nodes[node];
        while (n.Left >= 0)
        {
            var x = row[n.Feature];
            node =
                float.IsNaN(x) ? n.Default
                : x < n.Threshold ? n.Left
                : n.Right;
            n = ref nodes[node];
        }

        return node;
    }

    /// <summary>One node for the prediction walk; a leaf has Left = -1 and its value in Threshold.</summary>
    private readonly record struct WalkNode(
        float Threshold,
        int Feature,
        int Left,
        int Right,
        int Default
    );

    // XGBoost's RegTree::FillNodeMeanValue: the cover-weighted mean leaf value below each node,
    // in float. A leaf's value sits in its split_condition slot, as in the JSON.
    private float FillMeanValues(int node)
    {
        float result;
        if (left[node] < 0)
        {
            result = threshold[node];
        }
        else
        {
            result = FillMeanValues(left[node]) * cover[left[node]];
            result += FillMeanValues(right[node]) * cover[right[node]];
            result /= cover[node];
        }

        meanValue[node] = result;
        return result;
    }
}
