namespace Shigan.Core.Services;

/// <summary>One reason the plan differs from each department on its own, with its sentence for the comparison page.</summary>
/// <param name="SavesVisit">True when a visit to <paramref name="Place"/> disappears; false when only a paper does.</param>
public sealed record TripSaving(TripSavingKind Kind, string ItemCode, string? MaterialName, string Place, bool SavesVisit, string Text);
