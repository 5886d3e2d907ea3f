using System.Numerics;
using System.Runtime.CompilerServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostTreeEnsemble
{
    private ShapTables BuildShapTables(long budgetBytes)
    {
        var builder = new ShapTableBuilder(this, budgetBytes);
        for (var t = 0; t < TreeCount; t++)
        {
            builder.AddTree(t);
        }

        return builder.Finish();
    }

    // Builds the Fast TreeSHAP v2 tables tree by tree, in tree order, while they fit the budget.
    // A tree keeps the reference algorithm when a path has more than MaxTablePathFeatures
    // distinct features, the tree has more than MaxTableTreeNodes nodes, a zero fraction on a
    // path is not a positive finite number (a child with no cover: the table's (1 − z)/z would
    // divide by zero), or its tables would exceed what is left of the budget.
    private sealed class ShapTableBuilder(XGBoostTreeEnsemble model, long budgetBytes)
    {
        private static readonly long SplitBytes = Unsafe.SizeOf<TableSplit>();
        private static readonly long TermBytes = Unsafe.SizeOf<TableTerm>();

        private readonly List<TableTree> trees = [];
        private readonly List<TableSplit> splits = [];
        private readonly List<TableTerm> terms = [];
        private readonly List<double> values = [];
        private readonly List<int> treeFeature = [];
        private readonly List<int> featureTermEnd = [];
        private long remaining = budgetBytes;
        private long bytes;
        private int tabledTrees;
        private int maxTreeNodes;

        // The tree being read: nodes numbered in preorder, each leaf with its path's distinct
        // features and their zero fractions.
        private readonly List<TableSplit> treeSplits = [];
        private readonly List<(int Node, float Value, int PathStart, int Depth)> treeLeaves = [];
        private readonly List<(int Feature, float Zero)> treePaths = [];
        private readonly Dictionary<int, int> treeSlots = [];
        private readonly List<(int Slot, TableTerm Term)> treeTerms = [];
        private readonly int[] pathFeature = new int[MaxTablePathFeatures];
        private readonly float[] pathZero = new float[MaxTablePathFeatures];
        private int nodeCount;
        private long entries;
        private bool fits;

        // Scratch for one leaf's table.
        private readonly double[] zero = new double[MaxTablePathFeatures];
        private readonly double[] weight = new double[MaxTablePathFeatures + 1];
        private readonly double[] product = new double[1 << MaxTablePathFeatures];
        private readonly double[] subsetSum = new double[1 << MaxTablePathFeatures];

        public void AddTree(int tree)
        {
            treeSplits.Clear();
            treeLeaves.Clear();
            treePaths.Clear();
            nodeCount = 0;
            entries = 0;
            fits = true;
            Visit(model.treeStart[tree], 0);
            var cost =
                (entries * sizeof(double))
                + (treePaths.Count * TermBytes)
                + (treeSplits.Count * (SplitBytes + (2 * sizeof(int))));
            if (!fits || cost > remaining)
            {
                trees.Add(default);
                return;
            }

            remaining -= cost;
            bytes += cost;
            Commit();
        }

        public ShapTables Finish() =>
            new()
            {
                Trees = [.. trees],
                Splits = [.. splits],
                Terms = [.. terms],
                Values = [.. values],
                TreeFeature = [.. treeFeature],
                FeatureTermEnd = [.. featureTermEnd],
                TabledTreeCount = tabledTrees,
                MaxTreeNodes = maxTreeNodes,
                Bytes = bytes,
            };

        private void Visit(int node, int depth)
        {
            if (!fits)
            {
                return;
            }

            var local = nodeCount++;
            if (nodeCount > MaxTableTreeNodes || entries * sizeof(double) > remaining)
            {
                fits = false;
                return;
            }

            if (model.left[node] < 0)
            {
                for (var i = 0; i < depth; i++)
                {
                    if (!(pathZero[i] > 0f && float.IsFinite(pathZero[i])))
                    {
                        fits = false;
                        return;
                    }
                }

                if (depth > 0)
                {
                    treeLeaves.Add((local, model.threshold[node], treePaths.Count, depth));
                    for (var i = 0; i < depth; i++)
                    {
                        treePaths.Add((pathFeature[i], pathZero[i]));
                    }

                    entries += 1L << depth;
                }

                return;
            }

            var f = model.feature[node];
            var k = Array.IndexOf(pathFeature, f, 0, depth);
            var bit = k >= 0 ? k : depth;
            if (bit >= MaxTablePathFeatures)
            {
                fits = false;
                return;
            }

            var at = treeSplits.Count;
            treeSplits.Add(default);
            VisitChild(node, model.left[node], f, k, depth);
            var rightLocal = nodeCount;
            VisitChild(node, model.right[node], f, k, depth);
            treeSplits[at] = new TableSplit(
                model.threshold[node],
                f,
                local,
                rightLocal,
                1 << bit,
                model.defaultLeft[node] ? 1 : 0
            );
        }

        // The child's zero fraction as TreeShap computes it (cover[child] / cover[node] in
        // float); a feature already on the path multiplies its earlier fraction, as ExtendPath
        // does after UnwindPath (incoming zero fraction × this split's).
        private void VisitChild(int parent, int child, int f, int k, int depth)
        {
            var ratio = model.cover[child] / model.cover[parent];
            if (k >= 0)
            {
                var saved = pathZero[k];
                pathZero[k] = ratio * saved;
                Visit(child, depth);
                pathZero[k] = saved;
            }
            else
            {
                pathFeature[depth] = f;
                pathZero[depth] = ratio;
                Visit(child, depth + 1);
            }
        }

        private void Commit()
        {
            var featureStart = treeFeature.Count;
            treeSlots.Clear();
            foreach (var split in treeSplits)
            {
                if (treeSlots.TryAdd(split.Feature, treeSlots.Count))
                {
                    treeFeature.Add(split.Feature);
                }
            }

            var splitStart = splits.Count;
            splits.AddRange(treeSplits);
            treeTerms.Clear();
            foreach (var (node, value, start, depth) in treeLeaves)
            {
                var tableStart = values.Count;
                for (var i = 0; i < depth; i++)
                {
                    var (feature, z) = treePaths[start + i];
                    zero[i] = z;
                    var factor = (1.0 - zero[i]) / zero[i];
                    treeTerms.Add(
                        (
                            treeSlots[feature],
                            new TableTerm(
                                node,
                                1 << i,
                                i,
                                tableStart,
                                BitConverter.DoubleToInt64Bits(factor)
                            )
                        )
                    );
                }

                AddTable(value, depth);
            }

            // Grouped by feature; OrderBy is stable, so leaves stay in preorder within a feature.
            var termStart = terms.Count;
            var slot = 0;
            foreach (var (termSlot, term) in treeTerms.OrderBy(t => t.Slot))
            {
                for (; slot < termSlot; slot++)
                {
                    featureTermEnd.Add(terms.Count);
                }

                terms.Add(term);
            }

            for (; slot < treeSlots.Count; slot++)
            {
                featureTermEnd.Add(terms.Count);
            }

            trees.Add(
                new TableTree(
                    true,
                    splitStart,
                    treeSplits.Count,
                    termStart,
                    featureStart,
                    treeFeature.Count - featureStart
                )
            );
            tabledTrees++;
            maxTreeNodes = Math.Max(maxTreeNodes, nodeCount);
        }

        // v·B(T) for every satisfied set T, stored at the unsatisfied set D ∖ T, where
        // B(T) = Σ_{S⊆T} |S|!(d−1−|S|)!/d! Π_{j∈D∖S} z_j: the Shapley weights times the zero
        // fractions of the features left out, summed over subsets by the subset-sum (zeta)
        // transform in O(d 2^d). All terms are positive, so the double sums lose nothing to
        // cancellation. B(D) is never read (every feature is either in T or left out of S).
        private void AddTable(float leafValue, int d)
        {
            var size = 1 << d;
            var full = size - 1;
            // weight[k] = k!(d−1−k)!/d!, built from weight[0] = (d−1)!/d! = 1/d.
            weight[0] = 1.0 / d;
            for (var k = 1; k < d; k++)
            {
                weight[k] = weight[k - 1] * k / (d - k);
            }

            weight[d] = 0.0;
            product[0] = 1.0;
            for (var set = 1; set < size; set++)
            {
                product[set] =
                    product[set & (set - 1)] * zero[BitOperations.TrailingZeroCount(set)];
            }

            for (var set = 0; set < size; set++)
            {
                subsetSum[set] = weight[BitOperations.PopCount((uint)set)] * product[full ^ set];
            }

            for (var j = 0; j < d; j++)
            {
                var bit = 1 << j;
                for (var set = 0; set < size; set++)
                {
                    if ((set & bit) != 0)
                    {
                        subsetSum[set] += subsetSum[set ^ bit];
                    }
                }
            }

            double v = leafValue;
            for (var unsatisfied = 0; unsatisfied < size; unsatisfied++)
            {
                values.Add(v * subsetSum[full ^ unsatisfied]);
            }
        }
    }
}
