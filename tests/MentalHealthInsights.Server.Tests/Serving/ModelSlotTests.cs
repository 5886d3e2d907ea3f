using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Server.Serving;
using MentalHealthInsights.Server.Tests.Fixtures;

namespace MentalHealthInsights.Server.Tests.Serving;

[Collection(TrainedModelGroup.Name)]
public sealed class ModelSlotTests(TrainedModelFixture models)
{
    private ServedModel Load(string bundle) =>
        new(ModelBundleReader.Load(bundle), null, bundle, "f", DateTimeOffset.UnixEpoch);

    [Fact]
    public void TryLease_Empty_False()
    {
        using var slot = new ModelSlot();

        Assert.False(slot.TryLease(out _));
        Assert.False(slot.IsReady);
    }

    [Fact]
    public void Swap_WithLeaseHeld_OldModelLivesUntilTheLeaseEnds()
    {
        using var slot = new ModelSlot();
        var first = Load(models.LrBundle);
        slot.Swap(first);
        Assert.True(slot.TryLease(out var lease));

        slot.Swap(Load(models.XgbBundle));

        Assert.False(first.IsDisposed);
        Assert.InRange(lease.Model.Predictor.PredictProbability(Records.Sample), 0, 1);
        lease.Dispose();
        lease.Dispose();
        Assert.True(first.IsDisposed);
        Assert.True(slot.TryLease(out var next));
        Assert.Equal("xgb", next.Model.Bundle.Metadata.TrainerName);
        next.Dispose();
    }

    [Fact]
    public void Swap_NoLease_OldModelDisposedAtOnce()
    {
        using var slot = new ModelSlot();
        var first = Load(models.LrBundle);
        slot.Swap(first);

        slot.Swap(Load(models.LrBundle));

        Assert.True(first.IsDisposed);
        Assert.False(first.TryAddReference());
    }
}
