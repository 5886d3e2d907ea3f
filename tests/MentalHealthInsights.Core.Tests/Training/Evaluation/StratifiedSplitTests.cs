using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Tests.Training.Evaluation;

public class StratifiedSplitTests
{
    [Fact]
    public void TrainTest_PreservesClassRatio()
    {
        var labels = Labels(negatives: 70, positives: 30);

        var (train, test) = StratifiedSplit.TrainTest(labels, 0.2, seed: 1);

        Assert.Equal(20, test.Length);
        Assert.Equal(6, test.Count(i => labels[i]));
        Assert.Equal(24, train.Count(i => labels[i]));
    }

    [Fact]
    public void TrainTest_CoversEveryRowExactlyOnce()
    {
        var labels = Labels(negatives: 57, positives: 23);

        var (train, test) = StratifiedSplit.TrainTest(labels, 0.25, seed: 5);

        Assert.Equal(Enumerable.Range(0, labels.Length), train.Concat(test).Order());
        Assert.Empty(train.Intersect(test));
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
    }

    [Fact]
    public void TrainTest_SameSeedSameSplit_OtherSeedOtherSplit()
    {
        var labels = Labels(negatives: 50, positives: 50);

        var first = StratifiedSplit.TrainTest(labels, seed: 3);
        var second = StratifiedSplit.TrainTest(labels, seed: 3);
        var other = StratifiedSplit.TrainTest(labels, seed: 4);

        Assert.Equal(first.Test, second.Test);
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public void TrainTest_TinyClass_KeepsOneRowInEachSet()
    {
        // round(2 · 0.2) = 0 is raised to 1 so the test set sees the class; a single row stays in train.
        var labels = Labels(negatives: 20, positives: 2);
        bool[] lone = [.. Labels(negatives: 9, positives: 1)];

        var (train, test) = StratifiedSplit.TrainTest(labels, 0.2);
        var (loneTrain, loneTest) = StratifiedSplit.TrainTest(lone, 0.2);

        Assert.Equal(1, test.Count(i => labels[i]));
        Assert.Equal(1, train.Count(i => labels[i]));
        Assert.Equal(1, loneTrain.Count(i => lone[i]));
        Assert.Equal(0, loneTest.Count(i => lone[i]));
    }

    [Fact]
    public void TrainTest_InvalidFraction_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StratifiedSplit.TrainTest([true, false], 1.0)
        );
    }

    [Theory]
    [InlineData(70, 30, 5)]
    [InlineData(61, 22, 5)]
    [InlineData(13, 4, 3)]
    [InlineData(100, 7, 10)]
    public void KFold_FoldsBalancedWithinOnePerClass(int negatives, int positives, int k)
    {
        var labels = Labels(negatives, positives);

        var folds = StratifiedSplit.KFold(labels, k, seed: 2);

        Assert.Equal(labels.Length, folds.Length);
        Assert.All(folds, f => Assert.InRange(f, 0, k - 1));
        var positivesPerFold = Enumerable
            .Range(0, k)
            .Select(f => Enumerable.Range(0, labels.Length).Count(i => folds[i] == f && labels[i]))
            .ToArray();
        var negativesPerFold = Enumerable
            .Range(0, k)
            .Select(f => Enumerable.Range(0, labels.Length).Count(i => folds[i] == f && !labels[i]))
            .ToArray();
        var sizes = Enumerable.Range(0, k).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.True(positivesPerFold.Max() - positivesPerFold.Min() <= 1);
        Assert.True(negativesPerFold.Max() - negativesPerFold.Min() <= 1);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        Assert.Equal(positives, positivesPerFold.Sum());
    }

    [Fact]
    public void KFold_IsDeterministicForASeed()
    {
        var labels = Labels(negatives: 40, positives: 20);

        Assert.Equal(StratifiedSplit.KFold(labels, 5, 9), StratifiedSplit.KFold(labels, 5, 9));
        Assert.NotEqual(StratifiedSplit.KFold(labels, 5, 9), StratifiedSplit.KFold(labels, 5, 10));
    }

    [Fact]
    public void Fold_EachRowIsTestedExactlyOnce()
    {
        var labels = Labels(negatives: 33, positives: 14);
        var folds = StratifiedSplit.KFold(labels, 4);

        var tested = new List<int>();
        for (var f = 0; f < 4; f++)
        {
            var (train, test) = StratifiedSplit.Fold(folds, f);
            Assert.Equal(labels.Length, train.Length + test.Length);
            Assert.Empty(train.Intersect(test));
            tested.AddRange(test);
        }

        Assert.Equal(Enumerable.Range(0, labels.Length), tested.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void KFold_InvalidK_Throws(int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.KFold(Labels(7, 3), k));
    }

    /// <summary>Interleaved labels so the original order carries no class information.</summary>
    private static bool[] Labels(int negatives, int positives)
    {
        var labels = new bool[negatives + positives];
        var random = new Random(negatives * 1000 + positives);
        var placed = 0;
        while (placed < positives)
        {
            var i = random.Next(labels.Length);
            if (!labels[i])
            {
                labels[i] = true;
                placed++;
            }
        }

        return labels;
    }
}
