namespace MentalHealthInsights.Core.Monitoring.Simulation;

/// <summary>The drift a simulation plants from its drift start day (docs/alerts-and-simulation.md).</summary>
public enum SimulationScenario
{
    /// <summary>No drift: every day is drawn like the reference.</summary>
    Stable,

    /// <summary>Sleep_Hours falls by 0.25 h more each day from the start, down to 2 h less.</summary>
    SleepDecline,

    /// <summary>An occupation never seen in the reference ("Student") takes 10 % more of the rows each day, up to 40 %.</summary>
    NewOccupation,

    /// <summary>Label shift: the prevalence rises from about 0.5 to about 0.75 while P(features | outcome) stays the same.</summary>
    LabelShift,

    /// <summary>Stress jumps at the start: High 60 %, Medium 25 %, Low 15 % (from a third each).</summary>
    StressSpike,
}
