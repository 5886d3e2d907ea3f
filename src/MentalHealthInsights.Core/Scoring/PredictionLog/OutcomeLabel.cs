namespace MentalHealthInsights.Core.Scoring.PredictionLog;

/// <summary>An observed outcome arriving after the prediction, keyed by the pseudonymised id.</summary>
/// <param name="SubjectKey">The keyed hash of User_ID (<see cref="SubjectPseudonymiser"/>).</param>
/// <param name="Outcome">Mental_Health_Condition = Yes.</param>
public sealed record OutcomeLabel(string SubjectKey, bool Outcome);
