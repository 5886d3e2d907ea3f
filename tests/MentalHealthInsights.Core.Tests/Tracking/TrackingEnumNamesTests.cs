using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class TrackingEnumNamesTests
{
    [Theory]
    [InlineData(RunStatus.Running, "RUNNING")]
    [InlineData(RunStatus.Scheduled, "SCHEDULED")]
    [InlineData(RunStatus.Finished, "FINISHED")]
    [InlineData(RunStatus.Failed, "FAILED")]
    [InlineData(RunStatus.Killed, "KILLED")]
    public void ToMlflowName_Status_UpperCaseWireNameThatParsesBack(RunStatus status, string name)
    {
        Assert.Equal(name, status.ToMlflowName());
        Assert.True(TrackingEnumNames.TryParseRunStatus(name.ToLowerInvariant(), out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void TryParseRunStatus_Unknown_False() =>
        Assert.False(TrackingEnumNames.TryParseRunStatus("DONE", out _));

    [Theory]
    [InlineData(LifecycleStage.Active, "active")]
    [InlineData(LifecycleStage.Deleted, "deleted")]
    public void ToMlflowName_Stage_LowerCaseWireNameThatParsesBack(
        LifecycleStage stage,
        string name
    )
    {
        Assert.Equal(name, stage.ToMlflowName());
        Assert.Equal(stage, TrackingEnumNames.ParseLifecycleStage(name));
    }
}
