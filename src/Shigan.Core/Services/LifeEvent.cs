using Shigan.Core.Org;

namespace Shigan.Core.Services;

/// <summary>A life event (一件事): the service items one event in a citizen's life needs, in the order people do them.</summary>
public sealed class LifeEvent : ISharedSetting
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 64;

    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The items' codes in order; the order breaks ties where prerequisites leave a choice.</summary>
    public List<string> ItemCodes { get; set; } = [];

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;
}
