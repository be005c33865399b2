using Microsoft.Extensions.Localization;
using Shigan.Core.Org;
using Shigan.Web.Localization;

namespace Shigan.Web.Components.Common;

/// <summary>One option of a select: the enum's name as value, its localized label as text.</summary>
public sealed record Choice(string Value, string Label)
{
    public static List<Choice> Platforms(IStringLocalizer t) =>
        Enum.GetValues<Platform>().Select(p => new Choice(p.ToString(), t[Labels.Platform(p)])).ToList();

    public static List<Choice> Kinds(IStringLocalizer t) =>
        Enum.GetValues<DepartmentKind>().Select(k => new Choice(k.ToString(), t[Labels.Kind(k)])).ToList();

    public static List<Choice> Roles(IStringLocalizer t, Func<Role, bool>? allowed = null) =>
        Enum.GetValues<Role>().Where(r => allowed?.Invoke(r) ?? true).Select(r => new Choice(r.ToString(), t[Labels.Role(r)])).ToList();

    /// <summary>Reads a select's value back; anything unknown is no choice.</summary>
    public static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
