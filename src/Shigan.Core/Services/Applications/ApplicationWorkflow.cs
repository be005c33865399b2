using static Shigan.Core.Services.Applications.PartAction;
using static Shigan.Core.Services.Applications.PartStatus;

namespace Shigan.Core.Services.Applications;

/// <summary>
/// The state machine of one department's part of an application: taken up, perhaps waiting for a material (as often
/// as needed), then completed or refused with a reason. Completed and refused are final. The application is done when
/// every part is final.
/// </summary>
public static class ApplicationWorkflow
{
    /// <summary>Reasons, materials and notes are short texts.</summary>
    public const int TextMaxLength = 500;

    public const int MaterialMaxLength = Material.NameMaxLength;

    public static IReadOnlyList<PartTransition> Rules { get; } =
    [
        new(Pending, Accept, Accepted),
        new(Pending, Refuse, Refused, NeedsReason: true),

        new(Accepted, RequestMaterial, MaterialRequested, NeedsMaterial: true),
        new(Accepted, Complete, Completed),
        new(Accepted, Refuse, Refused, NeedsReason: true),

        // The material came (brought in, or by data sharing): work goes on. Or it never came: refused.
        new(MaterialRequested, MaterialReceived, Accepted),
        new(MaterialRequested, Refuse, Refused, NeedsReason: true),
    ];

    private static readonly Dictionary<(PartStatus, PartAction), PartTransition> ByKey = Rules.ToDictionary(r => (r.From, r.Action));

    public static bool IsFinal(PartStatus status) => status is Completed or Refused;

    /// <summary>An application is done when it has parts and each is completed or refused.</summary>
    public static bool IsDone(IEnumerable<PartStatus> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return list.Count > 0 && list.All(IsFinal);
    }

    public static IReadOnlyList<PartAction> AllowedActions(PartStatus status) =>
        [.. Rules.Where(r => r.From == status).Select(r => r.Action)];

    public static PartTransition? Rule(PartStatus from, PartAction action) => ByKey.GetValueOrDefault((from, action));

    public static PartDecision Decide(PartStatus from, PartAction action, string? reason, string? material)
    {
        if (Rule(from, action) is not { } rule)
        {
            return PartDecision.Refused(ApplicationRefusals.NotAllowedFromStatus);
        }

        if (rule.NeedsReason && string.IsNullOrWhiteSpace(reason))
        {
            return PartDecision.Refused(ApplicationRefusals.ReasonRequired);
        }

        if (rule.NeedsMaterial && string.IsNullOrWhiteSpace(material))
        {
            return PartDecision.Refused(ApplicationRefusals.MaterialRequired);
        }

        if (reason?.Trim().Length > TextMaxLength || material?.Trim().Length > MaterialMaxLength)
        {
            return PartDecision.Refused(ApplicationRefusals.TextTooLong);
        }

        return PartDecision.Allowed(rule.To);
    }
}
