using Shigan.Core.Services;

namespace Shigan.Core.Tests.Services;

/// <summary>Small hand-made catalogues: items at named offices, papers held, issued by an item or by a department.</summary>
internal static class Catalogue
{
    public static ServiceItem Item(
        string code, string department, int promised = 0, int visits = 1, ServiceChannels channels = ServiceChannels.None,
        string[]? after = null, params Material[] materials) =>
        new()
        {
            Code = code,
            Name = code + "事项",
            DepartmentName = department,
            LegalDays = Math.Max(promised, 1),
            PromisedDays = promised,
            OnSiteVisits = visits,
            Channels = channels,
            PrerequisiteCodes = [.. after ?? []],
            Materials = [.. materials],
        };

    public static Material Held(string name) => new() { Name = name, HeldByCitizen = true };

    public static Material From(string itemCode, string name) => new() { Name = name, IssuedByItemCode = itemCode };

    public static Material By(string department, string name) => new() { Name = name, IssuedByDepartment = department };

    public static Material Nobody(string name) => new() { Name = name };

    public static LifeEvent Bundle(params ServiceItem[] items) =>
        new() { Code = "test", Name = "测试一件事", ItemCodes = [.. items.Select(i => i.Code)] };
}
