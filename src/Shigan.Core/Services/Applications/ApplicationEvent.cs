using Shigan.Core.Org;

namespace Shigan.Core.Services.Applications;

/// <summary>One entry of an application's history: who, when, what, from which status to which, with what note. Never edited.</summary>
public sealed class ApplicationEvent : IInRegion, IAppendOnly, IKeepsOwnHistory
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public ServiceApplication? Application { get; set; }

    /// <summary>The part acted on, for a department's action.</summary>
    public long? SubApplicationId { get; set; }

    public DateTime AtUtc { get; set; }

    public ApplicationEventKind Kind { get; set; }

    public PartAction? Action { get; set; }

    public PartStatus? FromStatus { get; set; }

    public PartStatus? ToStatus { get; set; }

    /// <summary>The material asked for, on a request: the figures count which materials are missed most.</summary>
    public string? Material { get; set; }

    public string? DepartmentName { get; set; }

    /// <summary>The account that acted; null for the system.</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Note { get; set; }

    public required string RegionPath { get; set; }
}
